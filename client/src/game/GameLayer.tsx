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
import { followStepPolls, watchOpenedPolls } from './stepPolls.js'
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
    const stopPolls = followStepPolls(model, created)
    const stopPollNews = watchOpenedPolls(created, announce)
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
