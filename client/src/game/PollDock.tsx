import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GameModel } from './GameModel.js'
import { useGame } from './hooks.js'
import { PollView } from './PollView.js'

/**
 * The current poll, floating over the board (a bottom sheet on a phone): everyone answers
 * where they are, and the facilitator sees the live results and closes it from here.
 */
export function PollDock({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const poll = useGame(game, (s) => s.polls[0] ?? null)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!poll || dismissed === poll.id) return null
  return (
    <aside className="poll-dock" aria-label={t('game.polls.dock')} data-testid="poll-dock">
      <PollView game={game} poll={poll} />
      <div className="game-actions">
        {game.isFacilitator && poll.status === 'open' && (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            data-testid="poll-close"
            onClick={() => {
              setBusy(true)
              game.closePoll(poll.id).finally(() => setBusy(false))
            }}
          >
            {poll.quiz ? t('game.polls.reveal') : t('game.polls.close')}
          </button>
        )}
        {poll.status === 'closed' && (
          <button type="button" className="button" onClick={() => setDismissed(poll.id)}>
            {t('game.polls.dismiss')}
          </button>
        )}
      </div>
    </aside>
  )
}
