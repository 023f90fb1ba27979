import { createItem, itemsMap, itemText } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { UpdateRevert } from '../src/sync/revert.js'
import { copyOf, updateOf } from './crafted.js'

const WRITER = { name: 'a participant whose updates the rules refuse' }
/** The relay warns when Yjs' own undo left a text changed and it had to write the text again. */
const rewritten: unknown[] = []
const log = { warn: (...args: unknown[]) => rewritten.push(args) }

/** Every unit of the note's text in order, deleted ones included: where replicas must agree. */
function units(doc: Y.Doc, id: string): string[] {
  const ids: string[] = []
  for (let item = itemText(doc, id)?._start ?? null; item; item = item.right)
    for (let unit = 0; unit < item.length; unit++) ids.push(`${item.id.client}:${item.id.clock + unit}`)
  return ids
}

/**
 * Items whose written neighbours are not on their sides: Yjs places such an item by how each
 * replica has split its neighbours, so replicas can order the text apart.
 */
function misplaced(doc: Y.Doc, id: string): string[] {
  const order = units(doc, id)
  const at = (unit: Y.ID) => order.indexOf(`${unit.client}:${unit.clock}`)
  const wrong: string[] = []
  for (let item = itemText(doc, id)?._start ?? null; item; item = item.right) {
    const first = at(item.id)
    if (item.origin && !(at(item.origin) < first)) wrong.push(`${item.id.clock} after its origin`)
    if (item.rightOrigin && !(at(item.rightOrigin) > first + item.length - 1))
      wrong.push(`${item.id.clock} before its right origin`)
  }
  return wrong
}

function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
  return replica
}

/** Applies what a stock client writes as the relay does for a refused update: applied, then taken back. */
function refuse(room: Y.Doc, id: string, change: (client: Y.Doc) => void): void {
  const client = copyOf(room)
  const update = updateOf(client, () => change(client))
  const revert = new UpdateRevert(room, [...room.share.values()], [WRITER], [id])
  Y.applyUpdate(room, update, WRITER)
  revert.revert(log)
  revert.destroy()
}

describe('UpdateRevert', () => {
  it('takes back the same text again and again, and leaves what a replica reads', () => {
    const room = new Y.Doc()
    const id = createItem(room, { type: 'note', x: 0, y: 0, text: 'free text, longer', locked: true })
    refuse(room, id, (client) => itemText(client, id)?.delete(15, 2))
    // Yjs gives a document a new client id when an update carries its own: the next revert
    // writes its copies under another id, which changes the order Yjs restores them in.
    room.clientID += 1
    refuse(room, id, (client) => itemText(client, id)?.delete(15, 1))
    // The text itself deleted: Yjs restores it as a new text, each unit placed after its old neighbours.
    refuse(room, id, (client) => itemsMap(client).get(id)?.delete('text'))
    const replica = replicaOf(room)
    expect(itemText(room, id)?.toString()).toBe('free text, longer')
    expect(itemText(replica, id)?.toString()).toBe('free text, longer')
    expect(units(replica, id)).toEqual(units(room, id))
    expect(misplaced(room, id)).toEqual([])
    expect(rewritten).toEqual([])
  })
})
