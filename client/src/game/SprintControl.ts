import { finishSprint, randomId, type SprintLabels, writeSprint } from '@atelier/shared'
import type * as Y from 'yjs'
import type { SessionStore } from '../facilitation/SessionStore.js'
import type { GameState } from './GameState.js'

export interface SprintParts {
  doc: Y.Doc
  origin: unknown
  state: Pick<GameState, 'getSnapshot' | 'items'>
  session: Pick<SessionStore, 'getSnapshot' | 'timer'>
  now: () => number
}

/**
 * The idea sprint: it starts with the shared timer, counts the ideas created while it runs, and
 * ends on the relay's clock when the timer reaches zero (rule `sprint-clock`), or earlier when the
 * facilitator ends it.
 */
export class SprintControl {
  constructor(private readonly parts: SprintParts) {}

  /** Starts a sprint and the shared timer together; the relay ends it with these labels. */
  start(minutes: number, labels: SprintLabels): void {
    const { doc, origin, session } = this.parts
    const { state, agenda } = session.getSnapshot()
    const frameId = agenda.find((step) => step.id === state.stepId)?.frameId ?? null
    doc.transact(() => {
      writeSprint(
        doc,
        { id: randomId(), startedAt: this.parts.now(), endedAt: null, frameId, roundId: null, labels },
        origin,
      )
      session.timer('start', Math.round(minutes * 60_000))
    }, origin)
  }

  /** Ends the sprint before its time. */
  end(): void {
    const { doc, origin, state } = this.parts
    finishSprint(doc, state.items(), {
      now: this.parts.now(),
      newId: randomId,
      names: state.getSnapshot().names,
      origin,
    })
  }
}
