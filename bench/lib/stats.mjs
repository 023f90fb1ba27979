/**
 * Latency statistics for the benchmarks: pure functions, no I/O.
 */

/**
 * Nearest-rank percentile of an ascending-sorted array.
 * `p` is in [0, 100]; p = 0 gives the minimum, p = 100 the maximum.
 *
 * @param {ArrayLike<number>} sorted values sorted ascending
 * @param {number} p percentile in [0, 100]
 * @returns {number} NaN for an empty array
 */
export function percentile(sorted, p) {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`)
  const n = sorted.length
  if (n === 0) return Number.NaN
  const rank = Math.max(1, Math.ceil((p / 100) * n))
  return sorted[rank - 1]
}

/**
 * Summary of a sample: count, mean and the percentiles the reports print.
 *
 * @param {Iterable<number>} values any order; not modified
 * @returns {{ count: number, mean: number, p50: number, p90: number, p99: number, max: number }}
 */
export function summarize(values) {
  const sorted = Float64Array.from(values).sort()
  const n = sorted.length
  let sum = 0
  for (const v of sorted) sum += v
  return {
    count: n,
    mean: n === 0 ? Number.NaN : sum / n,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: n === 0 ? Number.NaN : sorted[n - 1],
  }
}
