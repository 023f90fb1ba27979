import { type FormEvent, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { CommandButton } from '../ui/CommandButton.js'
import type { FacilitationModel } from './FacilitationModel.js'
import { useLocal, useSession } from './hooks.js'
import { HandIcon, LockIcon, ReactionIcon } from './icons.js'
import { usePlaceChoice } from './ideaPlace.js'
import { REACTIONS } from './PeopleTracker.js'
import { PlaceChoice } from './PlaceChoice.js'
import { ideaSpot, stepFramesOn } from './stepFrames.js'

/** Bottom dock for everyone who can take part: reactions, raise hand, and private writing. */
export function ParticipantDock({ model }: { model: FacilitationModel }) {
  const privateNotes = useLocal(model, (s) => s.privateNotes)
  return (
    <div className="dock">
      {privateNotes && <PrivateComposer model={model} />}
      <ReactionBar model={model} />
    </div>
  )
}

/** Reactions and the raised hand: in the board's dock, and in the phone view. */
export function ReactionBar({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const hand = useLocal(model, (s) => s.hand)
  return (
    <div className="dock-bar" role="toolbar" aria-label={t('facilitation.reactions.label')}>
      {REACTIONS.map((emoji) => (
        <CommandButton
          key={emoji}
          command="reaction.send"
          args={{ choice: emoji }}
          className="reaction-button"
          label={t('facilitation.reactions.send', {
            emoji: t(`facilitation.reactions.names.${REACTIONS.indexOf(emoji)}`),
          })}
        >
          <ReactionIcon emoji={emoji} size={22} />
        </CommandButton>
      ))}
      <span className="dock-separator" aria-hidden="true" />
      <CommandButton
        command="hand.toggle"
        className={`hand-button${hand ? ' raised' : ''}`}
        pressed={hand}
        testId="raise-hand"
      >
        <HandIcon /> {hand ? t('facilitation.hand.lower') : t('facilitation.hand.raise')}
      </CommandButton>
    </div>
  )
}

function PrivateComposer({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const compose = useLocal(model, (s) => s.compose)
  const notes = useLocal(model, (s) => s.privateNotes)
  const [text, setText] = useState('')
  const field = useRef<HTMLTextAreaElement>(null)
  const count = notes?.getNotes().length ?? 0
  // The step's frames, as on the board now: a note goes to the one chosen (the first by default).
  const step = useSession(model, (s) => s.agenda.find((candidate) => candidate.id === s.state.stepId) ?? null)
  const board = model.board.board
  useSyncExternalStore(board.subscribe, () => board.getVersion())
  const place = usePlaceChoice(stepFramesOn(step, board.getItems()), {
    memory: model.nextIdeaPlace,
    onChooseFrame: model.followFrameColour,
  })

  useEffect(() => {
    if (compose.nonce > 0) field.current?.focus()
  }, [compose.nonce])

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (!text.trim()) return
    // A double-click said where; otherwise a frame with zones (a scale) needs one chosen.
    if (!place.ready(compose.at !== null)) return
    const { frame, zone } = place
    const spot = frame ? ideaSpot(frame, board.getItems().values(), notes?.getNotes() ?? [], zone) : undefined
    model.addPrivateNote(text, spot)
    setText('')
    field.current?.focus()
  }

  return (
    <form className="private-composer" onSubmit={submit} data-testid="private-composer">
      <p className="private-title">
        <LockIcon /> {t('facilitation.private.title')}
      </p>
      <p className="private-help">{t('facilitation.private.help', { count })}</p>
      {!compose.at && <PlaceChoice choice={place} compact />}
      <label htmlFor="private-text" className="visually-hidden">
        {t('facilitation.private.label')}
      </label>
      <div className="private-row">
        <textarea
          id="private-text"
          ref={field}
          data-testid="private-text"
          value={text}
          rows={2}
          maxLength={500}
          placeholder={t('facilitation.private.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) submit(e)
          }}
        />
        <button type="submit" className="button primary" data-testid="private-add" disabled={!text.trim()}>
          {t('facilitation.private.add')}
        </button>
      </div>
    </form>
  )
}
