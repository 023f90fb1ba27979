/**
 * Where a benchmark leaves its figures: the whole run as JSON in bench/results/, and one line in
 * its section of docs/benchmarks.md, so the doc keeps every run's figures and the command behind them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DOC = join(REPO_ROOT, 'docs/benchmarks.md')

/** The machine a run was made on, with how busy it was (others' work shows in the figures). */
export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  }
}

/**
 * Writes `bench/results/<name>-<date>.json`.
 * @param {string} name
 * @param {object} report
 * @returns {Promise<string>} the file, relative to the repository
 */
export async function saveResult(name, report) {
  const dir = join(REPO_ROOT, 'bench/results')
  await mkdir(dir, { recursive: true })
  const file = join(dir, `${name}-${new Date().toISOString().slice(0, 10)}.json`)
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
  return relative(REPO_ROOT, file)
}

/**
 * Adds `line` to the run log of a benchmark in docs/benchmarks.md: the list that follows the line
 * `<!-- runs: NAME -->`, which the benchmark's section holds.
 * @param {string} name
 * @param {string} line  one Markdown list item's text
 */
export async function logRun(name, line) {
  const marker = `<!-- runs: ${name} -->`
  const text = await readFile(DOC, 'utf8')
  const lines = text.split('\n')
  const at = lines.indexOf(marker)
  if (at === -1) throw new Error(`docs/benchmarks.md has no line "${marker}" to log the run under`)
  let end = at + 1
  while (lines[end]?.startsWith('- ')) end++
  lines.splice(end, 0, `- ${line.replaceAll('\n', ' ')}`)
  await writeFile(DOC, lines.join('\n'))
}

/** `2026-11-30 08:40 UTC`, for the run log. */
export function stamp(date = new Date()) {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
