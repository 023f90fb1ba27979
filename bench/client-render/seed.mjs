/**
 * Boards for the rendering benchmark and the screenshots, written through a stock y-websocket
 * client in Node before the page opens, exactly as a script dropping notes on a board would.
 */
import { createItem, NOTE_COLORS, zKeysAbove } from '@atelier/shared'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** Notes per transaction: keeps every sync message well under the relay's 4 MiB limit. */
const BATCH = 1000

const WORDS = [
  'accueil',
  'usagers',
  'démarches',
  'en ligne',
  'guichet',
  'mairie',
  'rendez-vous',
  'formulaire',
  'simplifier',
  'délais',
  'agents',
  'horaires',
  'accessibilité',
  'numérique',
  'quartier',
  'écoute',
]

/** Deterministic text for note `i`: 3 to 12 words, so font fitting sees varied lengths. */
function noteText(i) {
  const count = 3 + ((i * 7) % 10)
  const words = []
  for (let k = 0; k < count; k++) words.push(WORDS[(i * 31 + k * 17) % WORDS.length])
  return `${i + 1}. ${words.join(' ')}`
}

/**
 * `count` notes in a grid of sections (frames) of 10 × 10 notes, like a big ideation session.
 * @param {Y.Doc} doc
 * @param {number} count
 */
export function writeNoteGrid(doc, count) {
  const note = 200
  const gap = 24
  const perFrame = 10
  const frameSide = perFrame * (note + gap) + gap
  const framesPerRow = Math.max(1, Math.ceil(Math.sqrt(count / (perFrame * perFrame))))
  const frameCount = Math.ceil(count / (perFrame * perFrame))
  const keys = zKeysAbove(null, count + frameCount)
  let z = 0
  doc.transact(() => {
    for (let f = 0; f < frameCount; f++) {
      const fx = (f % framesPerRow) * (frameSide + 120)
      const fy = Math.floor(f / framesPerRow) * (frameSide + 160)
      createItem(doc, {
        type: 'frame',
        x: fx,
        y: fy,
        w: frameSide,
        h: frameSide,
        text: `Atelier ${f + 1}`,
        z: keys[z++],
      })
    }
  })
  for (let start = 0; start < count; start += BATCH) {
    doc.transact(() => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const f = Math.floor(i / (perFrame * perFrame))
        const k = i % (perFrame * perFrame)
        const fx = (f % framesPerRow) * (frameSide + 120)
        const fy = Math.floor(f / framesPerRow) * (frameSide + 160)
        createItem(doc, {
          type: 'note',
          x: fx + gap + (k % perFrame) * (note + gap),
          y: fy + gap + Math.floor(k / perFrame) * (note + gap),
          w: note,
          h: note,
          text: noteText(i),
          color: NOTE_COLORS[i % NOTE_COLORS.length].value,
          z: keys[z++],
        })
      }
    })
  }
}

/**
 * Connects a stock client, lets `write` fill the document, and waits until the relay has it all.
 * The writer stays connected, as the facilitator who prepared the board stays in it during the
 * workshop: the relay keeps the room loaded, so a participant's first visit measures the page,
 * not the relay loading the board from its store. Call the returned function to leave.
 * @param {string} serverUrl  ws://host:port/sync
 * @param {string} room       board id
 * @param {string} token
 * @param {(doc: Y.Doc) => void} write
 * @returns {Promise<() => void>}
 */
export async function seed(serverUrl, room, token, write) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket,
    disableBc: true,
  })
  const leave = () => {
    provider.destroy()
    doc.destroy()
  }
  try {
    await new Promise((resolve) => provider.once('sync', resolve))
    write(doc)
    // The relay stores before it answers: a second client that syncs sees everything written.
    const check = new Y.Doc()
    const reader = new WebsocketProvider(serverUrl, room, check, {
      params: { token },
      WebSocketPolyfill: WebSocket,
      disableBc: true,
    })
    const expected = doc.getMap('items').size
    const deadline = Date.now() + 60_000
    while (check.getMap('items').size < expected) {
      if (Date.now() > deadline) throw new Error(`relay has ${check.getMap('items').size}/${expected} items`)
      await new Promise((r) => setTimeout(r, 50))
    }
    reader.destroy()
    check.destroy()
    return leave
  } catch (error) {
    leave()
    throw error
  }
}
