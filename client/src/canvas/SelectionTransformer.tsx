import type Konva from 'konva'
import { type RefObject, useEffect, useRef } from 'react'
import { Transformer } from 'react-konva'
import type { BoardStore } from '../store/BoardStore.js'
import { useView } from '../store/hooks.js'
import type { ViewStore } from '../store/ViewStore.js'
import { MIN_NOTE_SIZE, SELECTION_COLOR } from './theme.js'

interface Props {
  board: BoardStore
  view: ViewStore
  layer: RefObject<Konva.Layer | null>
  visible: readonly string[]
  readOnly: boolean
}

/** Selection outline, plus resize handles for people who may edit. */
export function SelectionTransformer({ board, view, layer, visible, readOnly }: Props) {
  const ref = useRef<Konva.Transformer>(null)
  const selection = useView(view, (s) => s.selection)
  const dragging = useView(view, (s) => s.drag !== null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `visible` changes when culled notes mount, and their nodes must be re-attached.
  useEffect(() => {
    const transformer = ref.current
    const target = layer.current
    if (!transformer || !target) return
    const nodes = selection
      .map((id) => target.findOne(`#note-${id}`))
      .filter((node): node is Konva.Node => node !== undefined)
    transformer.nodes(nodes)
    transformer.getLayer()?.batchDraw()
  }, [selection, visible, layer])

  const onTransformEnd = () => {
    const transformer = ref.current
    if (!transformer) return
    for (const node of transformer.nodes()) {
      const id = node.id().replace(/^note-/, '')
      const item = board.getItem(id)
      if (!item) continue
      const w = Math.max(MIN_NOTE_SIZE, item.w * node.scaleX())
      const h = Math.max(MIN_NOTE_SIZE, item.h * node.scaleY())
      node.scale({ x: 1, y: 1 })
      board.resizeItem(id, { x: node.x(), y: node.y(), w, h })
    }
  }

  return (
    <Transformer
      ref={ref}
      visible={!dragging}
      rotateEnabled={false}
      flipEnabled={false}
      resizeEnabled={!readOnly}
      enabledAnchors={['top-left', 'top-right', 'bottom-left', 'bottom-right']}
      anchorSize={10}
      anchorCornerRadius={5}
      anchorStroke={SELECTION_COLOR}
      anchorFill="#ffffff"
      borderStroke={SELECTION_COLOR}
      borderStrokeWidth={2}
      padding={3}
      ignoreStroke
      boundBoxFunc={(oldBox, newBox) =>
        Math.abs(newBox.width) < MIN_NOTE_SIZE * 0.5 || Math.abs(newBox.height) < MIN_NOTE_SIZE * 0.5
          ? oldBox
          : newBox
      }
      onTransformEnd={onTransformEnd}
    />
  )
}
