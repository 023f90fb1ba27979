import { boardToScreen, expandRect, type ItemSnapshot, rectsIntersect, visibleRect } from '@atelier/shared'
import { type CSSProperties, useLayoutEffect, useState, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useView } from '../store/hooks.js'
import { VoteOverlay } from '../voting/VoteOverlay.js'
import type { FacilitationModel } from './FacilitationModel.js'
import { useLocal, useSession } from './hooks.js'
import { LockIcon, ReactionIcon } from './icons.js'

/**
 * What facilitation draws over the board, in screen space: the spotlight, this person's private
 * notes, reaction bursts and vote dots. Only its buttons take pointer events; the rest lets the
 * canvas underneath work as usual. It lives inside the canvas element, so it stays under the
 * toolbars and the wheel over a vote target still zooms the board.
 */
export function BoardOverlay({ model }: { model: FacilitationModel }) {
  const [host, setHost] = useState<Element | null>(null)
  useLayoutEffect(() => setHost(document.querySelector('.board-canvas')), [])
  const camera = useView(model.board.view, (s) => s.camera)
  const viewport = useView(model.board.view, (s) => s.viewport)
  const area = expandRect(visibleRect(camera, viewport), 40 / camera.zoom)
  const visible = (item: ItemSnapshot) => rectsIntersect(item, area)
  if (!host) return null
  return createPortal(
    <div className="board-overlay">
      <Spotlight model={model} />
      <PrivateNotesView model={model} visible={visible} />
      <VoteOverlay model={model} camera={camera} visible={visible} />
      <Reactions model={model} />
    </div>,
    host,
  )
}

function Spotlight({ model }: { model: FacilitationModel }) {
  const frameId = useSession(model, (s) => s.state.spotlightFrameId)
  const camera = useView(model.board.view, (s) => s.camera)
  const viewport = useView(model.board.view, (s) => s.viewport)
  const frame = useSyncExternalStore(
    (l) => model.board.board.subscribe(l),
    () => (frameId ? model.board.board.getItem(frameId) : undefined),
  )
  if (!frame) return null
  const at = boardToScreen(camera, frame)
  const w = frame.w * camera.zoom
  const h = frame.h * camera.zoom
  return (
    <svg
      className="spotlight-mask"
      width={viewport.width}
      height={viewport.height}
      aria-hidden="true"
      data-testid="spotlight"
    >
      <path
        fillRule="evenodd"
        d={`M0 0H${viewport.width}V${viewport.height}H0Z M${at.x} ${at.y}h${w}v${h}h${-w}Z`}
      />
      <rect x={at.x} y={at.y} width={w} height={h} rx={6} className="spotlight-ring" />
    </svg>
  )
}

function PrivateNotesView({
  model,
  visible,
}: {
  model: FacilitationModel
  visible: (item: ItemSnapshot) => boolean
}) {
  const { t } = useTranslation()
  const store = useLocal(model, (s) => s.privateNotes)
  const notes = useSyncExternalStore(
    (l) => store?.subscribe(l) ?? (() => undefined),
    () => store?.getNotes() ?? EMPTY,
  )
  const camera = useView(model.board.view, (s) => s.camera)
  if (!store) return null
  return (
    <>
      {notes.filter(visible).map((note) => {
        const at = boardToScreen(camera, note)
        return (
          <div
            key={note.id}
            className="private-note"
            data-testid="private-note"
            style={
              {
                left: at.x,
                top: at.y,
                width: note.w,
                height: note.h,
                transform: `scale(${camera.zoom})`,
                background: note.color,
                // The delete button keeps its size on screen when the board is zoomed out.
                '--unzoom': Math.max(1, 1 / camera.zoom),
              } as CSSProperties
            }
          >
            <span className="private-note-tag">
              <LockIcon /> {t('facilitation.private.onlyYou')}
            </span>
            <p>{note.text}</p>
            <button
              type="button"
              className="private-note-delete"
              aria-label={t('facilitation.private.delete', { text: note.text })}
              onClick={() => store.remove(note.id)}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </div>
        )
      })}
    </>
  )
}

const EMPTY: readonly ItemSnapshot[] = []

function Reactions({ model }: { model: FacilitationModel }) {
  const reactions = useSyncExternalStore(model.people.subscribeReactions, model.people.getReactions)
  const camera = useView(model.board.view, (s) => s.camera)
  return (
    <>
      {reactions.map((reaction) => {
        const at = boardToScreen(camera, reaction.at)
        return (
          <span
            key={reaction.key}
            className="reaction-burst"
            style={{ left: at.x, top: at.y }}
            aria-hidden="true"
          >
            <ReactionIcon emoji={reaction.emoji} size={44} />
            <span className="reaction-name" style={{ background: reaction.color }}>
              {reaction.name}
            </span>
          </span>
        )
      })}
    </>
  )
}
