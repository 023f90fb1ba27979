import { teamOf } from '@atelier/shared'
import i18next from 'i18next'
import { useEffect, useLayoutEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { addItemDetails, announce } from '../a11y/announcer.js'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import type { BoardLayout } from '../room/layout.js'
import { ROOM_POLLS_ID } from '../room/RoomView.js'
import { CardReveal } from './CardReveal.js'
import { GameModel } from './GameModel.js'
import { GamePanel } from './GamePanel.js'
import { PodiumOverlay } from './Podium.js'
import { PollDock } from './PollDock.js'
import { SprintTicker } from './SprintTicker.js'
import { stepPollChanges } from './stepPolls.js'
import { TeamMarks } from './TeamMarks.js'
import './game.css'
import { gameCommands } from './commands.js'

/** Everything the game adds to an open board, on top of facilitation (whose session room it reads). */
export function GameLayer({ model, layout }: { model: FacilitationModel; layout: BoardLayout }) {
  const [game, setGame] = useState<GameModel | null>(null)
  useEffect(() => {
    const created = new GameModel(model)
    const unregister = model.board.registry.register(
      gameCommands(created, (key, options) => i18next.t(key, options)),
    )
    // A step that carries a poll opens it, as a step with a vote opens the vote.
    const stopPolls = model.onStepLaunched((step) => {
      const { registry, ctx } = model.board
      const { close, open } = stepPollChanges(
        model.session.getSnapshot().agenda,
        step,
        created.getSnapshot().polls,
      )
      for (const pollId of close) registry.run('game.closePoll', ctx, { choice: pollId })
      if (open) registry.run('game.openPoll', ctx, { poll: open })
    })
    // A poll that opens is said, as a new step is: a screen reader user hears it without hunting.
    const said = new Set<string>()
    const sayPolls = () => {
      for (const poll of created.getSnapshot().polls) {
        if (poll.status !== 'open' || said.has(poll.id)) continue
        said.add(poll.id)
        announce(
          i18next.t(poll.quiz ? 'game.polls.announceQuiz' : 'game.polls.announceOpen', {
            question: poll.question,
          }),
        )
      }
    }
    const stopPollNews = created.subscribe(sayPolls)
    setGame(created)
    if (window.__atelierDebug) Object.assign(window.__atelierDebug, { game: created })
    // A note's team is said with the note (the badge is hidden from screen readers).
    const removeDetails = addItemDetails((item) => {
      const team = item.author ? teamOf(created.getSnapshot().teams, item.author) : null
      const anonymous = model.session.getSnapshot().state.anonymous
      return team && !anonymous ? [i18next.t('game.teams.badge', { name: team.name })] : []
    })
    return () => {
      unregister()
      stopPolls()
      stopPollNews()
      removeDetails()
      created.destroy()
    }
  }, [model])
  if (!game) return null
  if (layout === 'room') {
    return (
      <>
        <RoomPolls game={game} />
        <CardReveal game={game} />
        <PodiumOverlay game={game} />
      </>
    )
  }
  return (
    <>
      <TeamMarks game={game} />
      <SprintTicker game={game} />
      <GamePanel game={game} />
      <PollDock game={game} />
      <CardReveal game={game} />
      <PodiumOverlay game={game} />
    </>
  )
}

/** In the phone view the poll is part of the page, in the room's slot for it. */
function RoomPolls({ game }: { game: GameModel }) {
  const [host, setHost] = useState<HTMLElement | null>(null)
  useLayoutEffect(() => setHost(document.getElementById(ROOM_POLLS_ID)), [])
  return host ? createPortal(<PollDock game={game} />, host) : null
}
