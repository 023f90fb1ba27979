import * as Y from 'yjs'
import { SESSION_ORIGIN, SessionStore } from '../src/facilitation/SessionStore.js'
import { GameMoves } from '../src/game/GameMoves.js'
import { GameState } from '../src/game/GameState.js'
import { SprintControl } from '../src/game/SprintControl.js'
import { TestEditor } from './TestEditor.js'

/** A person's presence as the client announces it. */
export const presence = (id: string, name: string) => ({
  user: { id, name, color: '#123456', role: 'participant' },
})

/** Presence of the people in the room, changed by the test. */
function fakeAwareness(states: Map<number, unknown>) {
  const listeners = new Set<() => void>()
  return {
    getStates: () => states,
    on: (_event: 'change', fn: () => void) => listeners.add(fn),
    off: (_event: 'change', fn: () => void) => listeners.delete(fn),
    emit: () => {
      for (const listener of [...listeners]) listener()
    },
  }
}

/**
 * The game's parts over one session document and a TestEditor's board, with presence and frames
 * the test drives (`awareness.emit`, `flush`).
 */
export function gameParts(options: { facilitator?: boolean } = {}) {
  const editor = new TestEditor({ facilitator: options.facilitator ?? true })
  const doc = new Y.Doc()
  const states = new Map<number, unknown>([[1, presence('ana', 'Ana')]])
  const awareness = fakeAwareness(states)
  const frames: (() => void)[] = []
  const state = new GameState({
    doc,
    board: editor.board,
    awareness,
    ownOrigin: SESSION_ORIGIN,
    frame: (fn) => frames.push(fn),
    cancelFrame: () => undefined,
  })
  const flush = () => {
    for (const fn of frames.splice(0)) fn()
  }
  let now = 1_000
  const clock = () => now
  const session = new SessionStore(doc, clock)
  const moves = new GameMoves({
    doc,
    origin: SESSION_ORIGIN,
    boardId: 'board-1',
    state,
    now: clock,
    participants: () => ['ana', 'ben'],
    ctx: editor.ctx,
  })
  const sprint = new SprintControl({ doc, origin: SESSION_ORIGIN, state, session, now: clock })
  return {
    editor,
    doc,
    states,
    awareness,
    state,
    flush,
    frames,
    moves,
    sprint,
    session,
    tick: (ms: number) => (now += ms),
  }
}
