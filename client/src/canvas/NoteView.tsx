import { fitFontSize, NOTE_TEXT_COLOR } from '@atelier/shared'
import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { BoardStore } from '../store/BoardStore.js'
import { useItem, useView } from '../store/hooks.js'
import type { ViewStore } from '../store/ViewStore.js'
import { NOTE_FONT_FAMILY, NOTE_LINE_HEIGHT, NOTE_PADDING, NOTE_RADIUS } from './theme.js'

interface Props {
  id: string
  board: BoardStore
  view: ViewStore
}

/** One sticky note. Subscribes to its own item only, so other notes changing never re-render it. */
export const NoteView = memo(function NoteView({ id, board, view }: Props) {
  const item = useItem(board, id)
  const drag = useView(view, (s) => (s.drag?.ids.has(id) ? s.drag : null))
  const editing = useView(view, (s) => s.editingId === id)
  if (!item) return null
  const text = item.text ?? ''
  const fontSize = fitFontSize(text, item.w, item.h, { padding: NOTE_PADDING, lineHeight: NOTE_LINE_HEIGHT })
  return (
    <Group
      id={`note-${id}`}
      x={item.x + (drag?.dx ?? 0)}
      y={item.y + (drag?.dy ?? 0)}
      width={item.w}
      height={item.h}
      listening={false}
    >
      <Rect
        width={item.w}
        height={item.h}
        fill={item.color ?? '#fff3a3'}
        cornerRadius={NOTE_RADIUS}
        shadowColor="#1f2933"
        shadowOpacity={drag ? 0.28 : 0.16}
        shadowBlur={drag ? 18 : 6}
        shadowOffsetY={drag ? 8 : 2}
        perfectDrawEnabled={false}
      />
      {!editing && (
        <Text
          text={text}
          width={item.w}
          height={item.h}
          padding={NOTE_PADDING}
          fontSize={fontSize}
          lineHeight={NOTE_LINE_HEIGHT}
          fontFamily={NOTE_FONT_FAMILY}
          fill={NOTE_TEXT_COLOR}
          wrap="word"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
})
