import { type TeamBook, teamOf } from '@atelier/shared'

export interface TeamAwareness {
  getLocalState(): Record<string, unknown> | null
  setLocalStateField(field: string, value: unknown): void
}

/**
 * Announces this person's team in their presence (`user.team`), for cursors and lists; writes
 * only when it changed, so presence is not flooded on every recomputation.
 */
export function publishTeam(awareness: TeamAwareness, teams: TeamBook, personId: string): void {
  const local = awareness.getLocalState() as { user?: Record<string, unknown> } | null
  if (!local?.user) return
  const team = teamOf(teams, personId)
  const wanted = team ? { id: team.id, name: team.name, color: team.color } : undefined
  if (JSON.stringify(local.user.team) === JSON.stringify(wanted)) return
  const { team: _previous, ...user } = local.user
  awareness.setLocalStateField('user', wanted ? { ...user, team: wanted } : user)
}
