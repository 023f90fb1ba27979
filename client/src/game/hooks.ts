import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnswersSnapshot, GameModel, GameSnapshot } from './GameModel.js'

export function useGame<T>(game: GameModel, selector: (s: GameSnapshot) => T): T {
  return useSyncExternalStore(game.subscribe, () => selector(game.getSnapshot()))
}

export function useAnswers<T>(game: GameModel, selector: (s: AnswersSnapshot) => T): T {
  return useSyncExternalStore(game.subscribeAnswers, () => selector(game.getAnswers()))
}

/** Whether the person asked for less motion; follows the setting while the page is open. */
export function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)'
  const [reduced, setReduced] = useState(() => window.matchMedia?.(query).matches ?? false)
  useEffect(() => {
    const list = window.matchMedia?.(query)
    if (!list) return
    const onChange = () => setReduced(list.matches)
    list.addEventListener('change', onChange)
    return () => list.removeEventListener('change', onChange)
  }, [])
  return reduced
}

/** The display name of a score line: a team's name, a person's name (hidden in anonymous mode but for oneself). */
export function useLineName(game: GameModel): (id: string, rank: number) => string {
  const { t } = useTranslation()
  const by = useGame(game, (s) => s.scores.by)
  const teams = useGame(game, (s) => s.teams.teams)
  const names = useGame(game, (s) => s.names)
  const anonymous = useSyncExternalStore(
    game.facilitation.session.subscribe,
    () => game.facilitation.session.getSnapshot().state.anonymous,
  )
  return (id, rank) => {
    if (by === 'team') return teams.find((team) => team.id === id)?.name ?? '—'
    if (id === game.personId()) return t('game.you', { name: names.get(id) ?? '' })
    if (anonymous) return t('game.anonymousPlayer', { rank })
    return names.get(id) ?? t('game.someone')
  }
}

/** Whether this person's new notes currently go to their private room (private writing). */
export function useLocalPrivateWriting(game: GameModel): boolean {
  return useSyncExternalStore(
    game.facilitation.subscribeLocal,
    () => game.facilitation.getLocal().privateNotes !== null,
  )
}
