import { finishSprint, randomId, readItems, sessionNames, sprintEndsAt, sprintTimeUp } from '@atelier/shared'
import type { FastifyBaseLogger } from 'fastify'
import type * as Y from 'yjs'
import { SERVER_ORIGIN } from '../rooms.js'
import type { RelayServices, RoomPolicy } from './types.js'

/** setTimeout's longest delay (about 24 days); a later end is re-armed when this one fires. */
const LONGEST_DELAY_MS = 2 ** 31 - 1

/**
 * Idea sprints end on the relay's clock, as polls do: whenever a facilitator's change leaves a
 * sprint running with a running timer, the relay arms one timer per board for the timer's end, and
 * ends the sprint then (scores kept, "best idea" vote opened, timer stopped) whether or not anyone
 * has the board open. A pause, a reset or an early end disarms it; extra time re-arms it.
 */
export function sprintClock(services: RelayServices, now: () => number, log: FastifyBaseLogger): RoomPolicy {
  const armed = new Map<string, NodeJS.Timeout>()
  let closed = false

  function arm(boardId: string, session: Y.Doc): void {
    const previous = armed.get(boardId)
    if (previous) clearTimeout(previous)
    armed.delete(boardId)
    const endsAt = sprintEndsAt(session)
    if (endsAt === null || closed) return
    const delay = Math.min(Math.max(0, endsAt - now()), LONGEST_DELAY_MS)
    const timeout = setTimeout(() => {
      armed.delete(boardId)
      end(boardId).catch((error: unknown) => log.error({ err: error, boardId }, 'ending a sprint failed'))
    }, delay)
    timeout.unref()
    armed.set(boardId, timeout)
  }

  async function end(boardId: string): Promise<void> {
    if (closed) return
    await services.withRoom({ boardId, kind: 'session' }, async (room) => {
      const at = now()
      if (!sprintTimeUp(room.doc, at)) return arm(boardId, room.doc)
      const items = await services.withRoom({ boardId, kind: 'board' }, (board) => readItems(board.doc))
      if (
        finishSprint(room.doc, items, {
          now: at,
          newId: randomId,
          names: sessionNames(room.doc),
          origin: SERVER_ORIGIN,
        })
      )
        log.info({ boardId }, 'sprint ended on time')
    })
  }

  return {
    name: 'sprint-clock',
    kinds: ['session'],
    onAccepted({ room }) {
      arm(room.boardId, room.doc)
    },
    close() {
      closed = true
      for (const timeout of armed.values()) clearTimeout(timeout)
      armed.clear()
    },
  }
}
