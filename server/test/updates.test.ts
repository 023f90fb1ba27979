import { createItem, deleteItems, itemsMap, itemText, setItemText, updateItem } from '@atelier/shared'
import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { touchedItemIds } from '../src/sync/policies/transactions.js'
import { checkCausality } from '../src/sync/updates/causality.js'
import { decodeUpdate, MAX_VALUE_DEPTH, MalformedUpdate } from '../src/sync/updates/decode.js'
import { footprintOf } from '../src/sync/updates/footprint.js'
import { checkShapes } from '../src/sync/updates/shape.js'
import { copyOf, craftedValue, updateOf } from './crafted.js'

function board(): { doc: Y.Doc; note: string; other: string } {
  const doc = new Y.Doc()
  const note = createItem(doc, { type: 'note', x: 0, y: 0, text: 'hello' })
  const other = createItem(doc, { type: 'note', x: 500, y: 0, text: 'other' })
  return { doc, note, other }
}

describe('decodeUpdate', () => {
  it('reads every struct and deletion of an update, as Yjs does', () => {
    const { doc, note } = board()
    const update = updateOf(doc, () => {
      setItemText(doc, note, 'bonjour')
      updateItem(doc, note, { x: 3, tags: ['a'] })
    })
    const decoded = decodeUpdate(update)
    const reference = Y.decodeUpdate(update)
    expect([...decoded.structs.values()].flat().map((s) => [s.id.client, s.id.clock, s.length])).toEqual(
      reference.structs.map((s) => [s.id.client, s.id.clock, s.length]),
    )
    const deletes = [...reference.ds.clients].flatMap(([client, ranges]) =>
      ranges.map((range) => ({ client, clock: range.clock, length: range.len })),
    )
    expect(decoded.deletes).toEqual(deletes)
  })

  it('refuses an update cut anywhere, and one with bytes after it', () => {
    const { doc, note } = board()
    const update = updateOf(doc, () => setItemText(doc, note, 'bonjour'))
    for (let length = 0; length < update.length; length++) {
      expect(() => decodeUpdate(update.subarray(0, length)), `cut at ${length}`).toThrow(MalformedUpdate)
    }
    expect(() => decodeUpdate(new Uint8Array([...update, 0]))).toThrow('trailing bytes')
  })

  it('does not read past the end of its view into the bytes that follow it in the buffer', () => {
    const { doc, note } = board()
    const update = updateOf(doc, () => setItemText(doc, note, 'bonjour'))
    const buffer = new Uint8Array(update.length + 16)
    buffer.set(update)
    expect(() => decodeUpdate(buffer.subarray(0, update.length - 1))).toThrow(MalformedUpdate)
  })

  it('refuses values nested deeper than the limit', () => {
    const { doc, note } = board()
    let value: unknown = 'deep'
    for (let i = 0; i < MAX_VALUE_DEPTH + 1; i++) value = [value]
    const update = updateOf(doc, () => itemsMap(doc).get(note)?.set('deep', value))
    expect(() => decodeUpdate(update)).toThrow('nested too deeply')
  })

  it('refuses XML types, which Atelier never writes', () => {
    const doc = new Y.Doc()
    const update = updateOf(doc, () => doc.getXmlFragment('x').insert(0, [new Y.XmlText('a')]))
    expect(() => decodeUpdate(update)).toThrow('XML type 6')
  })

  it('refuses a client listed twice', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 2)
    for (let i = 0; i < 2; i++) {
      encoding.writeVarUint(encoder, 1) // one struct
      encoding.writeVarUint(encoder, 7) // client 7
      encoding.writeVarUint(encoder, 0) // clock 0
      encoding.writeUint8(encoder, 0) // GC
      encoding.writeVarUint(encoder, 1)
    }
    encoding.writeVarUint(encoder, 0)
    expect(() => decodeUpdate(encoding.toUint8Array(encoder))).toThrow('listed twice')
  })

  it('refuses an empty deletion, which Yjs parks when it is beyond its state and then fails to encode', () => {
    const { doc } = board()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0) // no structs
    encoding.writeVarUint(encoder, 1) // one client in the delete set
    encoding.writeVarUint(encoder, 12345)
    encoding.writeVarUint(encoder, 1) // one range: 32 + 0
    encoding.writeVarUint(encoder, 32)
    encoding.writeVarUint(encoder, 0)
    const update = encoding.toUint8Array(encoder)
    expect(() => decodeUpdate(update)).toThrow('empty deletion of client 12345')
    expect(() => Y.applyUpdate(doc, update)).toThrow('Unexpected case')
  })
})

