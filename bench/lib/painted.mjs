/**
 * When a page's notes were painted, from the paint probe's per-frame samples (see
 * bench/client-render/page.mjs): pure functions, no I/O.
 */

/**
 * The time of the first frame from which the canvas shows at least `fraction` of the notes'
 * pixels it shows once settled (the last sample), and keeps showing them. A frame that shows
 * only part of the board (a progressive draw, a first view elsewhere) does not count.
 *
 * @param {ReadonlyArray<readonly [number, number]>} samples `[time ms, note-coloured samples]`, in time order
 * @param {number} [fraction] of the settled count, in (0, 1]
 * @returns {number | null} null when the settled frame shows no note at all
 */
export function paintedAt(samples, fraction = 0.9) {
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction must be in (0, 1], got ${fraction}`)
  if (samples.length === 0) return null
  const settled = samples[samples.length - 1][1]
  if (settled === 0) return null
  const needed = fraction * settled
  let first = samples.length - 1
  while (first > 0 && samples[first - 1][1] >= needed) first--
  return samples[first][0]
}

/**
 * How many runs met a target, and the verdict line the benchmark ends with.
 *
 * @param {ReadonlyArray<{ name: string, values: ReadonlyArray<number | null>, met: (value: number) => boolean, unit: string }>} rows
 * @returns {{ rows: Array<{ name: string, met: number, runs: number }>, verdict: string }}
 */
export function verdict(rows) {
  const counted = rows.map((row) => ({
    name: row.name,
    runs: row.values.length,
    met: row.values.filter((value) => value !== null && row.met(value)).length,
  }))
  const missed = counted.filter((row) => row.runs === 0 || row.met < row.runs)
  return {
    rows: counted,
    verdict:
      missed.length === 0
        ? 'target met'
        : `target missed: ${missed.map((row) => `${row.name} (${row.met}/${row.runs} runs)`).join('; ')}`,
  }
}
