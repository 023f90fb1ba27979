import { defineConfig } from 'vitest/config'

// One vitest run for the whole workspace: each package declares its own project.
export default defineConfig({
  test: {
    projects: [
      'shared',
      'server',
      'server/vitest.postgres.config.ts',
      'client',
      'bench',
      'tests/compose',
      'tests/architecture',
    ],
  },
})
