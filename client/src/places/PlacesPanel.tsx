import { centerOf, type ItemSnapshot, rectContainsPoint, ZONE_LIMITS } from '@atelier/shared'
import { type MouseEvent, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { selectedFrame } from '../commands/helpers.js'
import { useView } from '../store/hooks.js'
import {
  draftsOf,
  newPlace,
  type PlaceDraft,
  type PlacesProblem,
  savePlaces,
  zonesOfDrafts,
} from './places.js'
import './places.css'

/** "Emplacements": the selected frame's places, named and placed by the facilitator. */
export function PlacesPanel() {
  const session = useSession()
  const open = useView(session.view, (s) => s.panel === 'places')
  const frame = open ? selectedFrame(session.ctx) : null
  return frame ? <Editor key={frame.id} frame={frame} /> : null
}

function Editor({ frame }: { frame: ItemSnapshot }) {
  const session = useSession()
  const { t } = useTranslation()
  const id = useId()
  const [drafts, setDrafts] = useState<PlaceDraft[]>(() => draftsOf(frame))
  const [active, setActive] = useState(0)
  const [problem, setProblem] = useState<PlacesProblem | null>(null)
  // On by default: a place nobody can see on the board is one only phones know about.
  const [labels, setLabels] = useState(true)
  const titles = useRef<(HTMLInputElement | null)[]>([])
  const close = () => session.view.set({ panel: null })
  const change = (row: number, patch: Partial<PlaceDraft>) => {
    setDrafts(drafts.map((draft, i) => (i === row ? { ...draft, ...patch } : draft)))
    setProblem(null)
  }
  const add = (at?: { x: number; y: number }) => {
    const row = drafts.length
    setDrafts([...drafts, { ...newPlace(drafts), ...at }])
    setActive(row)
    setProblem(null)
    // The new row's name field, once it is drawn.
    requestAnimationFrame(() => titles.current[row]?.focus())
  }
  const addButton = useRef<HTMLButtonElement | null>(null)
  const remove = (row: number) => {
    const next = Math.min(row, drafts.length - 2)
    setDrafts(drafts.filter((_, i) => i !== row))
    setActive(Math.max(0, next))
    setProblem(null)
    // The focus was on the button that just went: on to the row that took its place, or « Ajouter ».
    requestAnimationFrame(() => (next >= 0 ? titles.current[next] : addButton.current)?.focus())
  }
  const save = () => {
    const result = zonesOfDrafts(drafts)
    if ('problem' in result) {
      setProblem(result)
      if (result.row !== null) titles.current[result.row]?.focus()
      return
    }
    // The frame as it is now: it may have moved while the panel was open.
    savePlaces(session.board, session.board.getItem(frame.id) ?? frame, result.zones, { labels })
    close()
  }
  // A click on the picture moves the row being edited there, or adds a place when there is none.
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    // Whole percents: a click is not finer than that, and round numbers read better in the fields.
    const at = {
      x: Math.round(((event.clientX - box.left) / box.width) * 100),
      y: Math.round(((event.clientY - box.top) / box.height) * 100),
    }
    if (drafts.length === 0) add(at)
    else change(Math.min(active, drafts.length - 1), at)
  }

  return (
    <section
      className="places-panel floating-panel"
      aria-labelledby={`${id}-title`}
      data-testid="places-panel"
    >
      <h2 id={`${id}-title`}>
        {t('places.title', { frame: frame.text?.trim() || t('places.untitledFrame') })}
      </h2>
      <p className="muted small">{t('places.help')}</p>
      <FramePicture frame={frame} drafts={drafts} active={active} onPick={pick} />
      <ol className="places-list">
        {drafts.map((draft, row) => (
          // Rows have no identity of their own but their position: a removed row shifts the rest.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={row} data-testid="place" className={row === active ? 'active' : undefined}>
            <span className="place-number" aria-hidden="true">
              {row + 1}
            </span>
            <label className="place-title">
              <span className="visually-hidden">{t('places.name', { n: row + 1 })}</span>
              <input
                ref={(input) => {
                  titles.current[row] = input
                }}
                value={draft.title}
                maxLength={ZONE_LIMITS.title}
                placeholder={t('places.namePlaceholder')}
                aria-invalid={problem?.row === row || undefined}
                data-testid="place-title"
                onFocus={() => setActive(row)}
                onChange={(e) => change(row, { title: e.target.value })}
              />
            </label>
            <Coordinate
              sign="↔"
              area="across"
              label={t('places.across', { n: row + 1 })}
              value={draft.x}
              onFocus={() => setActive(row)}
              onChange={(x) => change(row, { x })}
              testId="place-x"
            />
            <Coordinate
              sign="↕"
              area="down"
              label={t('places.down', { n: row + 1 })}
              value={draft.y}
              onFocus={() => setActive(row)}
              onChange={(y) => change(row, { y })}
              testId="place-y"
            />
            <button
              type="button"
              className="button"
              aria-label={t('places.remove', { n: row + 1 })}
              data-testid="place-remove"
              onClick={() => remove(row)}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      {drafts.length === 0 && <p className="small">{t('places.none')}</p>}
      <button
        ref={addButton}
        type="button"
        className="button"
        data-testid="place-add"
        disabled={drafts.length >= ZONE_LIMITS.zones}
        onClick={() => add()}
      >
        {t('places.add')}
      </button>
      <label className="places-labels small">
        <input
          type="checkbox"
          checked={labels}
          data-testid="places-labels"
          onChange={(e) => setLabels(e.target.checked)}
        />
        {t('places.labels')}
      </label>
      {problem && (
        <p className="places-problem" role="alert" data-testid="places-problem">
          {problem.row === null
            ? t('places.problems.tooMany', { max: ZONE_LIMITS.zones })
            : t(`places.problems.${problem.problem}`, { n: problem.row + 1, max: ZONE_LIMITS.title })}
        </p>
      )}
      <div className="places-actions">
        <button type="button" className="button primary" data-testid="places-save" onClick={save}>
          {t('places.save')}
        </button>
        <button type="button" className="button" onClick={close}>
          {t('places.close')}
        </button>
      </div>
    </section>
  )
}

function Coordinate(props: {
  label: string
  /** Shown before the field: an arrow saying which way the number goes. */
  sign: string
  area: 'across' | 'down'
  value: number
  testId: string
  onFocus: () => void
  onChange: (value: number) => void
}) {
  const { t } = useTranslation()
  return (
    <label className={`place-coordinate place-${props.area}`}>
      <span aria-hidden="true">{props.sign}</span>
      <span className="visually-hidden">{props.label}</span>
      <input
        type="number"
        min={0}
        max={100}
        step={1}
        inputMode="decimal"
        value={Number.isFinite(props.value) ? props.value : ''}
        data-testid={props.testId}
        onFocus={props.onFocus}
        onChange={(e) => props.onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
      <span aria-hidden="true">{t('places.percent')}</span>
    </label>
  )
}

/**
 * The frame in small, its items as grey boxes and its places as numbered dots: where a place is,
 * at a glance. A click places the row being edited; the fields beside each row do the same from
 * the keyboard, so the picture is hidden from screen readers.
 */
function FramePicture({
  frame,
  drafts,
  active,
  onPick,
}: {
  frame: ItemSnapshot
  drafts: readonly PlaceDraft[]
  active: number
  onPick: (event: MouseEvent<SVGSVGElement>) => void
}) {
  const session = useSession()
  const items = useMemo(
    () =>
      [...session.board.getItems().values()].filter(
        (item) => item.type !== 'frame' && rectContainsPoint(frame, centerOf(item)),
      ),
    [session.board, frame],
  )
  // About 9 px on screen, whatever the frame's size: the picture is 350 px wide, 200 px high when tall.
  const widthPx = frame.w >= frame.h ? 350 : (200 * frame.w) / frame.h
  const dot = (9 * frame.w) / widthPx
  return (
    <svg
      className="places-picture"
      viewBox={`0 0 ${frame.w} ${frame.h}`}
      // The box has the frame's proportions (tall frames narrower), so a click maps straight to it.
      style={{
        aspectRatio: `${frame.w} / ${frame.h}`,
        width: frame.w >= frame.h ? '100%' : `${Math.round(widthPx)}px`,
      }}
      preserveAspectRatio="none"
      aria-hidden="true"
      data-testid="places-picture"
      onClick={onPick}
    >
      <rect width={frame.w} height={frame.h} className="places-frame" />
      {items.map((item) => (
        <rect
          key={item.id}
          x={item.x - frame.x}
          y={item.y - frame.y}
          width={item.w}
          height={item.h}
          className={item.type === 'note' ? 'places-note' : 'places-item'}
        />
      ))}
      {drafts.map((draft, row) =>
        Number.isFinite(draft.x) && Number.isFinite(draft.y) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a dot is its row
          <g key={row} transform={`translate(${(draft.x / 100) * frame.w} ${(draft.y / 100) * frame.h})`}>
            <circle r={dot} className={row === active ? 'places-dot active' : 'places-dot'} />
            <text
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={dot * 1.2}
              className="places-dot-number"
            >
              {row + 1}
            </text>
          </g>
        ) : null,
      )}
    </svg>
  )
}
