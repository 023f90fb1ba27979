import type * as Y from 'yjs'

/** The single edit (delete then insert at `index`) that turns `before` into `after`. */
export function textEdit(before: string, after: string): { index: number; remove: number; insert: string } {
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before[start] === after[start]) start++
  let end = 0
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) {
    end++
  }
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) }
}

/**
 * Applies `value` to a Y.Text as the smallest edit, so two people typing in the same note
 * merge their keystrokes instead of overwriting each other.
 */
export function applyTextValue(text: Y.Text, value: string): void {
  const edit = textEdit(text.toString(), value)
  if (edit.remove === 0 && edit.insert === '') return
  const apply = () => {
    if (edit.remove > 0) text.delete(edit.index, edit.remove)
    if (edit.insert) text.insert(edit.index, edit.insert)
  }
  if (text.doc) text.doc.transact(apply)
  else apply()
}
