/** One step of a Y.Text change (Y.YTextEvent.delta, attributes ignored). */
export interface DeltaOp {
  retain?: number
  insert?: string | object
  delete?: number
}

/**
 * Where a caret at `index` ends up after someone else's edit, so typing in a note while a
 * colleague types in the same note does not throw your caret around. Remote text inserted
 * exactly at the caret goes after it.
 */
export function transformIndex(index: number, delta: readonly DeltaOp[]): number {
  let position = 0
  let result = index
  for (const op of delta) {
    if (op.retain !== undefined) {
      position += op.retain
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (position < index) result += length
      position += length
    } else if (op.delete !== undefined) {
      if (position < index) result -= Math.min(op.delete, index - position)
    }
    if (position > index) break
  }
  return Math.max(0, result)
}
