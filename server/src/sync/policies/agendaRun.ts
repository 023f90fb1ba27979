import { stateMap } from '@atelier/shared'
import type * as Y from 'yjs'
import { SERVER_ORIGIN } from '../rooms.js'
import { changedKeys } from './transactions.js'
import type { RoomPolicy } from './types.js'

/** One move of the facilitator through the agenda: the step that became current (null: none). */
export interface AgendaMove {
  stepId: string | null
  /** Server epoch ms. */
  at: number
}

/** The session document's record of the agenda as run, appended by the relay only. */
export function agendaRunArray(session: Y.Doc): Y.Array<AgendaMove> {
  return session.getArray<AgendaMove>('agendaRun')
}

/**
 * The report shows the agenda as it was run: when each step started and how long it lasted. The
 * facilitator's app moves `state.stepId`; the relay notes each move on its own clock.
 */
export function agendaRunLog(now: () => number): RoomPolicy {
  return {
    name: 'agenda-run',
    kinds: ['session'],
    prepare({ room }) {
      return {
        correct(transaction: Y.Transaction) {
          const state = stateMap(room.doc)
          if (!changedKeys(transaction, state).has('stepId')) return
          const value = state.get('stepId')
          const stepId = typeof value === 'string' ? value : null
          const log = agendaRunArray(room.doc)
          if (log.length > 0 && log.get(log.length - 1)?.stepId === stepId) return
          room.doc.transact(() => log.push([{ stepId, at: now() }]), SERVER_ORIGIN)
        },
      }
    },
  }
}
