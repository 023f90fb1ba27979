/** One line of a leaderboard: a person or a team, its points and its rank. */
export interface Standing {
  id: string
  points: number
  /** Competition ranking: ties share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number
}

/**
 * Ranks totals, most points first, ties sharing a rank and listed by id so that every replica
 * shows the same order.
 */
export function rankStandings(totals: Iterable<{ id: string; points: number }>): Standing[] {
  const sorted = [...totals].sort((a, b) => b.points - a.points || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const ranked: Standing[] = []
  sorted.forEach(({ id, points }, index) => {
    const previous = ranked[index - 1]
    const rank = previous && previous.points === points ? previous.rank : index + 1
    ranked.push({ id, points, rank })
  })
  return ranked
}

/** The podium: everyone ranked 1 to 3 (ties may put more than three people on it). */
export function podiumOf<S extends Standing>(standings: readonly S[]): S[] {
  return standings.filter((standing) => standing.rank <= 3 && standing.points > 0)
}
