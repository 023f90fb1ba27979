import { createItem, deleteItems, itemsMap, readItems, setItemText } from '@atelier/shared'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MalformedUpdate } from '../src/sync/updates/decode.js'
import { inspectUpdate } from '../src/sync/updates/inspect.js'
import { craftStructs, seeded } from './craftedStructs.js'

/**
 * Property: any update the relay's reader accepts, however its structs are put together, applies
 * without Yjs throwing, leaves nothing pending, reads back, and leaves a board whose items can
 * all be deleted (which collects them: where a split map value made Yjs throw). The updates are
 * random structs that refer to ids the board holds, as a modified client could write them; the
 * bit-level fuzzing of honest updates is in relay-fuzz.test.ts.
 */

function board(): Y.Doc {
  const doc = new Y.Doc()
  createItem(doc, { type: 'note', x: 5000, y: 0, text: 'instructions', locked: true })
  const free = createItem(doc, { type: 'note', x: 0, y: 0, text: 'free' })
  createItem(doc, { type: 'frame', x: 0, y: 0, w: 100, h: 100 })
  setItemText(doc, free, 'free text, longer')
  return doc
}

function replicaOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

describe('crafted structs', () => {
  it('an update the reader accepts never makes Yjs throw, now or when the board is later cleared', () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 6 }), (seed, steps) => {
        const random = seeded(seed)
        const room = board()
        for (let step = 0; step < steps; step++) {
          const update = craftStructs(room, random)
          try {
            inspectUpdate(room, update)
          } catch (error) {
            if (error instanceof MalformedUpdate) continue
            throw error
          }
          accepted++
          const replica = replicaOf(Y.encodeStateAsUpdate(room))
          Y.applyUpdate(replica, update)
          expect(replica.store.pendingStructs).toBeNull()
          expect(replica.store.pendingDs).toBeNull()
          const reread = replicaOf(Y.encodeStateAsUpdate(replica))
          expect(JSON.stringify(reread.toJSON())).toBe(JSON.stringify(replica.toJSON()))
          readItems(replica)
          deleteItems(replica, [...itemsMap(replica).keys()])
          // The room keeps the update: later steps build on what earlier ones left.
          Y.applyUpdate(room, update)
        }
      }),
      { numRuns: 1500 },
    )
    // Not a property that holds vacuously: many crafted updates pass the reader.
    expect(accepted).toBeGreaterThan(500)
  })
})
