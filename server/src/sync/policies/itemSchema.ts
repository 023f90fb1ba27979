import { ITEM_TYPES, itemsMap, readZones, SHAPE_KINDS, TEXT_ITEM_TYPES } from '@atelier/shared'
import * as Y from 'yjs'
import { changedKeys, createdItemIds } from './transactions.js'
import type { RoomPolicy } from './types.js'

const finite = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value)
const string = (value: unknown): boolean => typeof value === 'string'
const oneOf =
  (allowed: readonly string[]) =>
  (value: unknown): boolean =>
    typeof value === 'string' && allowed.includes(value)

/** The value each known key of an item must hold (see ItemSnapshot). Unknown keys are left to newer versions. */
const ITEM_VALUES: Record<string, (value: unknown) => boolean> = {
  type: oneOf(ITEM_TYPES),
  x: finite,
  y: finite,
  w: finite,
  h: finite,
  rotation: finite,
  createdAt: finite,
  strokeWidth: finite,
  // A Y.Text, as the contract says: a plain string, or no text at all, would leave a note nobody
  // can edit any more, since every client edits the Y.Text in place.
  text: (value) => value instanceof Y.Text,
  color: string,
  z: string,
  author: string,
  from: string,
  to: string,
  src: string,
  groupId: string,
  locked: (value) => typeof value === 'boolean',
  // Only a template (a facilitator's) marks its examples: a participant who could would take
  // someone's idea out of a vote. Writing over an example deletes the key, which stays allowed.
  example: () => false,
  shape: oneOf(SHAPE_KINDS),
  tags: (value) => Array.isArray(value) && value.every(string),
  points: (value) => Array.isArray(value) && value.every(finite),
  zones: (value) => readZones(value) !== null,
}

/** Keys every item carries from its creation on, and never loses. */
const REQUIRED_KEYS = ['type', 'x', 'y', 'w', 'h'] as const

/** Notes and texts carry their text from their creation on, as the contract says. */
const CREATED_WITH_TEXT: ReadonlySet<unknown> = new Set(['note', 'text'])

/** The keys a new item must carry. */
function requiredOnCreation(item: Y.Map<unknown>): readonly string[] {
  return CREATED_WITH_TEXT.has(item.get('type')) ? [...REQUIRED_KEYS, 'text'] : REQUIRED_KEYS
}

/**
 * Why one key of an item holds a value the schema does not allow, or null. An item with a text
 * (a note, text, shape or frame) never loses it: every client edits that Y.Text in place.
 */
function keyProblem(id: string, item: Y.Map<unknown>, key: string): string | null {
  const value = item.get(key)
  if (value === undefined) {
    const kept =
      (REQUIRED_KEYS as readonly string[]).includes(key) ||
      (key === 'text' && (TEXT_ITEM_TYPES as ReadonlySet<unknown>).has(item.get('type')))
    return kept ? `item ${id} has no ${key}` : null
  }
  const valid = ITEM_VALUES[key]
  return valid && !valid(value) ? `item ${id} has an invalid ${key}` : null
}

/**
 * What a writer other than a facilitator may write into a board or a private room: only the
 * `items` map; each entry of it a Y.Map with a known `type` and numeric `x`, `y`, `w`, `h` (a note
 * and a text with a `Y.Text` `text` too; no item loses its text); and the
 * known keys of an item (ItemSnapshot's) only with values of their type. Keys this version does not
 * know are left alone (newer versions add keys), and so is what is already in the document: only
 * the entries and keys the update writes are checked, so junk an older version let in never makes
 * an honest edit fail. Facilitators are trusted with the whole document.
 */
export function itemSchema(): RoomPolicy {
  return {
    name: 'item-schema',
    kinds: ['board', 'private'],
    prepare({ connection, footprint }) {
      if (connection.role === 'facilitator') return null
      const otherRoots = [...footprint.roots].filter((root) => root !== 'items')
      return {
        refusal(transaction) {
          if (otherRoots.length > 0) return `writes outside items (${otherRoots.join(', ')})`
          const items = itemsMap(transaction.doc)
          const entries = changedKeys(transaction, items)
          if (entries.has(null)) return 'writes list content into the items map'
          const created = createdItemIds(transaction)
          for (const id of entries) {
            if (id === null || !items.has(id)) continue
            const item = items.get(id)
            if (!(item instanceof Y.Map)) return `item ${id} is not a map`
            if (!created.has(id)) continue
            for (const key of new Set([...requiredOnCreation(item), ...item.keys()])) {
              const problem = keyProblem(id, item, key)
              if (problem) return problem
            }
          }
          for (const [type, keys] of transaction.changed) {
            const id = type._item?.parent === items && !type._item.deleted ? type._item.parentSub : null
            if (id === null || created.has(id) || !(type instanceof Y.Map)) continue
            for (const key of keys) {
              if (key === null) return `writes list content into item ${id}`
              const problem = keyProblem(id, type, key)
              if (problem) return problem
            }
          }
          return null
        },
      }
    },
  }
}
