import { assignMembers, readTeamBook, readTeamsLocked } from '@atelier/shared'
import type { RelayServices } from '../sync/policies/types.js'
import { SERVER_ORIGIN } from '../sync/rooms.js'

export type JoinRefusal = 'unknown-team' | 'teams-locked'

/**
 * A participant picks a team: the relay checks the team exists and picking is allowed, then
 * writes the membership into the session document, which participants cannot write themselves.
 */
export async function joinTeam(
  relay: RelayServices,
  boardId: string,
  teamId: string,
  personId: string,
): Promise<{ ok: true } | { ok: false; reason: JoinRefusal }> {
  return relay.withRoom({ boardId, kind: 'session' }, (room) => {
    if (!readTeamBook(room.doc).teams.some((team) => team.id === teamId))
      return { ok: false, reason: 'unknown-team' }
    if (readTeamsLocked(room.doc)) return { ok: false, reason: 'teams-locked' }
    assignMembers(room.doc, new Map([[personId, teamId]]), SERVER_ORIGIN)
    return { ok: true }
  })
}
