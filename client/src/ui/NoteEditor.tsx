import { boardToScreen, fitFontSize, itemText, NOTE_TEXT_COLOR } from '@atelier/shared'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { NOTE_FONT_FAMILY, NOTE_LINE_HEIGHT, NOTE_PADDING, NOTE_RADIUS } from '../canvas/theme.js'
import { transformIndex } from '../lib/textDelta.js'
import { useItem, useView } from '../store/hooks.js'
import { LOCAL_ORIGIN } from '../store/origin.js'
import type { BoardSessionModel } from './session.js'

/** Mounts the editor for the note being edited, if any. */
export function NoteEditor({ session }: { session: BoardSessionModel }) {
  const editingId = useView(session.view, (s) => s.editingId)
  if (!editingId) return null
  return <NoteTextarea key={editingId} id={editingId} session={session} />
}

/**
 * A plain textarea laid exactly over the note (same box, font and size as the canvas draws),
 * so typing feels native: IME, spellcheck, screen readers and mobile keyboards all just work.
 */
function NoteTextarea({ id, session }: { id: string; session: BoardSessionModel }) {
  const { t } = useTranslation()
  const { board, view } = session
  const item = useItem(board, id)
  const camera = useView(view, (s) => s.camera)
  const ref = useRef<HTMLTextAreaElement>(null)
  const [value, setValue] = useState(() => item?.text ?? '')
  const caret = useRef<{ start: number; end: number } | null>(null)

  // Someone else typing in this note: take their text and keep our caret where it was.
  useEffect(() => {
    const text: Y.Text | null = itemText(board.doc, id)
    if (!text) return
    const onChange = (event: Y.YTextEvent) => {
      if (event.transaction.origin === LOCAL_ORIGIN) return
      const area = ref.current
      if (area) {
        const delta = event.delta
        caret.current = {
          start: transformIndex(area.selectionStart, delta),
          end: transformIndex(area.selectionEnd, delta),
        }
      }
      setValue(text.toString())
    }
    text.observe(onChange)
    return () => text.unobserve(onChange)
  }, [board, id])

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
  }, [])

  if (!item) return null
  const topLeft = boardToScreen(camera, item)
  const fontSize = fitFontSize(value, item.w, item.h, { padding: NOTE_PADDING, lineHeight: NOTE_LINE_HEIGHT })
  return (
    <textarea
      ref={ref}
      className="note-editor"
      data-testid="note-editor"
      aria-label={t('editor.label')}
      value={value}
      spellCheck
      style={{
        left: topLeft.x,
        top: topLeft.y,
        width: item.w * camera.zoom,
        height: item.h * camera.zoom,
        padding: NOTE_PADDING * camera.zoom,
        fontSize: fontSize * camera.zoom,
        lineHeight: NOTE_LINE_HEIGHT,
        fontFamily: NOTE_FONT_FAMILY,
        color: NOTE_TEXT_COLOR,
        background: item.color,
        borderRadius: NOTE_RADIUS * camera.zoom,
      }}
      onChange={(event) => {
        setValue(event.target.value)
        board.setText(id, event.target.value)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          view.set({ editingId: null })
        }
      }}
      onBlur={() => {
        if (view.getState().editingId === id) view.set({ editingId: null })
      }}
    />
  )
}
