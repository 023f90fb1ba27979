import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * Makes every awareness state a connection announces carry that connection's person id as
 * `user.id`, so nobody can pass for someone else (follow-me follows a person id). Returns the
 * update unchanged when nothing needed correcting. Throws on a malformed update.
 */
export function stampAwarenessPersonId(update: Uint8Array, personId: string): Uint8Array {
  const decoder = decoding.createDecoder(update)
  const entries: { clientId: number; clock: number; state: unknown }[] = []
  let changed = false
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state: unknown = JSON.parse(decoding.readVarString(decoder))
    const user = isObject(state) ? state.user : undefined
    if (isObject(state) && isObject(user) && user.id !== personId) {
      entries.push({ clientId, clock, state: { ...state, user: { ...user, id: personId } } })
      changed = true
    } else {
      entries.push({ clientId, clock, state })
    }
  }
  if (!changed) return update
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