describe('checkCausality', () => {
  it('accepts an update built on the document, and one whose structs depend on each other', () => {
    const { doc, note } = board()
    const first = copyOf(doc)
    const a = updateOf(first, () => setItemText(first, note, 'one'))
    const second = copyOf(first)
    const b = updateOf(second, () => itemText(second, note)?.insert(3, ' two'))
    expect(() => checkCausality(doc, decodeUpdate(a))).not.toThrow()
    expect(() => checkCausality(doc, decodeUpdate(Y.mergeUpdates([b, a])))).not.toThrow()
  })

  it('refuses a struct that depends on one neither the document nor the update holds', () => {
    const { doc, note } = board()
    const first = copyOf(doc)
    updateOf(first, () => setItemText(first, note, 'one'))
    const second = copyOf(first)
    const b = updateOf(second, () => itemText(second, note)?.insert(3, ' two'))
    expect(() => checkCausality(doc, decodeUpdate(b))).toThrow(MalformedUpdate)
    // Yjs itself would park it, and integrate it with whatever later brings the missing struct.
    Y.applyUpdate(doc, b)
    expect(doc.store.pendingStructs).not.toBeNull()
  })

  it('refuses a deletion beyond what the document holds', () => {
    const { doc } = board()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, doc.clientID)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, Y.getState(doc.store, doc.clientID) - 1)
    encoding.writeVarUint(encoder, 2)
    expect(() => checkCausality(doc, decodeUpdate(encoding.toUint8Array(encoder)))).toThrow('beyond')
  })
})

