import { useEffect, useState } from 'react'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { CardReveal } from './CardReveal.js'
import { GameModel } from './GameModel.js'
import { GamePanel } from './GamePanel.js'
import { PodiumOverlay } from './Podium.js'
import { PollDock } from './PollDock.js'
import { SprintTicker } from './SprintTicker.js'
import { TeamMarks } from './TeamMarks.js'
import './game.css'

/** Everything the game adds to an open board, on top of facilitation (whose session room it reads). */
export function GameLayer({ model }: { model: FacilitationModel }) {
  const [game, setGame] = useState<GameModel | null>(null)
  useEffect(() => {
    const created = new GameModel(model)
    setGame(created)
    if (window.__atelierDebug) Object.assign(window.__atelierDebug, { game: created })
    return () => created.destroy()
  }, [model])
  if (!game) return null
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
