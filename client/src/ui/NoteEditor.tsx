import { boardToScreen, itemText, NOTE_TEXT_COLOR } from '@atelier/shared'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { BoardSessionModel } from '../board/BoardSession.js'
import { useSession } from '../board/context.js'
import { itemUtil } from '../items/registry.js'
import { NOTE_FONT_FAMILY, NOTE_RADIUS } from '../items/theme.js'
import { transformIndex } from '../lib/textDelta.js'
import { useItem, useView } from '../store/hooks.js'
import { LOCAL_ORIGIN } from '../store/origin.js'

/** Mounts the editor for the item being edited, if any. */
export function NoteEditor() {
  const session = useSession()
  const editingId = useView(session.view, (s) => s.editingId)
  if (!editingId) return null
  return <TextEditor key={editingId} id={editingId} />
}

/** The item's text, kept in step with other people typing in it, with our caret preserved. */
function useSharedText(
  session: BoardSessionModel,
  id: string,
  ref: React.RefObject<HTMLTextAreaElement | HTMLInputElement | null>,
) {
  const { board } = session
  const [value, setValue] = useState(() => board.getItem(id)?.text ?? '')
  const caret = useRef<{ start: number; end: number } | null>(null)

  useEffect(() => {
    const text: Y.Text | null = itemText(board.doc, id)
    if (!text) return
    const onChange = (event: Y.YTextEvent) => {
      if (event.transaction.origin === LOCAL_ORIGIN) return
      const area = ref.current
      if (area) {
        const delta = event.delta
        caret.current = {
          start: transformIndex(area.selectionStart ?? 0, delta),
          end: transformIndex(area.selectionEnd ?? 0, delta),
        }
      }
      setValue(text.toString())
    }
    text.observe(onChange)
    return () => text.unobserve(onChange)
  }, [board, id, ref])

  useLayoutEffect(() => {
    const area = ref.current
    if (area && caret.current) {
      area.setSelectionRange(caret.current.start, caret.current.end)
      caret.current = null
    }
  })

  useEffect(() => {
    const area = ref.current
    if (!area) return
    area.focus({ preventScroll: true })
    area.setSelectionRange(area.value.length, area.value.length)
  }, [ref])

  const onChange = (next: string) => {
    setValue(next)
    board.setText(id, next)
  }
  return [value, onChange] as const
}

/**
 * A plain textarea laid exactly over the item (same box, font and size as the canvas draws),
 * so typing feels native: IME, spellcheck, screen readers and mobile keyboards all just work.
 * A frame's title is edited in a one-line field over the title instead.
 */
function TextEditor({ id }: { id: string }) {
  const session = useSession()
  const { t } = useTranslation()
  const { board, view } = session
  const item = useItem(board, id)
  const camera = useView(view, (s) => s.camera)
  const area = useRef<HTMLTextAreaElement | HTMLInputElement>(null)
  const [value, setValue] = useSharedText(session, id, area)
  const close = () => {
    if (view.getState().editingId !== id) return
    view.set({ editingId: null })
    // Free text left empty is nothing at all: do not leave an invisible item behind.
    const current = board.getItem(id)
    if (!current || current.text?.trim()) return
    const editing = itemUtil(current.type).textEditing
    if (editing?.kind === 'box' && editing.removeWhenEmpty) board.deleteItems([id])
  }

  const editing = item && itemUtil(item.type).textEditing
  if (!item || !editing) return null
  const topLeft = boardToScreen(camera, item)
  if (editing.kind === 'title') {
    const size = 14
    return (
      <input
        ref={area as React.RefObject<HTMLInputElement>}
        className="frame-title-editor"
        data-testid="note-editor"
        aria-label={t(editing.labelKey)}
        value={value}
        style={{
          left: topLeft.x - 4,
          top: topLeft.y - size * 1.6 - 6,
          width: Math.max(160, item.w * camera.zoom),
          fontSize: size,
        }}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === 'Enter') {
            event.preventDefault()
            close()
          }
        }}
        onBlur={close}
      />
    )
  }
  const middle = editing.style.verticalAlign === 'middle'
  const { fontSize, padding, lineHeight } = editing.textBox({ ...item, text: value })

  return (
    <textarea
      ref={area as React.RefObject<HTMLTextAreaElement>}
      className={`note-editor note-editor-${item.type}`}
      data-testid="note-editor"
      aria-label={t(editing.labelKey)}
      value={value}
      spellCheck
      style={{
        left: topLeft.x,
        top: topLeft.y,
        width: item.w * camera.zoom,
        height: item.h * camera.zoom,
        padding: padding * camera.zoom,
        paddingTop: middle
          ? Math.max(padding, (item.h - fontSize * lineHeight) / 2) * camera.zoom
          : padding * camera.zoom,
        fontSize: fontSize * camera.zoom,
        lineHeight,
        fontFamily: NOTE_FONT_FAMILY,
        color: NOTE_TEXT_COLOR,
        textAlign: editing.style.align,
        background: editing.background?.(item) ?? 'transparent',
        borderRadius: NOTE_RADIUS * camera.zoom,
        transform: item.rotation ? `rotate(${item.rotation}deg)` : undefined,
      }}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          close()
        }
      }}
      onBlur={close}
    />
  )
}