describe('checkShapes', () => {
  it('refuses a map value of several live units, which Yjs fails to collect once its map is deleted', () => {
    const { doc, note } = board()
    const map = itemsMap(doc).get(note)
    if (!map?._item) throw new Error('no note map')
    const twoValues = craftedValue({ client: 4242, clock: 0, parent: map._item.id, key: 'k', values: [1, 2] })
    const between = craftedValue({ client: 4242, clock: 2, origin: Y.createID(4242, 0), values: [3] })
    expect(() => checkShapes(doc, decodeUpdate(twoValues))).toThrow(
      'struct 4242:0 under key "k" holds 2 live values',
    )
    // What Yjs does with them: the split leaves a live value behind, and deleting the note throws.
    const replica = copyOf(doc)
    Y.applyUpdate(replica, twoValues)
    Y.applyUpdate(replica, between)
    expect(() => deleteItems(replica, [note])).toThrow('Unexpected case')
  })

  it('refuses a struct whose neighbours are in two places, which replicas would not place alike', () => {
    const { doc, note, other } = board()
    const x = itemsMap(doc).get(note)?._map.get('x')
    const y = itemsMap(doc).get(other)?._map.get('y')
    if (!x || !y) throw new Error('notes without x or y')
    const between = craftedValue({ client: 4242, clock: 0, origin: x.id, right: y.id, values: [1] })
    expect(() => checkShapes(doc, decodeUpdate(between))).toThrow(
      'struct 4242:0 has neighbours in two places',
    )
    // A stock client's insertion inside a text has both neighbours in that text.
    const replica = copyOf(doc)
    const typed = updateOf(replica, () => itemText(replica, note)?.insert(2, 'XY'))
    expect(
      Y.decodeUpdate(typed).structs.some((struct) => 'rightOrigin' in struct && struct.rightOrigin),
    ).toBe(true)
    expect(() => checkShapes(doc, decodeUpdate(typed))).not.toThrow()
  })

  it('refuses a struct whose right neighbour comes before its left one, which replicas would order apart', () => {
    const { doc, note } = board()
    const first = itemText(doc, note)?._start
    if (!first) throw new Error('the note has no text')
    const at = (offset: number) => Y.createID(first.id.client, first.id.clock + offset)
    const backwards = craftedValue({ client: 4242, clock: 0, origin: at(3), right: at(1), values: [1] })
    expect(() => checkShapes(doc, decodeUpdate(backwards))).toThrow('right neighbour before its left one')
    const onItself = craftedValue({ client: 4242, clock: 0, origin: at(2), right: at(2), values: [1] })
    expect(() => checkShapes(doc, decodeUpdate(onItself))).toThrow('one unit as both its neighbours')
  })

  it('refuses a struct placed past a unit its writer knew, which replicas would order apart', () => {
    const { doc, note } = board()
    const first = itemText(doc, note)?._start
    if (!first) throw new Error('the note has no text')
    const at = (offset: number) => Y.createID(first.id.client, first.id.clock + offset)
    // "hello" is one struct: whoever knew its "o" knew the "l" before it, which stands between.
    const skipping = craftedValue({ client: 4242, clock: 0, origin: at(1), right: at(4), values: [1] })
    expect(() => checkShapes(doc, decodeUpdate(skipping))).toThrow(
      'a unit its writer knew between it and its left',
    )
    // After its second "l" with nothing on the right: its writer may not have had the "o" yet
    // (typed after it, in the same struct).
    const beforeTheO = craftedValue({ client: 4242, clock: 0, origin: at(3), values: [1] })
    expect(() => checkShapes(doc, decodeUpdate(beforeTheO))).not.toThrow()
    const honest = craftedValue({ client: 4242, clock: 0, origin: at(1), right: at(2), values: [1] })
    expect(() => checkShapes(doc, decodeUpdate(honest))).not.toThrow()
  })

  it("refuses a struct between two of the update's own that were never side by side", () => {
    const { doc, note } = board()
    // A stock client types "abc"; a crafted struct of the same update goes after "c" and before "b".
    const replica = copyOf(doc)
    const typed = updateOf(replica, () => itemText(replica, note)?.insert(5, 'abc'))
    const [abc] = Y.decodeUpdate(typed).structs
    if (!abc) throw new Error('nothing typed')
    const unit = (offset: number) => Y.createID(abc.id.client, abc.id.clock + offset)
    const crossed = craftedValue({ client: 4242, clock: 0, origin: unit(2), right: unit(1), values: [1] })
    const merged = Y.mergeUpdates([typed, crossed])
    expect(() => checkShapes(doc, decodeUpdate(merged))).toThrow('right neighbour before its left one')
  })

  it('accepts a move by someone who saw only the first of two moves Yjs merged into one struct', () => {
    const { doc, note } = board()
    const mover = copyOf(doc)
    const send = (update: Uint8Array) => {
      checkShapes(doc, decodeUpdate(update))
      Y.applyUpdate(doc, update)
    }
    send(updateOf(mover, () => updateItem(mover, note, { x: 1 })))
    const late = copyOf(doc)
    send(updateOf(mover, () => updateItem(mover, note, { x: 2 })))
    send(updateOf(mover, () => updateItem(mover, note, { x: 3 })))
    // The mover's first two values, overwritten, are one struct now: the next unit of the first
    // is the second, which the late one never saw.
    const first = itemsMap(doc).get(note)?._map.get('x')?.left
    expect(first?.length).toBe(2)
    const move = updateOf(late, () => updateItem(late, note, { x: 4 }))
    expect(() => checkShapes(doc, decodeUpdate(move))).not.toThrow()
  })

  it('accepts an offline session typed inside what it just typed', () => {
    const { doc, note } = board()
    const replica = copyOf(doc)
    const text = itemText(replica, note)
    if (!text) throw new Error('the note has no text')
    // "ab", then "c" between them, then "d" after "c": "b" was written after "a", not after "c".
    text.insert(1, 'ab')
    text.insert(2, 'c')
    text.insert(3, 'd')
    expect(text.toString()).toBe('hacdbello')
    const session = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(doc))
    expect(() => checkShapes(doc, decodeUpdate(session))).not.toThrow()
  })

  it('accepts overwritten values merged into one struct, and each value a stock client writes', () => {
    const { doc, note } = board()
    const map = itemsMap(doc).get(note)
    if (!map?._item) throw new Error('no note map')
    const overwritten = craftedValue({
      client: 4242,
      clock: 0,
      parent: map._item.id,
      key: 'k',
      values: [1, 2],
      deletes: [[4242, 0, 2]],
    })
    expect(() => checkShapes(doc, decodeUpdate(overwritten))).not.toThrow()
    // Deleted by two ranges that meet, it is deleted whole; by one of them only, it is not.
    const base = { client: 4242, clock: 0, parent: map._item.id, key: 'k', values: [1, 2] }
    const twoRanges = craftedValue({
      ...base,
      deletes: [
        [4242, 1, 1],
        [4242, 0, 1],
      ],
    })
    expect(() => checkShapes(doc, decodeUpdate(twoRanges))).not.toThrow()
    const halfDeleted = craftedValue({ ...base, deletes: [[4242, 0, 1]] })
    expect(() => checkShapes(doc, decodeUpdate(halfDeleted))).toThrow('2 live values')
    const replica = copyOf(doc)
    const honest = updateOf(replica, () => {
      updateItem(replica, note, { x: 1, tags: ['a'] })
      updateItem(replica, note, { x: 2 })
      updateItem(replica, note, { x: 3 })
    })
    expect(() => checkShapes(doc, decodeUpdate(honest))).not.toThrow()
  })
})

