import { seededShuffle } from './random.js'

/** A team of a gamified session. */
export interface Team {
  id: string
  name: string
  /** `#rrggbb`, shown as a ring on its members' cursors and notes. */
  color: string
}

/** Teams and who is in which: personId → teamId. */
export interface TeamBook {
  teams: readonly Team[]
  members: ReadonlyMap<string, string>
}

export const NO_TEAMS: TeamBook = { teams: [], members: new Map() }

/** Soft, distinct colours with enough contrast against white text and the note colours. */
export const TEAM_COLORS = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
]

/** The team of a person, or null when they have none or their team was removed. */
export function teamOf(book: TeamBook, personId: string): Team | null {
  const teamId = book.members.get(personId)
  return teamId ? (book.teams.find((team) => team.id === teamId) ?? null) : null
}

/**
 * Spreads people over teams at random but evenly (sizes differ by at most one), from a seed so
 * the facilitator's preview and what is written agree. People are sorted first: the result does
 * not depend on the order they were listed in.
 */
export function shuffleIntoTeams(
  personIds: readonly string[],
  teamIds: readonly string[],
  seed: string,
): Map<string, string> {
  const assignment = new Map<string, string>()
  if (teamIds.length === 0) return assignment
  const people = seededShuffle([...new Set(personIds)].sort(), seed)
  const teams = seededShuffle(teamIds, `${seed}:teams`)
  people.forEach((personId, index) => {
    assignment.set(personId, teams[index % teams.length] as string)
  })
  return assignment
}
