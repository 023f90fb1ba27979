import { describe, expect, it } from 'vitest'
import { ViewStore } from '../store/ViewStore.js'
import { FollowController } from './FollowController.js'

function setup(reduced = true) {
  const view = new ViewStore({ viewport: { width: 1000, height: 500 }, camera: { x: 0, y: 0, zoom: 1 } })
  const frames: ((t: number) => void)[] = []
  const follow = new FollowController(
    view,
    () => 'me',
    () => reduced,
    (fn) => frames.push(fn),
    () => undefined,
  )
  return { view, follow, frames }
}

describe('FollowController', () => {
  const rect = { x: 500, y: 500, w: 2000, h: 1000 }

  it('follows the leader until the person moves, then rejoins', () => {
    const { view, follow } = setup()
    follow.setLeader('leader', rect)
    expect(follow.getSnapshot()).toEqual({ status: 'following', leaderId: 'leader' })
    expect(view.getState().camera).toEqual({ x: 500, y: 500, zoom: 0.5 })

    view.setCamera({ x: 0, y: 0, zoom: 1 })
    expect(follow.getSnapshot().status).toBe('detached')
    follow.setLeader('leader', { ...rect, x: 0 })
    expect(view.getState().camera).toEqual({ x: 0, y: 0, zoom: 1 })

    follow.rejoin()
    expect(follow.getSnapshot().status).toBe('following')
    expect(view.getState().camera).toEqual({ x: 0, y: 500, zoom: 0.5 })
  })

  it('does not follow oneself and stops when the leader is cleared', () => {
    const { view, follow } = setup()
    follow.setLeader('me', rect)
    expect(follow.getSnapshot().status).toBe('none')
    expect(view.getState().camera).toEqual({ x: 0, y: 0, zoom: 1 })
    follow.setLeader('leader', rect)
    follow.setLeader(null, null)
    expect(follow.getSnapshot().status).toBe('none')
  })

  it('flies to a summoned frame over a few frames unless motion is reduced', () => {
    const { view, follow, frames } = setup(false)
    // Exactly the part of the 1000 × 500 screen the bars leave clear (72 at the sides, 232 above, 96 below).
    follow.flyTo({ x: 0, y: 0, w: 856, h: 172 })
    expect(view.getState().camera).toEqual({ x: 0, y: 0, zoom: 1 })
    frames.shift()?.(0)
    frames.shift()?.(1000)
    expect(frames).toHaveLength(0)
    expect(view.getState().camera).toEqual({ x: -72, y: -232, zoom: 1 })
  })

  it('keeps a summoned frame clear of the bars on a phone too, with narrow sides', () => {
    const { view, follow } = setup(true)
    view.set({ viewport: { width: 412, height: 860 } })
    follow.flyTo({ x: 0, y: 0, w: 380, h: 380 })
    const { camera } = view.getState()
    expect(camera.zoom).toBe(1)
    expect(camera.x).toBe(-16)
    // Centred in the 532 pixels between the bars: 76 above and below the frame.
    expect(camera.y).toBe(-(232 + 76))
  })

  it('shows a frame too wide for a phone at a readable zoom, from its top-left, below the bars', () => {
    const { view, follow } = setup(true)
    view.set({ viewport: { width: 412, height: 860 } })
    // A SWOT quadrant: whole, it would be drawn at a third of its size, its text unreadable.
    follow.flyTo({ x: 1000, y: 500, w: 1000, h: 700 })
    expect(view.getState().camera).toEqual({ x: 1000 - 16 / 0.6, y: 500 - 232 / 0.6, zoom: 0.6 })
  })

  it('keeps a summoned frame clear of the right-hand panel on a wide screen', () => {
    const { view, follow } = setup(true)
    view.set({ viewport: { width: 1280, height: 800 } })
    follow.flyTo({ x: 0, y: 0, w: 864, h: 472 })
    expect(view.getState().camera).toEqual({ x: -72, y: -232, zoom: 1 })
  })
})
