import type { BoardAccess } from '@atelier/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addItemDetails } from '../a11y/announcer.js'
import { GameLayer } from '../game/GameLayer.js'
import type { BoardSessionModel } from '../ui/session.js'
import { votingCommands } from '../voting/commands.js'
import { voteDetails } from '../voting/details.js'
import { ResultsCard } from '../voting/ResultsCard.js'
import { BoardOverlay } from './BoardOverlay.js'
import { facilitationCommands } from './commands.js'
import { FacilitationModel } from './FacilitationModel.js'
import { FacilitatorPanel } from './FacilitatorPanel.js'
import { useLocal } from './hooks.js'
import { ParticipantDock } from './ParticipantDock.js'
import { SessionBar } from './SessionBar.js'
import './facilitation.css'

/** Everything facilitation adds to an open board; mounted once by BoardSession. */
export function FacilitationLayer({ session, access }: { session: BoardSessionModel; access: BoardAccess }) {
  const [model, setModel] = useState<FacilitationModel | null>(null)
  useEffect(() => {
    const token = String(session.connection.provider.params.token ?? '')
    const created = new FacilitationModel(session, access.role, token)
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
  }, [session, access.role])
  if (!model) return null
  return (
    <>
      <BoardOverlay model={model} />
      <SessionBar model={model} />
      {access.role !== 'observer' && <ParticipantDock model={model} />}
      {model.isFacilitator ? <FacilitatorPanel model={model} /> : <ResultsCard model={model} />}
      <IdentityError model={model} />
      <GameLayer model={model} />
    </>
  )
}

function IdentityError({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const error = useLocal(model, (s) => s.error)
  if (!error) return null
  return (
    <p className="banner" role="alert">
      {t('facilitation.errors.identity')}
    </p>
  )
}
