/**
 * What every benchmark's command line does alike: options read and checked, a hard time limit,
 * and servers or children killed however the run ends.
 */
import { parseArgs } from 'node:util'

export class UsageError extends Error {}

/**
 * Reads the options; `--help` prints the usage and exits.
 * @param {string} usage
 * @param {import('node:util').ParseArgsConfig['options']} options
 */
export function readOptions(usage, options) {
  const { values } = parseArgs({
    options: { ...options, help: { type: 'boolean', short: 'h', default: false } },
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  /** An integer option in [min, max], or a UsageError naming it. */
  const int = (/** @type {string} */ name, /** @type {number} */ min, /** @type {number} */ max) => {
    const raw = values[name]
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got ${JSON.stringify(raw)}`)
    }
    return n
  }
  return { values, int }
}

/**
 * Reads the options with `parse`, then runs `main` under a hard limit of `options.timeout`
 * seconds and exits with its code. `stop` (which kills what the benchmark started, by pid) runs
 * however it ends: the hard limit (exit 2), Ctrl-C (130), an error (1, or 64 for a bad option,
 * printed with the usage).
 * @template {{ timeout: number }} O
 * @param {{ name: string, usage: string, stop: () => void }} bench
 * @param {() => O} parse
 * @param {(options: O) => Promise<number>} main
 */
export function run(bench, parse, main) {
  const fail = (/** @type {string} */ message, /** @type {number} */ code) => {
    bench.stop()
    console.error(`${bench.name}: ${message}`)
    process.exit(code)
  }
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => fail(`stopped by ${signal}`, 130))
  }
  /** @type {O} */
  let options
  try {
    options = parse()
  } catch (err) {
    if (err instanceof UsageError || /** @type {any} */ (err)?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      fail(`${/** @type {Error} */ (err).message}\n\n${bench.usage}`, 64)
    }
    throw err
  }
  setTimeout(
    () => fail(`hard timeout of ${options.timeout} s reached, stopping`, 2),
    options.timeout * 1000,
  ).unref()
  main(options).then(
    (code) => {
      bench.stop()
      process.exit(code)
    },
    (err) => fail(err?.stack ?? String(err), 1),
  )
}
