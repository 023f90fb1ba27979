import type { GameSettings, Lang } from '@atelier/shared'

/** The report's words in both languages of the product, French first. */
export interface ReportText {
  reportOf: string
  untitledBoard: string
  untitledFrame: string
  dateLine(isoDate: string): string
  summary(notes: number, frames: number, votes: number): string
  setAside(templateNotes: number, emptyNotes: number): string
  anonymous: string
  agenda: string
  /** The agenda table's header; the start times are in `zone`. */
  agendaColumns(zone: string): [string, string, string, string]
  minutes(count: number): string
  notRun: string
  running: string
  noNotes: string
  /** A frame's zone (a mark of a scale, a stage) and how many notes are at it. */
  place(title: string, notes: number): string
  /** The notes of a frame with zones that are near none of them. */
  elsewhere: string
  votesOn(count: number): string
  by(name: string): string
  indicator(value: string): string
  outsideFrames: string
  voteRounds: string
  roundHeading(title: string, voters: number): string
  noVotes: string
  polls: string
  quiz(question: string): string
  respondents(count: number): string
  correct: string
  pollColumns: [string, string]
  noteColumn: string
  wordColumns: [string, string]
  scores: string
  scoresHeading(label: string, time: string, zone: string, by: GameSettings['scoreBy']): string
  noPoints: string
  scoreColumns: [string, string, string]
  page(n: number, total: number): string
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
    reportOf: 'Compte rendu',
    untitledBoard: 'Tableau sans titre',
    untitledFrame: 'Section sans titre',
    dateLine: (isoDate) => `Date : ${isoDate}`,
    summary: (notes, frames, votes) =>
      `${frCount(notes, 'note', 'notes')} des participants dans ${frCount(frames, 'section', 'sections')}, ${frCount(votes, 'vote', 'votes')}.`,
    setAside: (template, empty) =>
      `Non comptées : ${frCount(template, 'note du modèle', 'notes du modèle')} (exemples et amorces), ${frCount(empty, 'note vide', 'notes vides')}.`,
    anonymous: 'Séance anonyme : les auteurs ne sont pas nommés.',
    agenda: 'Déroulé',
    agendaColumns: (zone) => ['Étape', 'Prévu', `Début (${zone})`, 'Durée'],
    minutes: (n) => `${n} min`,
    notRun: 'non abordée',
    running: 'en cours',
    noNotes: 'Aucune note.',
    place: (title, n) => `${title} : ${frCount(n, 'note', 'notes')}`,
    elsewhere: 'Ailleurs dans la section',
    votesOn: (n) => frCount(n, 'vote', 'votes'),
    by: (name) => `par ${name}`,
    indicator: (value) => `Indicateur : ${value}`,
    outsideFrames: 'Hors sections',
    voteRounds: 'Votes',
    roundHeading: (title, voters) => `${title} (${frCount(voters, 'votant', 'votants')})`,
    noVotes: 'Aucun vote.',
    polls: 'Sondages et quiz',
    quiz: (question) => `Quiz : ${question}`,
    respondents: (n) => frCount(n, 'réponse', 'réponses'),
    correct: 'bonne réponse',
    pollColumns: ['Réponse', 'Choix'],
    noteColumn: 'Note',
    wordColumns: ['Mot', 'Fois'],
    scores: 'Scores',
    scoresHeading: (label, time, zone, by) =>
      `${label} (${time} ${zone}, ${by === 'team' ? 'par équipe' : 'par personne'})`,
    noPoints: 'Aucun point.',
    scoreColumns: ['Rang', 'Nom', 'Points'],
    page: (n, total) => `Page ${n} sur ${total}`,
  },
  en: {
    reportOf: 'Workshop report',
    untitledBoard: 'Untitled board',
    untitledFrame: 'Untitled frame',
    dateLine: (isoDate) => `Date: ${isoDate}`,
    summary: (notes, frames, votes) =>
      `${enCount(notes, 'note', 'notes')} from participants in ${enCount(frames, 'frame', 'frames')}, ${enCount(votes, 'vote', 'votes')}.`,
    setAside: (template, empty) =>
      `Not counted: ${enCount(template, 'template note', 'template notes')} (examples and placeholders), ${enCount(empty, 'empty note', 'empty notes')}.`,
    anonymous: 'Anonymous session: authors are not named.',
    agenda: 'Agenda',
    agendaColumns: (zone) => ['Step', 'Planned', `Start (${zone})`, 'Time spent'],
    minutes: (n) => `${n} min`,
    notRun: 'not run',
    running: 'running',
    noNotes: 'No notes.',
    place: (title, n) => `${title}: ${enCount(n, 'note', 'notes')}`,
    elsewhere: 'Elsewhere in the frame',
    votesOn: (n) => enCount(n, 'vote', 'votes'),
    by: (name) => `by ${name}`,
    indicator: (value) => `Indicator: ${value}`,
    outsideFrames: 'Outside frames',
    voteRounds: 'Votes',
    roundHeading: (title, voters) => `${title} (${enCount(voters, 'voter', 'voters')})`,
    noVotes: 'No votes.',
    polls: 'Polls and quizzes',
    quiz: (question) => `Quiz: ${question}`,
    respondents: (n) => enCount(n, 'answer', 'answers'),
    correct: 'right answer',
    pollColumns: ['Answer', 'Chosen by'],
    noteColumn: 'Note',
    wordColumns: ['Word', 'Times'],
    scores: 'Scores',
    scoresHeading: (label, time, zone, by) =>
      `${label} (${time} ${zone}, ${by === 'team' ? 'by team' : 'by person'})`,
    noPoints: 'No points.',
    scoreColumns: ['Rank', 'Name', 'Points'],
    page: (n, total) => `Page ${n} of ${total}`,
  },
}
