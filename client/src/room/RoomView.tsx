import {
  boundsOf,
  centerOf,
  type ItemSnapshot,
  NOTE_COLORS,
  rectContainsPoint,
  type VoteRound,
} from '@atelier/shared'
import { type FormEvent, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { announce } from '../a11y/announcer.js'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { useSession } from '../facilitation/hooks.js'
import { LockIcon } from '../facilitation/icons.js'
import { type IdeaPlace, usePlaceChoice } from '../facilitation/ideaPlace.js'
import { ReactionBar } from '../facilitation/ParticipantDock.js'
import { PlaceChoice } from '../facilitation/PlaceChoice.js'
import { colourMeanings, framePrompt } from '../facilitation/stepFrames.js'
import { TimerWidget } from '../facilitation/TimerWidget.js'
import { useView } from '../store/hooks.js'
import { LanguageSwitch } from '../ui/LanguageSwitch.js'
import { castVote } from '../voting/castVote.js'
import { useBallot, useEligible, useLatestClosedRound, useOpenRound } from '../voting/hooks.js'
import { RemainingVotes } from '../voting/RemainingVotes.js'
import { dotState } from '../voting/voteState.js'
import { type Idea, type RoomIdeas, useRoomIdeas } from './ideas.js'
import { roomStep } from './roomModel.js'
import './room.css'

/**
 * The participants' room: the step in progress made for a phone (and for anyone who prefers a
 * list to a canvas, or uses a screen reader). The step's question, a big field to add an idea,
 * this person's ideas with real buttons, then the group's ideas to read; during a vote the ideas
 * to vote on come first, as a poll does. The timer, reactions and the raised hand. Every write
 * goes through the same models as the canvas.
 */
export function RoomView({ model, onShowBoard }: { model: FacilitationModel; onShowBoard: () => void }) {
  const { t } = useTranslation()
  const state = useSession(model, (s) => s.state)
  const agenda = useSession(model, (s) => s.agenda)
  const board = model.board.board
  const items = useSyncExternalStore(board.subscribe, () => board.getItems())
  const { step, frames, index, count, question: stepQuestion } = roomStep(agenda, state.stepId, items)
  // Where this person's next idea goes: which of the step's frames, and where in it; the colour
  // follows a frame whose examples share one.
  const place = usePlaceChoice(frames, {
    memory: model.nextIdeaPlace,
    onChooseFrame: model.followFrameColour,
  })
  const canWrite = model.role !== 'observer'
  const privateMode = state.writingMode === 'private'
  // The step's frame's question, or its name (`roomStep`); with no step running, a placeholder.
  const question = stepQuestion ?? t('room.noStep')
  const ideas = useRoomIdeas(model, frames, place)
  const round = useOpenRound(model)
  const group = <GroupIdeas model={model} ideas={ideas} round={round} privateMode={privateMode} />

  return (
    <main className="room" aria-labelledby={ROOM_QUESTION_ID} data-testid="room-view">
      <section className="room-step">
        <div className="room-step-top">
          <p className="room-step-index" data-testid="room-step-index">
            {step ? t('facilitation.agenda.stepOf', { index: index + 1, count }) : t('room.board')}
            {/* The step's name, as the facilitator says it, unless the heading (its frame's title) says it. */}
            {step && !question.toLowerCase().includes(step.title.toLowerCase()) && ` · ${step.title}`}
          </p>
          <button
            type="button"
            className="button room-switch"
            data-testid="room-show-board"
            onClick={() => {
              onShowBoard()
              // The canvas opens on the frame the next idea goes to (else the step's frames),
              // close enough to read.
              const view = place.frame ?? boundsOf(frames)
              if (view) model.follow.flyTo(view)
            }}
          >
            {t('room.showBoard')}
          </button>
        </div>
        <h2 id={ROOM_QUESTION_ID} className="room-question" data-testid="room-question" tabIndex={-1}>
          {question}
        </h2>
        {step?.instructions && (
          <p className="room-instructions" data-testid="room-instructions">
            {step.instructions}
          </p>
        )}
        <div className="room-status">
          <TimerWidget model={model} />
          {privateMode && canWrite && (
            <span className="mode-badge private">
              <LockIcon />
              {t('room.privateBadge')}
            </span>
          )}
          <RemainingVotes model={model} />
        </div>
      </section>
      {/* A poll or a vote is what the step asks for right now: it comes before writing ideas. */}
      <div id={ROOM_POLLS_ID} className="room-polls" />
      {round && group}
      {canWrite && <AddIdea model={model} add={ideas.add} privateMode={privateMode} place={place} />}
      {canWrite && <MyIdeas mine={ideas.mine} frames={frames} />}
      {!round && group}
      {canWrite && (
        <section className="room-react" aria-labelledby="room-react-title">
          <h2 id="room-react-title" className="room-section-title">
            {t('room.react')}
          </h2>
          <ReactionBar model={model} />
        </section>
      )}
      {/* On a phone the top bar has no room for the languages: they are here, at the end of the page. */}
      <footer className="room-footer">
        <LanguageSwitch />
      </footer>
    </main>
  )
}

/** The step's question, the room's heading: where the focus goes once a person has joined. */
export const ROOM_QUESTION_ID = 'room-question'

/** This person's ideas, which the confirmation of an added one links to. */
const MINE_TITLE_ID = 'room-mine-title'

/** A vote round's title that starts with the word « vote » (French and English alike). */
const VOTE_TITLE = /^vote\b/i

/** Where the game's poll dock is drawn in the room, in the reading flow rather than floating. */
export const ROOM_POLLS_ID = 'room-polls'

function AddIdea({
  model,
  add,
  privateMode,
  place,
}: {
  model: FacilitationModel
  add: (text: string) => void
  privateMode: boolean
  /** Where the idea goes: the step's frames, and the places in the one chosen. */
  place: IdeaPlace
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  // The idea just added, shown over the field (where the eyes are): the list it joins is below the fold on a phone.
  const [added, setAdded] = useState<{ text: string; place: string } | null>(null)
  // What the chosen frame asks: the phone does not show its prompt on the board.
  const places = place.frames
  const prompt = place.frame ? framePrompt(place.frame, model.board.board.getItems().values()) : null
  const field = useRef<HTMLTextAreaElement>(null)
  const hint = useId()
  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    const idea = text.trim()
    if (!idea) return
    if (!place.ready()) return
    add(idea)
    setText('')
    setAdded({ text: idea, place: place.zone?.title ?? place.frame?.text?.trim() ?? '' })
    announce(t('room.add.done', { text: idea }))
    field.current?.focus()
  }
  return (
    <form className="room-add" onSubmit={submit} data-testid="room-add-form">
      <label htmlFor="room-idea" className="room-section-title">
        {t('room.add.label')}
      </label>
      <p id={hint} className="room-hint">
        {privateMode ? t('room.add.private') : t('room.add.open')}
      </p>
      <PlaceChoice
        choice={place}
        prompt={
          places.length > 1 && prompt ? (
            <p className="room-hint room-frame-prompt" data-testid="room-frame-prompt">
              {prompt}
            </p>
          ) : null
        }
      />
      <NoteColors model={model} frames={places} />
      {added && (
        <p className="room-added" data-testid="room-added">
          <span>✓ {added.place ? t('room.add.added', added) : t('room.add.done', added)}</span>
          {/* A button, not a link: the address's fragment carries the board's access. */}
          <button
            type="button"
            className="link-button room-added-see"
            onClick={() => {
              const title = document.getElementById(MINE_TITLE_ID)
              title?.scrollIntoView({ block: 'start' })
              title?.focus()
            }}
          >
            {t('room.add.seeMine')}
          </button>
        </p>
      )}
      <textarea
        id="room-idea"
        ref={field}
        className="room-field"
        data-testid="room-idea"
        aria-describedby={hint}
        value={text}
        rows={3}
        maxLength={500}
        placeholder={t('room.add.placeholder')}
        onChange={(event) => {
          setText(event.target.value)
          setAdded(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) submit(event)
        }}
      />
      <button
        type="submit"
        className="button primary room-big"
        data-testid="room-add"
        disabled={!text.trim()}
      >
        {t('room.add.submit')}
      </button>
    </form>
  )
}

/**
 * The colour of the next note, as the canvas's palette sets it: some steps ask for one (« en vert
 * ce que vous maîtrisez »), and a colour chosen here stays for the canvas.
 */
function NoteColors({ model, frames }: { model: FacilitationModel; frames: readonly ItemSnapshot[] }) {
  const { t } = useTranslation()
  const { view } = model.board.ctx
  const current = useView(view, (s) => s.noteColor)
  // What the colours stand for on this step's frames (a legend), since the phone does not show them.
  const meanings = colourMeanings(frames, model.board.board.getItems().values())
  const name = (color: (typeof NOTE_COLORS)[number]) => {
    const meaning = meanings.get(color.value)
    return meaning ? `${t(`colors.${color.id}`)} — ${meaning}` : t(`colors.${color.id}`)
  }
  return (
    <fieldset className="room-colors" data-testid="room-colors">
      <legend className="room-colors-legend">{t('room.add.color')}</legend>
      {NOTE_COLORS.map((color) => (
        <label key={color.id} className="room-color" style={{ background: color.value }} title={name(color)}>
          <input
            type="radio"
            name="room-color"
            aria-label={name(color)}
            checked={current === color.value}
            onChange={() => view.set({ noteColor: color.value })}
          />
        </label>
      ))}
      {/* The legend in words; each swatch already says its own to a screen reader. */}
      {meanings.size > 0 && (
        <ul className="room-colors-meanings" data-testid="room-color-meanings" aria-hidden="true">
          {NOTE_COLORS.filter((color) => meanings.has(color.value)).map((color) => (
            <li key={color.id} className={color.value === current ? 'chosen' : undefined}>
              <span className="room-color-dot" style={{ background: color.value }} />
              {meanings.get(color.value)}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}

function MyIdeas({ mine, frames }: { mine: Idea[]; frames: readonly ItemSnapshot[] }) {
  const { t } = useTranslation()
  // An idea can change place when the step offers more than one: several frames, or zones.
  const movable = frames.length > 1 || frames.some((frame) => (frame.zones?.length ?? 0) > 0)
  return (
    <section className="room-ideas" aria-labelledby={MINE_TITLE_ID} data-testid="room-mine">
      <h2 id={MINE_TITLE_ID} className="room-section-title" tabIndex={-1}>
        {t('room.mine.title', { count: mine.length })}
      </h2>
      {mine.length === 0 ? (
        <p className="room-hint">{t('room.mine.none')}</p>
      ) : (
        <ul className="room-list">
          {mine.map((idea) => (
            <MyIdea key={idea.item.id} idea={idea} frames={movable ? frames : null} />
          ))}
        </ul>
      )}
    </section>
  )
}

function GroupIdeas({
  model,
  ideas,
  round,
  privateMode,
}: {
  model: FacilitationModel
  ideas: RoomIdeas
  /** The open vote round, if any. */
  round: VoteRound | null
  privateMode: boolean
}) {
  const { t } = useTranslation()
  const { group, everything } = ideas
  const closed = useLatestClosedRound(model)
  const eligible = useEligible(model, round)
  const canWrite = model.role !== 'observer'
  // The group's ideas show once they are on the board for everyone: open writing, after the
  // reveal, or whenever a vote is open (then the round's items, wherever they are). Outside a
  // vote they are what people wrote: the template's examples and prompts have no author (the
  // report counts them apart too).
  const shown = round
    ? everything.filter((idea) => eligible.has(idea.item.id))
    : group.filter((idea) => idea.item.author !== undefined)
  const results = closed?.results ?? []
  const ranked = results.length > 0 && !round
  const rankOf = (id: string) => results.find((result) => result.itemId === id)
  const ordered = ranked
    ? [...shown].sort((a, b) => (rankOf(a.item.id)?.rank ?? Infinity) - (rankOf(b.item.id)?.rank ?? Infinity))
    : shown
  if (privateMode && !round) return null
  return (
    <section className="room-ideas" aria-labelledby="room-group-title" data-testid="room-group">
      <h2 id="room-group-title" className="room-section-title">
        {round
          ? // « Vote par gommettes » says it is a vote already: no « Vote : » before it.
            VOTE_TITLE.test(round.title)
            ? round.title
            : t('room.group.vote', { title: round.title })
          : t('room.group.title', { count: ordered.length })}
      </h2>
      {round && canWrite && <p className="room-hint">{t('voting.rules', { count: round.budget })}</p>}
      {ordered.length === 0 ? (
        <p className="room-hint">{t('room.group.none')}</p>
      ) : (
        <ul className="room-list">
          {ordered.map((idea) => (
            <GroupIdea
              key={idea.item.id}
              model={model}
              idea={idea}
              round={canWrite ? round : null}
              result={ranked ? rankOf(idea.item.id) : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  )
}

function MyIdea({ idea, frames }: { idea: Idea; frames: readonly ItemSnapshot[] | null }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<string | null>(null)
  const [moving, setMoving] = useState(false)
  const text = idea.item.text?.trim() ?? ''
  const editId = useId()
  // Back from choosing a place, the focus returns to « Déplacer », where the person left it.
  const moveButton = useRef<HTMLButtonElement>(null)
  const wasMoving = useRef(false)
  useEffect(() => {
    if (!moving && wasMoving.current) moveButton.current?.focus()
    wasMoving.current = moving
  }, [moving])
  if (moving && frames) {
    return (
      <li
        className="room-idea"
        style={{ borderInlineStartColor: idea.item.color }}
        data-testid="room-my-idea"
      >
        <p className="room-idea-text">{text || t('a11y.empty')}</p>
        <MoveIdea
          frames={frames}
          from={frames.find((frame) => rectContainsPoint(frame, centerOf(idea.item)))?.id ?? null}
          onMove={(place) => {
            idea.move(place)
            setMoving(false)
            announce(t('room.mine.moved', { text }))
          }}
          onCancel={() => setMoving(false)}
        />
      </li>
    )
  }
  if (draft !== null) {
    const save = (event: FormEvent) => {
      event.preventDefault()
      if (draft.trim()) idea.edit(draft.trim())
      setDraft(null)
      announce(t('room.mine.saved'))
    }
    return (
      <li
        className="room-idea"
        style={{ borderInlineStartColor: idea.item.color }}
        data-testid="room-my-idea"
      >
        <form className="room-edit" onSubmit={save}>
          <label htmlFor={editId} className="visually-hidden">
            {t('room.mine.editLabel')}
          </label>
          <textarea
            id={editId}
            className="room-field"
            data-testid="room-edit-text"
            // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this idea.
            autoFocus
            value={draft}
            rows={3}
            maxLength={500}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="room-actions">
            <button type="submit" className="button primary room-big" data-testid="room-edit-save">
              {t('room.mine.save')}
            </button>
            <button type="button" className="button room-big" onClick={() => setDraft(null)}>
              {t('room.mine.cancel')}
            </button>
          </div>
        </form>
      </li>
    )
  }
  return (
    <li className="room-idea" style={{ borderInlineStartColor: idea.item.color }} data-testid="room-my-idea">
      <p className="room-idea-text">{text || t('a11y.empty')}</p>
      {idea.place && (
        <p className="room-idea-meta">
          <span className="room-tag">{idea.place}</span>
        </p>
      )}
      {idea.editable && (
        <div className="room-actions">
          <button
            type="button"
            className="button room-big"
            aria-label={t('room.mine.edit', { text })}
            data-testid="room-edit"
            onClick={() => setDraft(text)}
          >
            {t('room.mine.editShort')}
          </button>
          {frames && (
            <button
              ref={moveButton}
              type="button"
              className="button room-big"
              aria-label={t('room.mine.move', { text })}
              data-testid="room-move"
              onClick={() => setMoving(true)}
            >
              {t('room.mine.moveShort')}
            </button>
          )}
          <button
            type="button"
            className="button danger room-big"
            aria-label={t('room.mine.delete', { text })}
            data-testid="room-delete"
            onClick={() => {
              idea.remove()
              announce(t('room.mine.deleted', { text }))
            }}
          >
            {t('room.mine.deleteShort')}
          </button>
        </div>
      )}
    </li>
  )
}

/** Another place for one of this person's ideas: the step's frame and zone, as when adding one. */
function MoveIdea({
  frames,
  from,
  onMove,
  onCancel,
}: {
  frames: readonly ItemSnapshot[]
  /** The frame the idea is in now, where the choice starts. */
  from: string | null
  onMove: (place: IdeaPlace) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const place = usePlaceChoice(frames, { startFrameId: from })
  const form = useRef<HTMLFormElement>(null)
  // The button that opened this form is gone: the focus goes to the choice it opened.
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input:checked, input')?.focus()
  }, [])
  const move = (event: FormEvent) => {
    event.preventDefault()
    if (place.ready()) onMove(place)
  }
  return (
    <form ref={form} className="room-edit" onSubmit={move} data-testid="room-move-form">
      <PlaceChoice choice={place} />
      <div className="room-actions">
        <button type="submit" className="button primary room-big" data-testid="room-move-here">
          {t('room.mine.moveHere')}
        </button>
        <button type="button" className="button room-big" onClick={onCancel}>
          {t('room.mine.cancel')}
        </button>
      </div>
    </form>
  )
}

function GroupIdea({
  model,
  idea,
  round,
  result,
}: {
  model: FacilitationModel
  idea: Idea
  round: VoteRound | null
  result: { rank: number; votes: number } | undefined
}) {
  const { t } = useTranslation()
  const ballot = useBallot(model)
  const text = idea.item.text?.trim() || t('voting.unnamedItem')
  const dots = round ? dotState(round, ballot.mine, idea.item.id) : null
  return (
    <li
      className="room-idea"
      style={{ borderInlineStartColor: idea.item.color }}
      data-testid="room-group-idea"
      data-item-id={idea.item.id}
    >
      <p className="room-idea-text">{text}</p>
      <p className="room-idea-meta">
        {idea.place && <span className="room-tag">{idea.place}</span>}
        {idea.mine && <span className="room-tag">{t('room.group.yours')}</span>}
        {result && (
          <span className="room-tag result" data-testid="room-result">
            {t('voting.badge', { rank: result.rank, count: result.votes })}
          </span>
        )}
        {dots && (
          <span className="room-tag room-my-dots" data-testid="room-my-dots" data-count={dots.mine}>
            {t('voting.mine', { count: dots.mine })}
          </span>
        )}
      </p>
      {dots && (
        <div className="room-actions">
          <button
            type="button"
            className="button primary room-big"
            aria-label={t('voting.add', { label: text })}
            data-testid="room-vote"
            onClick={() => void castVote(model, idea.item.id, 1)}
          >
            {t('room.group.voteShort')}
          </button>
          {dots.mine > 0 && (
            <button
              type="button"
              className="button room-big"
              aria-label={t('voting.remove', { label: text })}
              data-testid="room-unvote"
              onClick={() => void castVote(model, idea.item.id, -1)}
            >
              {t('room.group.unvoteShort')}
            </button>
          )}
        </div>
      )}
    </li>
  )
}
