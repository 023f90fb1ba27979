import { describe, expect, it } from 'vitest'
import { TestEditor } from '../../test/TestEditor.js'
import { PointerController, type PointerInput } from './PointerController.js'
import { wheelCamera } from './wheel.js'

/** Two notes: boxes 0..200 and 300..500 on y 0..200. */
function setup(perms: { readOnly?: boolean; facilitator?: boolean } = {}) {
  const editor = new TestEditor(perms)
  const [a, b] = editor.create({ type: 'note', x: 0, y: 0 }, { type: 'note', x: 300, y: 0 }) as [
    string,
    string,
  ]
  return { editor, a, b }
}

const at = (x: number, y: number, extra: Partial<PointerInput> = {}): PointerInput => ({
  pointerId: 1,
  screen: { x, y },
  button: 0,
  shiftKey: false,
  ...extra,
})

describe('select tool', () => {
  it('selects on click and narrows a multi-selection', () => {
    const { editor, a, b } = setup()
    editor.pointerDown(50, 50).expectToBeIn('pointing').pointerUp(50, 50)
    expect(editor.selection()).toEqual([a])
    editor.withShift().click(350, 50)
    expect(editor.selection()).toEqual([a, b])
    editor.click(350, 50)
    expect(editor.selection()).toEqual([a])
  })

  it('drags the selection with a preview, then commits one undoable move', () => {
    const { editor, a, b } = setup()
    editor.view.select([a, b])
    editor.pointerDown(50, 50).pointerMove(52, 51).expectToBeIn('pointing')
    editor.pointerMove(80, 90).expectToBeIn('dragging')
    expect(editor.view.getState().drag).toMatchObject({ dx: 30, dy: 40 })
    expect(editor.item(a)?.x).toBe(0)
    editor.pointerUp(80, 90)
    expect(editor.view.getState().drag).toBeNull()
    expect(editor.item(a)).toMatchObject({ x: 30, y: 40 })
    expect(editor.item(b)).toMatchObject({ x: 330, y: 40 })
    editor.board.undo()
    expect(editor.item(b)).toMatchObject({ x: 300, y: 0 })
  })

  it('drags in board units when zoomed', () => {
    const { editor, a } = setup()
    editor.view.setCamera({ x: 0, y: 0, zoom: 2 })
    editor.drag([20, 20], [120, 20])
    expect(editor.item(a)?.x).toBe(50)
  })

  it('snaps to the edges of other items and shows the guide while dragging', () => {
    const { editor, a } = setup()
    // Dragged 97 to the right, a's right edge (297) is 3 units from b's left edge (300): it snaps there.
    editor.pointerDown(50, 50).pointerMove(100, 50).pointerMove(147, 50)
    expect(editor.view.getState().guides[0]).toMatchObject({ axis: 'x', at: 300 })
    editor.pointerUp(147, 50)
    expect(editor.item(a)?.x).toBe(100)
    expect(editor.view.getState().guides).toEqual([])
  })

  it('selects with a marquee on empty space, adding with Shift', () => {
    const { editor, a, b } = setup()
    editor.pointerDown(-50, -50).expectToBeIn('brushing').pointerMove(100, 100)
    expect(editor.view.getState().marquee).toEqual({ x: -50, y: -50, w: 150, h: 150 })
    expect(editor.selection()).toEqual([a])
    editor.pointerUp(100, 100)
    expect(editor.view.getState().marquee).toBeNull()
    editor.withShift().drag([600, 250], [450, 150])
    expect(editor.selection()).toEqual([a, b])
  })

  it('pans on touch drags over empty space, with the middle button and with space held', () => {
    const { editor, a } = setup()
    editor.view.select([a])
    editor.touch().pointerDown(700, 700).expectToBeIn('panning').pointerMove(650, 600).pointerUp(650, 600)
    expect(editor.selection()).toEqual([])
    expect(editor.view.getState().camera).toEqual({ x: 50, y: 100, zoom: 1 })
    const mouse = setup().editor
    mouse.pointerDown(50, 50, 1).expectToBeIn('panning').pointerUp(50, 50)
    mouse.pointer.spaceHeld = true
    mouse.drag([50, 50], [60, 50])
    expect(mouse.view.getState().camera.x).toBe(-10)
  })

  it('pans with the hand tool, even over a note', () => {
    const { editor, a } = setup()
    editor.setTool('hand').drag([50, 50], [80, 50])
    expect(editor.view.getState().camera.x).toBe(-30)
    expect(editor.item(a)?.x).toBe(0)
  })

  it('resizes from a corner handle and keeps the ratio with Shift', () => {
    const { editor, a } = setup()
    editor.view.select([a])
    editor.pointerDown(200, 200).expectToBeIn('resizing').pointerMove(300, 250)
    expect(editor.view.getState().preview?.get(a)).toMatchObject({ w: 300, h: 250 })
    editor.pointerUp(300, 250)
    expect(editor.item(a)).toMatchObject({ x: 0, y: 0, w: 300, h: 250 })
    editor.withShift().drag([300, 250], [600, 300])
    expect(editor.item(a)).toMatchObject({ w: 600, h: 500 })
  })

  it('rotates with the handle above the selection, by 15° steps with Shift', () => {
    const { editor, a } = setup()
    editor.view.select([a])
    // Rotation handle: 28 px above the top centre (100, 0).
    editor
      .withShift()
      .pointerDown(100, -28)
      .expectToBeIn('rotating')
      .pointerMove(400, 100)
      .pointerUp(400, 100)
    expect(editor.item(a)?.rotation).toBe(90)
  })

  it('moves the items a frame carries, and not what lies outside it', () => {
    const editor = new TestEditor()
    const [frame, inside, outside] = editor.create(
      { type: 'frame', x: 0, y: 0, w: 600, h: 400, text: 'Idées' },
      { type: 'note', x: 50, y: 50 },
      { type: 'note', x: 700, y: 50 },
    ) as [string, string, string]
    // A frame is grabbed by its title, above its top edge.
    editor.drag([30, -10], [130, 90])
    expect(editor.selection()).toEqual([frame])
    expect(editor.item(frame)).toMatchObject({ x: 100, y: 100 })
    expect(editor.item(inside)).toMatchObject({ x: 150, y: 150 })
    expect(editor.item(outside)).toMatchObject({ x: 700, y: 50 })
    // Inside the frame, a drag from empty space is a marquee, not a frame move.
    editor.pointerDown(550, 450).expectToBeIn('brushing').pointerUp(550, 450)
  })

  it('takes the whole group on click', () => {
    const editor = new TestEditor()
    const [a, b] = editor.create(
      { type: 'note', x: 0, y: 0, groupId: 'g' },
      { type: 'note', x: 300, y: 0, groupId: 'g' },
    ) as [string, string]
    editor.click(50, 50)
    expect(editor.selection()).toEqual([a, b])
  })

  it('never offers to move a locked item to a participant, but does to a facilitator', () => {
    const participant = new TestEditor()
    const [locked] = participant.create({ type: 'note', x: 0, y: 0, locked: true }) as [string]
    participant.drag([50, 50], [150, 150])
    expect(participant.selection()).toEqual([locked])
    expect(participant.item(locked)?.x).toBe(0)
    const facilitator = new TestEditor({ facilitator: true })
    const [mine] = facilitator.create({ type: 'note', x: 0, y: 0, locked: true }) as [string]
    facilitator.drag([50, 50], [150, 150])
    expect(facilitator.item(mine)?.x).toBe(100)
  })

  it('lets observers select but never move or draw', () => {
    const { editor, a } = setup({ readOnly: true })
    editor.drag([50, 50], [150, 150])
    expect(editor.selection()).toEqual([a])
    expect(editor.item(a)?.x).toBe(0)
    editor.setTool('pen').drag([600, 600], [700, 700])
    expect(editor.board.getItemIds()).toHaveLength(2)
  })

  it('pinch-zooms with two touches around their midpoint', () => {
    const { editor } = setup()
    const pointer = editor.pointer
    pointer.down(at(600, 600, { pointerId: 1 }))
    pointer.down(at(800, 600, { pointerId: 2 }))
    expect(pointer.state).toBe('pinching')
    pointer.move(at(900, 600, { pointerId: 2 }))
    expect(editor.view.getState().camera.zoom).toBeCloseTo(1.5)
    pointer.up(at(900, 600, { pointerId: 2 }))
    pointer.up(at(600, 600, { pointerId: 1 }))
    expect(pointer.state).toBe('idle')
  })

  it('cancel drops a drag preview without writing', () => {
    const { editor, a } = setup()
    editor.pointerDown(50, 50).pointerMove(150, 50)
    editor.pointer.cancel()
    expect(editor.view.getState().drag).toBeNull()
    expect(editor.item(a)?.x).toBe(0)
    expect(editor.pointer).toBeInstanceOf(PointerController)
  })
})

