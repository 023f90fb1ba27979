import { rankVotes, readRound, roundsMap } from '@atelier/shared'
import * as Y from 'yjs'
import type { VoteStore } from '../../voting/store.js'
import { SERVER_ORIGIN } from '../rooms.js'
import { changedKeys } from './transactions.js'
import type { RoomPolicy } from './types.js'

/** Ids of the rounds a transaction created or whose `status` it changed. */
function roundsWithStatusChanged(transaction: Y.Transaction): Set<string> {
  const rounds = roundsMap(transaction.doc)
  const ids = new Set<string>()
  for (const id of changedKeys(transaction, rounds)) if (id !== null) ids.add(id)
  for (const [id, round] of rounds) if (changedKeys(transaction, round).has('status')) ids.add(id)
  return ids
}

/**
 * Publishes the ranked results of a round when a facilitator closes it (and withdraws them if
 * the round is reopened): until then the ballots stay in the vote store, never in a document.
 */
export function publishResults(votes: VoteStore): RoomPolicy {
  return {
    name: 'vote-results',
    kinds: ['session'],
    async onAccepted({ room }, transaction) {
      for (const id of roundsWithStatusChanged(transaction)) {
        const map = roundsMap(room.doc).get(id)
        const round = map instanceof Y.Map ? readRound(id, map) : null
        if (!map || !round) continue
        if (round.status === 'open') {
          if (map.has('results')) room.doc.transact(() => map.delete('results'), SERVER_ORIGIN)
          continue
        }
        const results = rankVotes(await votes.totals(room.boardId, id))
        const voters = await votes.voterCount(room.boardId, id)
        room.doc.transact(() => {
          map.set('results', results)
          map.set('voters', voters)
        }, SERVER_ORIGIN)
      }
    },
  }
}
