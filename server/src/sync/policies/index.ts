import type { FastifyBaseLogger } from 'fastify'
import type { BoardHistory } from '../../history/history.js'
import type { VoteStore } from '../../voting/store.js'
import { agendaRunLog } from './agendaRun.js'
import { authors } from './authors.js'
import { creationTimes } from './creationTimes.js'
import { facilitatorKeys } from './facilitatorKeys.js'
import { boardHistory } from './history.js'
import { itemSchema } from './itemSchema.js'
import { locks } from './locks.js'
import { ownItems } from './ownItems.js'
import { participantTools } from './participantTools.js'
import { privateNotes } from './privateNotes.js'
import { sprintClock } from './sprintClock.js'
import type { RelayServices, RoomPolicy } from './types.js'
import { updateTimes } from './updateTimes.js'
import { publishResults } from './voteResults.js'

export interface RelayRuleDependencies {
  services: RelayServices
  votes: VoteStore
  /** The relay's clock (ms), for creation times and the end of idea sprints. */
  now: () => number
  log: FastifyBaseLogger
  /** Where board versions are taken (before mass deletes, every few minutes of activity). */
  history: BoardHistory
}

/**
 * Every rule the relay applies to writers' updates, in the order it applies them. The relay has
 * already read each update whole and refused a malformed one (see `updates/`); then, for each
 * update, every rule prepares in this order, the update is applied, the first refusal reverts it,
 * otherwise the corrections run in this order, then the effects. So: what may be written at all
 * comes first, then who may change what, then the relay's corrections, then what follows from it.
 */
export function relayRules({
  services,
  votes,
  now,
  log,
  history,
}: RelayRuleDependencies): readonly RoomPolicy[] {
  const { counts, reveal } = privateNotes(services, log)
  return [
    itemSchema(),
    participantTools(services),
    locks(services),
    ownItems(services),
    facilitatorKeys(),
    authors(),
    creationTimes(now),
    updateTimes(now),
    agendaRunLog(now),
    counts,
    reveal,
    publishResults(votes),
    boardHistory(history),
    sprintClock(services, now, log),
  ]
}
