// Sums the test counts that vitest and Playwright print into one "N passed, N failed" line.
import { readFileSync } from 'node:fs'
import { stripVTControlCharacters } from 'node:util'

const log = stripVTControlCharacters(readFileSync(process.argv[2] ?? 0, 'utf8'))
let passed = 0
let failed = 0
let skipped = 0
for (const line of log.split('\n')) {
  const vitest = line.match(/^\s*Tests\s+(.*)$/)
  const playwright = line.match(/^\s*(\d+) (passed|failed|flaky|skipped)\b/)
  if (vitest) {
    for (const [, n, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped)/g)) {
      if (kind === 'passed') passed += Number(n)
      else if (kind === 'failed') failed += Number(n)
      else skipped += Number(n)
    }
  } else if (playwright) {
    const n = Number(playwright[1])
    if (playwright[2] === 'passed' || playwright[2] === 'flaky') passed += n
    else if (playwright[2] === 'failed') failed += n
    else skipped += n
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
