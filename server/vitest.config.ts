import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@atelier/source'] },
  test: {
    name: 'server',
    environment: 'node',
    // Several nodes share PostgreSQL: the cluster tests run in the server-postgres project only.
    exclude: ['test/cluster/**', '**/node_modules/**'],
  },
})
