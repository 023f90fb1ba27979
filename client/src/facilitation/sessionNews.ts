import i18next from 'i18next'
import type { SessionSnapshot } from './SessionStore.js'

/** A change of the session that a person who does not see the screen should hear of. */
export type SessionNews =
  | { kind: 'step'; index: number; count: number; title: string; instructions: string }
  | { kind: 'voteOpened'; title: string; budget: number }
  | { kind: 'revealed' }

/**
 * What changed between two readings of the session, in the order to say it: a new step (with its
 * instructions), a vote that opened, private ideas revealed. A reveal that comes with a new step is
 * said by the step. The session arriving is a change too: a person who joins mid-workshop hears
 * where the group is.
 */
export function sessionNews(before: SessionSnapshot, after: SessionSnapshot): SessionNews[] {
  const news: SessionNews[] = []
  const stepChanged = after.state.stepId !== before.state.stepId && after.state.stepId !== null
  if (stepChanged) {
    const index = after.agenda.findIndex((step) => step.id === after.state.stepId)
    const step = after.agenda[index]
    if (step) {
      news.push({
        kind: 'step',
        index: index + 1,
        count: after.agenda.length,
        title: step.title,
        instructions: step.instructions,
      })
    }
  }
  const opened = after.rounds.find((round) => round.status === 'open')
  const wasOpen = before.rounds.some((round) => round.id === opened?.id && round.status === 'open')
  if (opened && !wasOpen) news.push({ kind: 'voteOpened', title: opened.title, budget: opened.budget })
  if (!stepChanged && before.state.writingMode === 'private' && after.state.writingMode === 'revealed') {
    news.push({ kind: 'revealed' })
  }
  return news
}

/** The words a screen reader says for a change of the session, in the interface's language. */
export function newsText(news: SessionNews): string {
  if (news.kind === 'step') {
    const { index, count, title, instructions } = news
    return i18next.t('facilitation.news.step', { index, count, title, instructions }).trim()
  }
  if (news.kind === 'voteOpened')
    return i18next.t('facilitation.news.voteOpened', { title: news.title, count: news.budget })
  return i18next.t('facilitation.news.revealed')
}

/** Says the news of each change of the session store from now on, one sentence after the other. */
export function watchSessionNews(
  session: { getSnapshot(): SessionSnapshot; subscribe(listener: () => void): () => void },
  say: (text: string) => void,
): () => void {
  let last = session.getSnapshot()
  return session.subscribe(() => {
    const next = session.getSnapshot()
    const news = sessionNews(last, next)
    last = next
    if (news.length > 0) say(news.map(newsText).join(' '))
  })
}
