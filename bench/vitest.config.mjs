import { defineProject } from 'vitest/config'

// Only the pure helpers are unit-tested; the benchmarks themselves are run by hand (`pnpm bench:fanout`).
export default defineProject({
  test: { name: 'bench', environment: 'node', include: ['lib/**/*.test.mjs'] },
})
