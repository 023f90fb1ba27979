import { boardToScreen, teamOf } from '@atelier/shared'
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useRemotePresence } from '../canvas/RemoteCursors.js'
import { useView } from '../store/hooks.js'
import type { GameModel } from './GameModel.js'
import { useGame } from './hooks.js'

/**
 * Team colours on the board: a ring around each teammate's cursor and a small badge on each note
 * whose author is in a team, with the team's initial so colour is never the only sign. Plain DOM over the canvas, like the cursors; hidden in anonymous mode,
 * where a badge would give authors away.
 */
export function TeamMarks({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const session = game.facilitation.board
  const teams = useGame(game, (s) => s.teams)
  const camera = useView(session.view, (s) => s.camera)
  const viewport = useView(session.view, (s) => s.viewport)
  const remotes = useRemotePresence(session)
  const version = useSyncExternalStore(session.board.subscribe, () => session.board.getVersion())
  const anonymous = useSyncExternalStore(
    game.facilitation.session.subscribe,
    () => game.facilitation.session.getSnapshot().state.anonymous,
  )
  if (teams.teams.length === 0 || anonymous) return null

  const badges: Array<{ id: string; x: number; y: number; color: string; name: string }> = []
  if (version >= 0) {
    for (const item of session.board.getItems().values()) {
      if (item.type !== 'note' || !item.author) continue
      const team = teamOf(teams, item.author)
      if (!team) continue
      const corner = boardToScreen(camera, { x: item.x + item.w, y: item.y })
      if (
        corner.x < -20 ||
        corner.y < -20 ||
        corner.x > viewport.width + 20 ||
        corner.y > viewport.height + 20
      )
        continue
      badges.push({ id: item.id, x: corner.x, y: corner.y, color: team.color, name: team.name })
    }
  }
  return (
    <div className="team-marks" aria-hidden="true">
      {remotes.map(({ clientId, user, cursor }) => {
        const team = teamOf(teams, user.id)
        if (!cursor || !team) return null
        const p = boardToScreen(camera, cursor)
        return (
          <span
            key={clientId}
            className="team-ring"
            data-testid="team-ring"
            style={{ transform: `translate(${p.x - 11}px, ${p.y - 11}px)`, borderColor: team.color }}
          />
        )
      })}
      {badges.map((badge) => (
        <span
          key={badge.id}
          className="team-badge"
          data-testid="team-badge"
          title={t('game.teams.badge', { name: badge.name })}
          style={{ transform: `translate(${badge.x - 12}px, ${badge.y - 8}px)`, borderColor: badge.color }}
        >
          {initial(badge.name)}
        </span>
      ))}
    </div>
  )
}

/** "Les Bleus" → "L": the letter a team badge shows besides its colour. */
export function initial(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? '?'
}
