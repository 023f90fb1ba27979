import type { GameSettings, Lang } from '@atelier/shared'

/** The report's words in both languages of the product, French first. */
export interface ReportText {
  untitledBoard: string
  untitledFrame: string
  dateLine(isoDate: string): string
  summary(notes: number, frames: number, votes: number): string
  agenda: string
  minutes(count: number): string
  frameHeading(title: string, notes: number): string
  noNotes: string
  emptyNote: string
  votesOn(count: number): string
  outsideFrames: string
  voteRounds: string
  roundHeading(title: string, voters: number): string
  noVotes: string
  scores: string
  scoresHeading(label: string, time: string, by: GameSettings['scoreBy']): string
  noPoints: string
  scoreColumns: [string, string, string]
}

/** "0 vote" in French, "0 votes" in English: each language's own plural rule. */
function counter(lang: Lang): (n: number, one: string, many: string) => string {
  const rules = new Intl.PluralRules(lang)
  return (n, one, many) => `${n} ${rules.select(n) === 'one' ? one : many}`
}
const frCount = counter('fr')
const enCount = counter('en')

export const REPORT_TEXT: Record<Lang, ReportText> = {
  fr: {
    untitledBoard: 'Tableau sans titre',
    untitledFrame: 'Section sans titre',
    dateLine: (isoDate) => `Date : ${isoDate}`,
    summary: (notes, frames, votes) =>
      `${frCount(notes, 'note', 'notes')} dans ${frCount(frames, 'section', 'sections')}, ${frCount(votes, 'vote', 'votes')}.`,
    agenda: 'Déroulé',
    minutes: (n) => `${n} min`,
    frameHeading: (title, notes) => `${title} (${frCount(notes, 'note', 'notes')})`,
    noNotes: '_Aucune note._',
    emptyNote: '_(vide)_',
    votesOn: (n) => frCount(n, 'vote', 'votes'),
    outsideFrames: 'Hors sections',
    voteRounds: 'Votes',
    roundHeading: (title, voters) => `${title} (${frCount(voters, 'votant', 'votants')})`,
    noVotes: '_Aucun vote._',
    scores: 'Scores',
    scoresHeading: (label, time, by) =>
      `${label} (${time} UTC, ${by === 'team' ? 'par équipe' : 'par personne'})`,
    noPoints: '_Aucun point._',
    scoreColumns: ['Rang', 'Nom', 'Points'],
  },
  en: {
    untitledBoard: 'Untitled board',
    untitledFrame: 'Untitled frame',
    dateLine: (isoDate) => `Date: ${isoDate}`,
    summary: (notes, frames, votes) =>
      `${enCount(notes, 'note', 'notes')} in ${enCount(frames, 'frame', 'frames')}, ${enCount(votes, 'vote', 'votes')}.`,
    agenda: 'Agenda',
    minutes: (n) => `${n} min`,
    frameHeading: (title, notes) => `${title} (${enCount(notes, 'note', 'notes')})`,
    noNotes: '_No notes._',
    emptyNote: '_(empty)_',
    votesOn: (n) => enCount(n, 'vote', 'votes'),
    outsideFrames: 'Outside frames',
    voteRounds: 'Votes',
    roundHeading: (title, voters) => `${title} (${enCount(voters, 'voter', 'voters')})`,
    noVotes: '_No votes._',
    scores: 'Scores',
    scoresHeading: (label, time, by) => `${label} (${time} UTC, ${by === 'team' ? 'by team' : 'by person'})`,
    noPoints: '_No points._',
    scoreColumns: ['Rank', 'Name', 'Points'],
  },
}
