import {
  boardToScreen,
  type Camera,
  HANDLES,
  type Handle,
  handlePoint,
  type Point,
  type Rect,
} from '@atelier/shared'

/** Screen size of a resize handle's hit area, and the gap of the rotation handle above the box. */
export const HANDLE_HIT_PX = 12
export const ROTATE_OFFSET_PX = 28

/** The rotation handle's board point: centred above the selection, a fixed screen gap away. */
export function rotateHandlePoint(bounds: Rect, zoom: number): Point {
  return { x: bounds.x + bounds.w / 2, y: bounds.y - ROTATE_OFFSET_PX / zoom }
}

/** Which handle of the selection box is under a screen point, if any. */
export function hitHandle(
  bounds: Rect,
  camera: Camera,
  screen: Point,
  rotatable: boolean,
): Handle | 'rotate' | null {
  const near = (p: Point) => {
    const s = boardToScreen(camera, p)
    return (
      Math.abs(s.x - screen.x) <= HANDLE_HIT_PX / 2 + 2 && Math.abs(s.y - screen.y) <= HANDLE_HIT_PX / 2 + 2
    )
  }
  if (rotatable && near(rotateHandlePoint(bounds, camera.zoom))) return 'rotate'
  // Corners first: where corners and edge midpoints are close (small boxes), corners win.
  for (const handle of [...HANDLES].sort((a, b) => b.length - a.length)) {
    if (near(handlePoint(bounds, handle))) return handle
  }
  return null
}