describe('creation tools', () => {
  it('places a note with the note tool and returns to select', () => {
    const { editor } = setup()
    editor.setTool('note').pointerDown(700, 700)
    expect(editor.board.getItemIds()).toHaveLength(3)
    expect(editor.view.getState().tool).toBe('select')
    expect(editor.view.getState().editingId).not.toBeNull()
  })

  it('draws shapes by dragging, squares with Shift, and a default size on click', () => {
    const editor = new TestEditor()
    editor.setTool('ellipse').pointerDown(100, 100).expectToBeIn('drawing').pointerMove(250, 180)
    expect(editor.view.getState().draft).toMatchObject({ type: 'shape', shape: 'ellipse', w: 150, h: 80 })
    editor.pointerUp(250, 180)
    const [shape] = editor.selection()
    expect(editor.item(shape as string)).toMatchObject({
      type: 'shape',
      shape: 'ellipse',
      x: 100,
      y: 100,
      w: 150,
      h: 80,
    })
    expect(editor.view.getState()).toMatchObject({ tool: 'select', editingId: shape, draft: null })
    editor.setTool('diamond').withShift().drag([0, 0], [100, 50])
    expect(editor.item(editor.selection()[0] as string)).toMatchObject({ shape: 'diamond', w: 100, h: 100 })
    editor.withShift(false).setTool('frame').click(500, 500)
    expect(editor.item(editor.selection()[0] as string)).toMatchObject({
      type: 'frame',
      text: 'Section 1',
      w: 960,
    })
  })

  it('connects two items with the arrow tool, and not an item to nothing', () => {
    const { editor, a, b } = setup()
    editor.setTool('connector').pointerDown(100, 100).expectToBeIn('connecting').pointerMove(250, 100)
    expect(editor.view.getState().draft?.type).toBe('connector')
    editor.pointerUp(400, 100)
    const [arrow] = editor.selection()
    expect(editor.item(arrow as string)).toMatchObject({ type: 'connector', from: a, to: b })
    editor.setTool('connector').drag([100, 100], [800, 700])
    expect(editor.board.getItemIds()).toHaveLength(3)
  })

  it('draws a pen stroke and a highlighter stroke as one item each', () => {
    const editor = new TestEditor()
    editor.setTool('pen').drag([10, 10], [110, 60])
    const [stroke] = editor.board.getItemIds()
    expect(editor.item(stroke as string)).toMatchObject({
      type: 'stroke',
      x: 10,
      y: 10,
      w: 100,
      h: 50,
      strokeWidth: 3,
    })
    expect(editor.item(stroke as string)?.points?.slice(0, 2)).toEqual([0, 0])
    editor.setTool('highlighter').drag([0, 300], [200, 300])
    const last = editor.board.getItemIds().at(-1) as string
    expect(editor.item(last)?.strokeWidth).toBe(18)
    editor.board.undo()
    expect(editor.board.getItemIds()).toHaveLength(1)
  })

  it('creates free text and opens its editor', () => {
    const editor = new TestEditor()
    editor.setTool('text').click(100, 100)
    const [text] = editor.selection()
    expect(editor.item(text as string)?.type).toBe('text')
    expect(editor.view.getState().editingId).toBe(text)
  })
})

describe('wheelCamera', () => {
  const camera = { x: 0, y: 0, zoom: 1 }
  const wheel = { deltaX: 0, deltaY: 0, deltaMode: 0, ctrlKey: false, metaKey: false }
  it('pans on two-finger scroll', () => {
    expect(wheelCamera(camera, { ...wheel, deltaX: 10, deltaY: 20 }, { x: 0, y: 0 }, 800)).toEqual({
      x: 10,
      y: 20,
      zoom: 1,
    })
  })
  it('zooms at the pointer with ctrl (pinch) and keeps that point fixed', () => {
    const next = wheelCamera(camera, { ...wheel, deltaY: -50, ctrlKey: true }, { x: 100, y: 100 }, 800)
    expect(next.zoom).toBeGreaterThan(1)
    expect(100 / next.zoom + next.x).toBeCloseTo(100)
  })
  it('converts line-mode deltas to pixels', () => {
    expect(wheelCamera(camera, { ...wheel, deltaY: 3, deltaMode: 1 }, { x: 0, y: 0 }, 800).y).toBe(48)
  })
})
