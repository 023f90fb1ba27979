import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@atelier/source'] },
  test: { name: 'client', environment: 'node' },
})
