import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CommandButton } from '../ui/CommandButton.js'
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
  if (!poll || dismissed === poll.id) return null
  return (
    <aside className="poll-dock" aria-label={t('game.polls.dock')} data-testid="poll-dock">
      <PollView game={game} poll={poll} />
      <div className="game-actions">
        {game.isFacilitator && poll.status === 'open' && (
          <CommandButton
            command="game.closePoll"
            args={{ choice: poll.id }}
            className="button primary"
            testId="poll-close"
          >
            {poll.quiz ? t('game.polls.reveal') : t('game.polls.close')}
          </CommandButton>
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
