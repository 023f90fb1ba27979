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
    follow.flyTo({ x: 0, y: 0, w: 856, h: 356 })
    expect(view.getState().camera).toEqual({ x: 0, y: 0, zoom: 1 })
    frames.shift()?.(0)
    frames.shift()?.(1000)
    expect(frames).toHaveLength(0)
    expect(view.getState().camera).toEqual({ x: -72, y: -72, zoom: 1 })
  })
})
