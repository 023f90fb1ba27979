import { memo } from 'react'
import { itemUtil } from '../items/registry.js'
import type { BoardStore } from '../store/BoardStore.js'
import { useItem, useView } from '../store/hooks.js'
import { livePosition } from '../store/livePosition.js'
import type { ViewStore } from '../store/ViewStore.js'

interface Props {
  id: string
  board: BoardStore
  view: ViewStore
  imageUrl?: ((src: string) => string) | undefined
}

/**
 * One board item, drawn by its type's view. Subscribes to its own item and to its own slice of
 * the drag/resize preview only, so other items changing never re-render it.
 */
export const ItemView = memo(function ItemView({ id, board, view, imageUrl }: Props) {
  const stored = useItem(board, id)
  const drag = useView(view, (s) => (s.drag?.ids.has(id) ? s.drag : null))
  const patch = useView(view, (s) => s.preview?.get(id))
  const editing = useView(view, (s) => s.editingId === id)
  if (!stored) return null
  const item = livePosition(stored, drag, patch ? new Map([[id, patch]]) : null)
  const { View } = itemUtil(item.type)
  return (
    <View
      item={item}
      board={board}
      view={view}
      editing={editing}
      lifted={drag !== null}
      imageUrl={imageUrl}
    />
  )
})
