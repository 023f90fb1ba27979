import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LocalCopy } from './localCopy.js'
import { readPreviewPicture } from './localDatabase.js'

let boards = 0
const freshName = () => `atelier-test-${++boards}`

/** A note written into its own document, as one update. */
function noteUpdate(id: string, text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('items').set(id, text)
  return Y.encodeStateAsUpdate(doc)
}

const failOnError = (error: unknown) => {
  throw error
}

/** Opens `name` into a new document and returns what it holds, then closes it. */
async function contents(name: string): Promise<{ items: Record<string, unknown>; rows: number }> {
  const doc = new Y.Doc()
  const copy = await LocalCopy.open(name, doc, failOnError)
  const updates = copy.takeStored()
  for (const update of updates) Y.applyUpdate(doc, update)
  await copy.close()
  return { items: doc.getMap('items').toJSON(), rows: updates.length }
}

describe('LocalCopy', () => {
  it('opens a copy y-indexeddb wrote (same database and rows) and says it held something', async () => {
    const name = freshName()
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name)
      req.onupgradeneeded = () => {
        req.result.createObjectStore('updates', { autoIncrement: true })
        req.result.createObjectStore('custom')
      }
      req.onsuccess = () => {
        const tx = req.result.transaction('updates', 'readwrite')
        tx.objectStore('updates').add(noteUpdate('a', 'from y-indexeddb'))
        tx.oncomplete = () => {
          req.result.close()
          resolve()
        }
      }
      req.onerror = () => reject(req.error)
    })
    const doc = new Y.Doc()
    const copy = await LocalCopy.open(name, doc, failOnError)
    for (const update of copy.takeStored()) Y.applyUpdate(doc, update)
    expect(copy.held).toBe(true)
    expect(await readPreviewPicture(name)).toBeNull()
    expect(doc.getMap('items').get('a')).toBe('from y-indexeddb')
    expect(copy.takeStored()).toEqual([])
    await copy.close()
  })

  it('keeps each update that passes through the document, not those it gave the document itself', async () => {
    const name = freshName()
    const doc = new Y.Doc()
    const copy = await LocalCopy.open(name, doc, failOnError)
    expect(copy.held).toBe(false)
    doc.on('update', copy.append)
    doc.getMap('items').set('mine', 'typed here')
    Y.applyUpdate(doc, noteUpdate('echo', 'applied by the copy'), copy)
    await copy.close()
    expect(await contents(name)).toEqual({ items: { mine: 'typed here' }, rows: 1 })
  })

  it('compacts into one row holding the whole document, keeping rows another tab added', async () => {
    const name = freshName()
    const doc = new Y.Doc()
    const copy = await LocalCopy.open(name, doc, failOnError)
    doc.on('update', copy.append)
    doc.getMap('items').set('first', 1)
    doc.getMap('items').set('second', 2)
    // Reaches the document without the update event (the relay's big answer): only compaction keeps it.
    doc.off('update', copy.append)
    doc.getMap('items').set('from relay', 3)
    doc.on('update', copy.append)
    const otherDoc = new Y.Doc()
    const otherTab = await LocalCopy.open(name, otherDoc, failOnError)
    otherDoc.on('update', otherTab.append)
    otherDoc.getMap('items').set('other tab', 4)
    await otherTab.close()
    await copy.compact()
    await copy.close()
    expect(await contents(name)).toEqual({
      items: { first: 1, second: 2, 'from relay': 3, 'other tab': 4 },
      rows: 1,
    })
  })

  it('writes a scheduled compaction when it closes', async () => {
    const name = freshName()
    const doc = new Y.Doc()
    const copy = await LocalCopy.open(name, doc, failOnError)
    doc.getMap('items').set('synced', true)
    copy.compactSoon(60_000)
    await copy.close()
    expect(await contents(name)).toEqual({ items: { synced: true }, rows: 1 })
  })

  it('keeps the picture its source draws, for the page entry to read', async () => {
    const name = freshName()
    const copy = await LocalCopy.open(name, new Y.Doc(), failOnError)
    await copy.savePicture()
    expect(await readPreviewPicture(name)).toBeNull()
    const image = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' })
    copy.setPictureSource(async () => ({ width: 1280, height: 800, pixelRatio: 1, image }))
    await copy.savePicture()
    await copy.close()
    const picture = await readPreviewPicture(name)
    if (!picture) throw new Error('no picture was kept')
    expect(picture).toMatchObject({ width: 1280, height: 800, pixelRatio: 1 })
    expect(new Uint8Array(await picture.image.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]))
  })
})
