import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createRegistry } from '../commands/registry.js'
import type { CommandContext } from '../commands/types.js'
import { BoardStore } from '../store/BoardStore.js'
import { ViewStore } from '../store/ViewStore.js'
import { PointerController, type PointerInput } from './PointerController.js'
import { wheelCamera } from './wheel.js'

function setup(readOnly = false) {
  const board = new BoardStore(new Y.Doc())
  const view = new ViewStore({ camera: { x: 0, y: 0, zoom: 1 } })
  const ctx: CommandContext = { board, view, readOnly }
  const pointer = new PointerController(ctx, createRegistry())
  // Notes centred at (100,100) and (400,100): boxes 0..200 and 300..500.
  const a = board.createNote({ x: 100, y: 100 })
  const b = board.createNote({ x: 400, y: 100 })
  return { board, view, pointer, a, b }
}

const at = (x: number, y: number, extra: Partial<PointerInput> = {}): PointerInput => ({
  pointerId: 1,
  screen: { x, y },
  button: 0,
  shiftKey: false,
  ...extra,
})

describe('PointerController', () => {
  it('selects on click and narrows a multi-selection', () => {
    const { view, pointer, a, b } = setup()
    pointer.down(at(50, 50))
    expect(pointer.state).toBe('pointing')
    pointer.up(at(50, 50))
    expect(view.getState().selection).toEqual([a])
    pointer.down(at(350, 50, { shiftKey: true }))
    pointer.up(at(350, 50, { shiftKey: true }))
    expect(view.getState().selection).toEqual([a, b])
    pointer.down(at(350, 50, { shiftKey: true }))
    pointer.up(at(350, 50, { shiftKey: true }))
    expect(view.getState().selection).toEqual([a])
  })

  it('drags the selection with a preview, then commits one undoable move', () => {
    const { board, view, pointer, a, b } = setup()
    view.select([a, b])
    pointer.down(at(50, 50))
    pointer.move(at(52, 51))
    expect(pointer.state).toBe('pointing')
    pointer.move(at(80, 90))
    expect(pointer.state).toBe('dragging')
    expect(view.getState().drag).toMatchObject({ dx: 30, dy: 40 })
    expect(board.getItem(a)?.x).toBe(0)
    pointer.up(at(80, 90))
    expect(view.getState().drag).toBeNull()
    expect(board.getItem(a)).toMatchObject({ x: 30, y: 40 })
    expect(board.getItem(b)).toMatchObject({ x: 330, y: 40 })
    board.undo()
    expect(board.getItem(b)).toMatchObject({ x: 300, y: 0 })
  })

  it('drags in board units when zoomed', () => {
    const { board, view, pointer, a } = setup()
    view.setCamera({ x: 0, y: 0, zoom: 2 })
    pointer.down(at(20, 20))
    pointer.move(at(120, 20))
    pointer.up(at(120, 20))
    expect(board.getItem(a)?.x).toBe(50)
  })

  it('pans on empty space and clears the selection', () => {
    const { view, pointer, a } = setup()
    view.select([a])
    pointer.down(at(700, 700))
    expect(pointer.state).toBe('panning')
    expect(view.getState().selection).toEqual([])
    pointer.move(at(650, 600))
    pointer.up(at(650, 600))
    expect(view.getState().camera).toEqual({ x: 50, y: 100, zoom: 1 })
  })

  it('pans with the middle button and with space held, even over a note', () => {
    const { view, pointer, board, a } = setup()
    pointer.down(at(50, 50, { button: 1 }))
    expect(pointer.state).toBe('panning')
    pointer.up(at(50, 50, { button: 1 }))
    pointer.spaceHeld = true
    pointer.down(at(50, 50))
    pointer.move(at(60, 50))
    pointer.up(at(60, 50))
    expect(view.getState().camera.x).toBe(-10)
    expect(board.getItem(a)?.x).toBe(0)
  })

  it('places a note with the note tool and returns to select', () => {
    const { board, view, pointer } = setup()
    view.set({ tool: 'note' })
    pointer.down(at(700, 700))
    expect(board.getItemIds()).toHaveLength(3)
    expect(view.getState().tool).toBe('select')
    expect(view.getState().editingId).not.toBeNull()
  })

  it('lets observers select but never move', () => {
    const { board, view, pointer, a } = setup(true)
    pointer.down(at(50, 50))
    pointer.move(at(150, 150))
    pointer.up(at(150, 150))
    expect(view.getState().selection).toEqual([a])
    expect(board.getItem(a)?.x).toBe(0)
  })

  it('pinch-zooms with two touches around their midpoint', () => {
    const { view, pointer } = setup()
    pointer.down(at(600, 600, { pointerId: 1 }))
    pointer.down(at(800, 600, { pointerId: 2 }))
    expect(pointer.state).toBe('pinching')
    pointer.move(at(900, 600, { pointerId: 2 }))
    expect(view.getState().camera.zoom).toBeCloseTo(1.5)
    pointer.up(at(900, 600, { pointerId: 2 }))
    pointer.up(at(600, 600, { pointerId: 1 }))
    expect(pointer.state).toBe('idle')
  })

  it('cancel drops a drag preview without writing', () => {
    const { board, view, pointer, a } = setup()
    pointer.down(at(50, 50))
    pointer.move(at(150, 50))
    pointer.cancel()
    expect(view.getState().drag).toBeNull()
    expect(board.getItem(a)?.x).toBe(0)
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
