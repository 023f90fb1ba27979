import { Group, Path, Rect } from 'react-konva'

/** A small padlock drawn on locked items, so everyone sees why they cannot move them. */
export function LockBadge({ x, y, scale = 1 }: { x: number; y: number; scale?: number }) {
  return (
    <Group x={x} y={y} scaleX={scale} scaleY={scale} listening={false}>
      <Rect width={16} height={16} cornerRadius={4} fill="rgba(31,41,51,0.78)" perfectDrawEnabled={false} />
      <Path
        x={3}
        y={2}
        data="M3 6V4.5a2.5 2.5 0 0 1 5 0V6M2 6h7v6H2z"
        stroke="#ffffff"
        strokeWidth={1.4}
        lineJoin="round"
        perfectDrawEnabled={false}
      />
    </Group>
  )
}
