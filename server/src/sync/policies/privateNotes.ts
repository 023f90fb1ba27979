import {
  type AgendaStep,
  containingFrame,
  createItem,
  deleteItems,
  type ItemSnapshot,
  itemsMap,
  planFrameLayout,
  planSettle,
  readAgenda,
  readItems,
  readPrivateCounts,
  readSessionState,
  SETTLE_LIMIT,
  stateMap,
  stepFrameIds,
  updateItem,
  writePrivateCount,
} from '@atelier/shared'
import type { FastifyBaseLogger } from 'fastify'
import type * as Y from 'yjs'
import type { Room } from '../rooms.js'
import { SERVER_ORIGIN } from '../rooms.js'
import { changedKeys } from './transactions.js'
import type { RelayServices, RoomPolicy } from './types.js'

/**
 * Private writing. A person's private room only reaches that person and facilitators (see
 * permissions.ts); the `authors` rule stamps authors there; these rules publish how many notes each person holds
 * (`privateCounts` in the session document, counts only), and when a facilitator switches the
 * writing mode to `revealed`, moves every private note into the board document in one
 * transaction and empties the private rooms.
 */
export function privateNotes(
  services: RelayServices,
  log: FastifyBaseLogger,
): { counts: RoomPolicy; reveal: RoomPolicy } {
  const publishCount = (boardId: string, personId: string): Promise<void> =>
    // Counted inside the session task, so a count never overwrites a later reveal with a stale value.
    services.withRoom({ boardId, kind: 'session' }, async (session) => {
      const count = await services.withRoom(
        { boardId, kind: 'private', personId },
        (room) => readItems(room.doc).length,
      )
      writePrivateCount(session.doc, personId, count, SERVER_ORIGIN)
    })

  const counts: RoomPolicy = {
    name: 'private-note-counts',
    kinds: ['private'],
    onAccepted({ room }) {
      if (room.target.kind !== 'private') return
      const { boardId, personId } = room.target
      // Not awaited: a private room's task must not wait for the session room (see RelayServices).
      publishCount(boardId, personId).catch((error: unknown) =>
        log.error({ err: error, boardId, personId }, 'could not publish a private note count'),
      )
    },
  }

  const reveal: RoomPolicy = {
    name: 'private-notes-reveal',
    kinds: ['session'],
    async onAccepted({ room }, transaction) {
      if (!revealRequested(transaction)) return
      await revealPrivateNotes(services, room)
    },
  }

  return { counts, reveal }
}

/**
 * Lays the revealed notes out with the notes already in their frame, in the same transaction that
 * creates them: everyone sees the ideas arrive in a tidy grid at once, never a pile. A note its
 * author put in one of the current step's frames is tidied in that frame (a SWOT's weaknesses stay
 * weaknesses); any other goes to the step's first frame, or, with no step frame, to the frame
 * holding most revealed notes; without any frame the notes stay where their authors put them.
 * A step that reveals in place (tokens on a scale, pain points under their stage) only settles
 * each note in the frame it was put in, stacked under any it would cover (`planSettle`); a frame
 * receiving more than SETTLE_LIMIT notes at once is tidied in a grid all the same, so a flood of
 * private notes costs the relay what any reveal costs.
 */
function layOutRevealed(
  doc: Y.Doc,
  revealed: string[],
  step: AgendaStep | null,
  groupByAuthor: boolean,
): void {
  if (revealed.length === 0) return
  const items = readItems(doc)
  const frames = items.filter((item) => item.type === 'frame')
  const frameIds = new Set(frames.map((frame) => frame.id))
  const stepFrames = (step ? stepFrameIds(step) : []).filter((id) => frameIds.has(id))
  const inPlace = step?.revealInPlace === true
  const byId = new Map(items.map((item) => [item.id, item]))
  // The frame each revealed note was written in, read once.
  const holders = new Map<string, string | undefined>()
  for (const id of revealed) {
    const item = byId.get(id)
    holders.set(id, item ? containingFrame(item, frames)?.id : undefined)
  }
  const main = inPlace ? undefined : (stepFrames[0] ?? busiest(holders.values()))
  const arriving = new Map<string, string[]>()
  for (const [id, holder] of holders) {
    const target = inPlace || (holder !== undefined && stepFrames.includes(holder)) ? holder : main
    if (target === undefined) continue
    const into = arriving.get(target)
    if (into) into.push(id)
    else arriving.set(target, [id])
  }
  for (const [frameId, ids] of arriving) {
    // Read again for each frame: the one before may have grown and pushed its neighbours.
    const now = readItems(doc)
    const plan =
      inPlace && ids.length <= SETTLE_LIMIT
        ? planSettle(now, frameId, ids)
        : planFrameLayout(now, frameId, { groupByAuthor, bringIn: ids })
    if (!plan) continue
    for (const [id, at] of plan.moves) updateItem(doc, id, at)
    if (plan.resize) updateItem(doc, plan.resize.id, { w: plan.resize.w, h: plan.resize.h })
  }
}

/** The frame most of the revealed notes were written in, if any was. */
function busiest(holders: Iterable<string | undefined>): string | undefined {
  const counts = new Map<string, number>()
  for (const id of holders) if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1)
  let best: string | undefined
  for (const [id, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = id
  return best
}

function revealRequested(transaction: Y.Transaction): boolean {
  return (
    changedKeys(transaction, stateMap(transaction.doc)).has('writingMode') &&
    readSessionState(transaction.doc).writingMode === 'revealed'
  )
}

/** Runs in the session room's task: board and private room tasks never wait for it. */
async function revealPrivateNotes(services: RelayServices, session: Room): Promise<void> {
  const { boardId } = session
  const people = Object.keys(readPrivateCounts(session.doc))
  const notes = new Map<string, ItemSnapshot[]>()
  for (const personId of people) {
    notes.set(
      personId,
      await services.withRoom({ boardId, kind: 'private', personId }, (room) => readItems(room.doc)),
    )
  }
  const { anonymous, stepId } = readSessionState(session.doc)
  const step = readAgenda(session.doc).find((candidate) => candidate.id === stepId) ?? null
  // Written before the private rooms are emptied: a crash in between duplicates, never loses.
  await services.withRoom({ boardId, kind: 'board' }, (board) => {
    const items = itemsMap(board.doc)
    board.doc.transact(() => {
      const revealed: string[] = []
      for (const [personId, personNotes] of notes) {
        for (const { id, ...note } of personNotes) {
          revealed.push(
            createItem(board.doc, { ...note, ...(items.has(id) ? {} : { id }), author: personId }),
          )
        }
      }
      layOutRevealed(board.doc, revealed, step, !anonymous)
    }, SERVER_ORIGIN)
  })
  for (const [personId, moved] of notes) {
    const left = await services.withRoom({ boardId, kind: 'private', personId }, (room) => {
      deleteItems(
        room.doc,
        moved.map((note) => note.id),
        SERVER_ORIGIN,
      )
      return readItems(room.doc).length
    })
    writePrivateCount(session.doc, personId, left, SERVER_ORIGIN)
  }
}
