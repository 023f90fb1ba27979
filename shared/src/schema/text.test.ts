import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTextValue, textEdit } from './text.js'

describe('textEdit', () => {
  it.each([
    ['', 'abc', { index: 0, remove: 0, insert: 'abc' }],
    ['abc', '', { index: 0, remove: 3, insert: '' }],
    ['hello world', 'hello brave world', { index: 6, remove: 0, insert: 'brave ' }],
    ['aaa', 'aa', { index: 2, remove: 1, insert: '' }],
    ['idée', 'idées', { index: 4, remove: 0, insert: 's' }],
    ['same', 'same', { index: 4, remove: 0, insert: '' }],
  ])('turns %j into %j', (before, after, edit) => {
    expect(textEdit(before, after)).toEqual(edit)
    const applied = before.slice(0, edit.index) + edit.insert + before.slice(edit.index + edit.remove)
    expect(applied).toBe(after)
  })
})

describe('applyTextValue', () => {
  it('merges two people typing in the same note instead of overwriting', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getText('t').insert(0, 'Idée')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    applyTextValue(a.getText('t'), 'Grande idée')
    applyTextValue(b.getText('t'), 'Idée neuve')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(a.getText('t').toString()).toBe('Grande idée neuve')
    expect(b.getText('t').toString()).toBe(a.getText('t').toString())
  })
})
