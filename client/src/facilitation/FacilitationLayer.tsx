import { useEffect, useState } from 'react'
import { addItemDetails } from '../a11y/announcer.js'
import { useSession } from '../board/context.js'
import { GameLayer } from '../game/GameLayer.js'
import { votingCommands } from '../voting/commands.js'
import { voteDetails } from '../voting/details.js'
import { ResultsCard } from '../voting/ResultsCard.js'
import { BoardOverlay } from './BoardOverlay.js'
import { facilitationCommands } from './commands.js'
import { FacilitationModel } from './FacilitationModel.js'
import { FacilitatorPanel } from './FacilitatorPanel.js'
import { ParticipantDock } from './ParticipantDock.js'
import { SessionBar } from './SessionBar.js'
import './facilitation.css'

/** Everything facilitation adds to an open board; mounted once by BoardSession. */
export function FacilitationLayer() {
  const session = useSession()
  const { access } = session
  const [model, setModel] = useState<FacilitationModel | null>(null)
  useEffect(() => {
    const created = new FacilitationModel(session)
    // The registry predates the model (which needs the session room), so its commands join it here.
    const unregister = session.registry.register([
      ...facilitationCommands(created),
      ...votingCommands(created),
    ])
    const removeDetails = addItemDetails(voteDetails(created))
    setModel(created)
    if (window.__atelierDebug) Object.assign(window.__atelierDebug, { facilitation: created })
    return () => {
      unregister()
      removeDetails()
      created.destroy()
    }
  }, [session])
  if (!model) return null
  return (
    <>
      <BoardOverlay model={model} />
      <SessionBar model={model} />
      {access.role !== 'observer' && <ParticipantDock model={model} />}
      {model.isFacilitator ? <FacilitatorPanel model={model} /> : <ResultsCard model={model} />}
      <GameLayer model={model} />
    </>
  )
}
