import { useEffect, useState } from 'react'
import { addItemDetails, announce } from '../a11y/announcer.js'
import { useSession } from '../board/context.js'
import { exportStepsPdfCommand } from '../exports/commands.js'
import { GameLayer } from '../game/GameLayer.js'
import type { BoardLayout } from '../room/layout.js'
import { RoomView } from '../room/RoomView.js'
import { votingCommands } from '../voting/commands.js'
import { voteDetails } from '../voting/details.js'
import { ResultsCard } from '../voting/ResultsCard.js'
import { BoardOverlay } from './BoardOverlay.js'
import { facilitationCommands } from './commands.js'
import { FacilitationModel } from './FacilitationModel.js'
import { FacilitatorPanel } from './FacilitatorPanel.js'
import { ParticipantDock } from './ParticipantDock.js'
import { SessionBar } from './SessionBar.js'
import { watchSessionNews } from './sessionNews.js'
import './facilitation.css'

/** Everything facilitation adds to an open board; mounted once by BoardSession. */
export function FacilitationLayer({
  layout,
  onLayout,
}: {
  /** In the room (phone view) the layer draws the room instead of what floats over the canvas. */
  layout: BoardLayout
  onLayout: (layout: BoardLayout) => void
}) {
  const session = useSession()
  const [model, setModel] = useState<FacilitationModel | null>(null)
  useEffect(() => {
    const created = new FacilitationModel(session)
    // The registry predates the model (which needs the session room), so its commands join it here.
    const unregister = session.registry.register([
      ...facilitationCommands(created),
      ...votingCommands(created),
      created.privateWriting.compose,
      exportStepsPdfCommand(() => created.session.getSnapshot().agenda),
    ])
    const removeDetails = addItemDetails(voteDetails(created))
    const stopNews = watchSessionNews(created.session, announce)
    setModel(created)
    if (window.__atelierDebug) Object.assign(window.__atelierDebug, { facilitation: created })
    return () => {
      unregister()
      removeDetails()
      stopNews()
      created.destroy()
    }
  }, [session])
  if (!model) return null
  // The game layer keeps its place in both layouts, so switching does not restart its model.
  return (
    <>
      {layout === 'room' ? (
        <RoomView model={model} onShowBoard={() => onLayout('canvas')} />
      ) : (
        <CanvasFacilitation model={model} />
      )}
      <GameLayer model={model} layout={layout} />
    </>
  )
}

function CanvasFacilitation({ model }: { model: FacilitationModel }) {
  return (
    <>
      <BoardOverlay model={model} />
      <SessionBar model={model} />
      {model.role !== 'observer' && <ParticipantDock model={model} />}
      {model.isFacilitator ? <FacilitatorPanel model={model} /> : <ResultsCard model={model} />}
    </>
  )
}
