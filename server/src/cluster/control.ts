import { ROLES } from '@atelier/shared'
import { z } from 'zod'

/**
 * Messages every node of a deployment acts on, besides the rooms' streams: what in one process is a
 * call on the relay.
 */
const controlMessage = z.discriminatedUnion('type', [
  /** A link was replaced: the connections opened with it close on every node. */
  z.strictObject({
    type: z.literal('close-connections'),
    boardId: z.string().min(1).max(200),
    role: z.enum(ROLES),
    code: z.int().min(1000).max(4999),
    reason: z.string().max(123),
  }),
  /** A board's session document changed: a node that keeps its state while the room is not loaded forgets it. */
  z.strictObject({ type: z.literal('session-changed'), boardId: z.string().min(1).max(200) }),
  /**
   * Something was stored that may not have been relayed (a node lost Redis, or died between storing
   * and relaying): every node catches its loaded rooms up from the store.
   */
  z.strictObject({ type: z.literal('catch-up'), because: z.string().max(200) }),
])

export type ControlMessage = z.output<typeof controlMessage>

export class MalformedControlMessage extends Error {
  override name = 'MalformedControlMessage'
}

/** Reads a control message from parsed JSON; throws MalformedControlMessage naming the problem. */
export function parseControl(json: unknown): ControlMessage {
  const parsed = controlMessage.safeParse(json)
  if (!parsed.success) {
    throw new MalformedControlMessage(parsed.error.issues[0]?.message ?? 'not a control message')
  }
  return parsed.data
}