describe('footprintOf', () => {
  it('names the items an update creates, changes in depth and deletes, and the roots it writes', () => {
    const { doc, note, other } = board()
    const copy = copyOf(doc)
    let created = ''
    const update = updateOf(copy, () =>
      copy.transact(() => {
        created = createItem(copy, { type: 'note', x: 0, y: 0 })
        itemText(copy, note)?.insert(0, '!')
        deleteItems(copy, [other])
        copy.getMap('meta').set('title', 'renamed')
      }),
    )
    const footprint = footprintOf(doc, decodeUpdate(update))
    expect(footprint.itemIds).toEqual(new Set([created, note, other]))
    expect(footprint.removedItemIds).toEqual(new Set([other]))
    expect(footprint.roots).toEqual(new Set(['items', 'meta']))
  })

  it('always covers what the applied transaction touched', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), x: fc.integer() }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), x: fc.integer() }),
      fc.record({ kind: fc.constant('type' as const), pick: fc.nat(), at: fc.nat(), text: fc.string() }),
      fc.record({ kind: fc.constant('cut' as const), pick: fc.nat(), at: fc.nat(), length: fc.nat(5) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    )
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        fc.array(edit, { maxLength: 4 }),
        (setup, edits) => {
          const { doc } = board()
          const apply = (target: Y.Doc, list: typeof setup) => {
            for (const step of list) {
              const ids = [...itemsMap(target).keys()].sort()
              const id =
                ids.length > 0 ? (ids[('pick' in step ? step.pick : 0) % ids.length] as string) : null
              if (step.kind === 'create') createItem(target, { type: 'note', x: step.x, y: 0, text: 'n' })
              else if (!id) continue
              else if (step.kind === 'move') updateItem(target, id, { x: step.x })
              else if (step.kind === 'delete') deleteItems(target, [id])
              else {
                const text = itemText(target, id)
                if (!text) continue
                if (step.kind === 'type') text.insert(step.at % (text.length + 1), step.text)
                else
                  text.delete(
                    step.at % (text.length + 1),
                    Math.min(step.length, text.length - (step.at % (text.length + 1))),
                  )
              }
            }
          }
          apply(doc, setup)
          const copy = copyOf(doc)
          const updates: Uint8Array[] = []
          copy.on('update', (update: Uint8Array) => updates.push(update))
          apply(copy, edits)
          if (updates.length === 0) return
          const update = Y.mergeUpdates(updates)
          const footprint = footprintOf(doc, decodeUpdate(update))
          let touched = new Set<string>()
          doc.once('afterTransaction', (transaction: Y.Transaction) => {
            touched = touchedItemIds(transaction)
          })
          Y.applyUpdate(doc, update)
          for (const id of touched) expect(footprint.itemIds.has(id)).toBe(true)
        },
      ),
      { numRuns: 200 },
    )
  })
})
