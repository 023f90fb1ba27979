import { boardToScreen, NOTE_COLORS, SHAPE_KINDS } from '@atelier/shared'
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { itemUtil } from '../items/registry.js'
import { PHONE_MAX_WIDTH } from '../store/chrome.js'
import { useView } from '../store/hooks.js'
import { canModify, selectionBounds } from '../store/selection.js'
import { CommandButton } from './CommandButton.js'
import { DiamondIcon, EllipseIcon, LockIcon, PlacesIcon, RectangleIcon, TrashIcon } from './icons.js'

const SHAPE_ICONS = { rectangle: <RectangleIcon />, ellipse: <EllipseIcon />, diamond: <DiamondIcon /> }

/**
 * Style of the selection, above the board: colour, shape outline, tags, lock and delete. Shown
 * while something is selected (or the note tool is on, to pick the next note's colour).
 */
export function StyleBar() {
  const session = useSession()
  const { t } = useTranslation()
  const { view, board, registry, ctx } = session
  const selection = useView(view, (s) => s.selection)
  const tool = useView(view, (s) => s.tool)
  const noteColor = useView(view, (s) => s.noteColor)
  const dragging = useView(view, (s) => s.drag !== null || s.preview !== null)
  const version = useSyncExternalStore(board.subscribe, () => board.getVersion())
  void version
  const camera = useView(view, (s) => s.camera)
  const viewportWidth = useView(view, (s) => s.viewport.width)
  const bar = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  // Measured after each render: the bar's width depends on what is selected.
  useLayoutEffect(() => {
    const measured = bar.current?.offsetWidth ?? 0
    if (measured !== width) setWidth(measured)
  })
  const items = board.pick(selection)
  if (ctx.readOnly || dragging || (items.length === 0 && tool !== 'note')) return null
  // Floats just above the selection (below it when there is no room), as in tldraw and FigJam;
  // with nothing selected (note tool), beside the tool's button on the rail, clear of the step's
  // instruction under the top bar (a phone's rail is at the bottom: there, under the top bar).
  const bounds = selectionBounds(board, selection)
  let position: { left: number; top: number }
  if (bounds) {
    const top = boardToScreen(camera, { x: bounds.x, y: bounds.y })
    const bottom = boardToScreen(camera, { x: bounds.x + bounds.w, y: bounds.y + bounds.h })
    position = { left: (top.x + bottom.x) / 2, top: top.y - 96 > 110 ? top.y - 96 : bottom.y + 24 }
  } else position = besideNoteTool(width, viewportWidth) ?? { left: viewportWidth / 2, top: 120 }
  // Centred on the selection but never past either edge of the screen (a note near the edge of a phone).
  const half = Math.min(width, viewportWidth - 16) / 2
  position.left = Math.min(Math.max(position.left, half + 8), viewportWidth - half - 8)
  // Nothing here this person may change (locked, or someone else's with "own items only"): the
  // bar says why instead of offering buttons the relay would refuse.
  if (items.length > 0 && !items.some((item) => canModify(ctx, item))) {
    const why = items.some((item) => item.locked) ? 'locked' : 'notYours'
    return (
      <div
        ref={bar}
        className="stylebar stylebar-readonly"
        role="status"
        data-testid="stylebar-readonly"
        style={position}
      >
        <LockIcon /> {t(`canvas.style.${why}`)}
      </div>
    )
  }
  const colorable = items.length === 0 || items.some((item) => itemUtil(item.type).colorable)
  const shapes = items.filter((item) => item.type === 'shape')
  const notes = items.filter((item) => item.type === 'note')
  const current = items.find((item) => item.color)?.color ?? noteColor

  return (
    <div
      ref={bar}
      className="stylebar"
      role="toolbar"
      aria-label={t('canvas.style.label')}
      data-testid="stylebar"
      style={position}
    >
      {colorable && (
        <fieldset className="stylebar-group">
          <legend className="visually-hidden">{t('toolbar.palette')}</legend>
          {NOTE_COLORS.map((color) => (
            <button
              key={color.id}
              type="button"
              className="swatch"
              data-testid={`color-${color.id}`}
              aria-label={t(`colors.${color.id}`)}
              aria-pressed={current === color.value}
              title={t(`colors.${color.id}`)}
              style={{ background: color.value }}
              onClick={() => registry.run('setColor', ctx, { color: color.value })}
            />
          ))}
        </fieldset>
      )}
      {shapes.length > 0 && (
        <fieldset className="stylebar-group">
          <legend className="visually-hidden">{t('commands.setShape')}</legend>
          {SHAPE_KINDS.map((shape) => (
            <button
              key={shape}
              type="button"
              className="icon-button small"
              aria-pressed={shapes.every((item) => item.shape === shape)}
              aria-label={t(`canvas.shapes.${shape}`)}
              title={t(`canvas.shapes.${shape}`)}
              onClick={() => registry.run('setShape', ctx, { shape })}
            >
              {SHAPE_ICONS[shape]}
            </button>
          ))}
        </fieldset>
      )}
      {notes.length > 0 && <TagsField key={selection.join()} initial={notes[0]?.tags ?? []} />}
      {items.length > 0 && (
        <div className="stylebar-group">
          {ctx.facilitator && (
            <CommandButton
              command="toggleLock"
              icon={<LockIcon />}
              pressed={items.every((item) => item.locked)}
              testId="toggle-lock"
            />
          )}
          {/* Shown for one selected frame only (the command hides its button otherwise). */}
          {ctx.facilitator && (
            <CommandButton command="editPlaces" icon={<PlacesIcon />} testId="edit-places" />
          )}
          <CommandButton command="delete" icon={<TrashIcon />} testId="delete" />
        </div>
      )}
    </div>
  )
}

/** Tags as comma-separated text, written when the field is left or Enter is pressed. */
function TagsField({ initial }: { initial: readonly string[] }) {
  const session = useSession()
  const { t } = useTranslation()
  const [value, setValue] = useState(initial.join(', '))
  const commit = () => session.registry.run('setTags', session.ctx, { tags: value.split(',') })
  return (
    <label className="stylebar-group tags-field">
      <span className="visually-hidden">{t('canvas.style.tags')}</span>
      <input
        type="text"
        value={value}
        placeholder={t('canvas.style.tagsPlaceholder')}
        data-testid="tags-input"
        onChange={(event) => setValue(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            commit()
            event.currentTarget.blur()
          }
        }}
      />
    </label>
  )
}

/** Where the bar (centred on `left`) sits beside the rail's note button, on a screen wider than a phone's. */
function besideNoteTool(width: number, viewportWidth: number): { left: number; top: number } | null {
  if (viewportWidth <= PHONE_MAX_WIDTH) return null
  const button = document.querySelector('[data-testid="tool-note"]')?.getBoundingClientRect()
  if (!button) return null
  return { left: button.right + 12 + width / 2, top: button.top - 6 }
}
