import type { AgendaStep, Role } from '@atelier/shared'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { TestEditor } from '../../test/TestEditor.js'
import { ViewStore } from '../store/ViewStore.js'
import { DEFAULT_TIMER_MIN, type FacilitationActions, facilitationCommands } from './commands.js'
import { FollowController } from './FollowController.js'
import { SessionStore } from './SessionStore.js'
import { nextStep, planStep } from './stepPlan.js'

const step = (id: string): AgendaStep => ({
  id,
  title: id,
  instructions: '',
  durationMinutes: 3,
  mode: 'open',
})

/**
 * A FacilitationModel over a bare Y.Doc: the real session store and follow controller, and the
 * model's actions rebuilt from the same helpers, without the rooms and window listeners.
 */
function setup(role: Role = 'facilitator') {
  let now = 100_000
  let muted = false
  const session = new SessionStore(new Y.Doc(), () => now)
  const view = new ViewStore({ viewport: { width: 1000, height: 500 }, camera: { x: 0, y: 0, zoom: 1 } })
  const follow = new FollowController(
    view,
    () => 'me',
    () => true,
    () => 0,
    () => undefined,
  )
  const model: FacilitationActions = {
    role,
    isFacilitator: role === 'facilitator',
    session,
    clock: { now: () => now },
    follow,
    goToNextStep() {
      const { agenda, state } = session.getSnapshot()
      const next = nextStep(agenda, state.stepId)
      if (!next) return
      session.applyStep(
        planStep(next, { now, current: state, openRoundId: null, frames: new Map(), newRoundId: 'r' }),
      )
    },
    toggleFollowMe() {
      const following = session.getSnapshot().state.followPersonId === 'me'
      session.setState({ followPersonId: following ? null : 'me' })
    },
    bringEveryoneHere: vi.fn(),
    toggleHand: vi.fn(),
    goToStep: vi.fn(),
    react: vi.fn(),
    chime: { isMuted: () => muted, setMuted: (value: boolean) => (muted = value) },
  }
  const editor = new TestEditor({ facilitator: role === 'facilitator', readOnly: role === 'observer' })
  const { registry, ctx } = editor
  registry.register(facilitationCommands(model))
  const enabled = (id: string) => registry.isEnabled(id, ctx)
  const run = (id: string) => registry.run(id, ctx)
  return { model, session, view, follow, registry, enabled, run, tick: (ms: number) => (now += ms) }
}

const FACILITATOR_ONLY = [
  'timer.toggle',
  'agenda.next',
  'follow.me',
  'follow.bringHere',
  'private.toggle',
  'anonymous.toggle',
]

describe('facilitation commands', () => {
  it('fit the registry: labels in the facilitation namespace, no shortcut taken twice', () => {
    const { registry, model } = setup()
    const seen = new Map<string, string>()
    for (const command of registry.list()) {
      for (const s of command.shortcuts ?? []) {
        const id = JSON.stringify([s.key?.toLowerCase(), s.code, !!s.mod, s.shift, !!s.alt])
        expect(seen.get(id), `${command.id} and ${seen.get(id)}`).toBeUndefined()
        seen.set(id, command.id)
      }
    }
    for (const command of facilitationCommands(model))
      expect(command.labelKey).toMatch(/^facilitation\.commands\./)
    expect(
      registry.forKey({
        key: 't',
        code: 'KeyT',
        altKey: true,
        ctrlKey: false,
        metaKey: false,
        shiftKey: false,
      })?.id,
    ).toBe('timer.toggle')
  })

  it('starts the timer, pauses it, resumes it, and restarts it once run out', () => {
    const { run, enabled, session, tick } = setup()
    expect(enabled('timer.addMinute')).toBe(false)
    expect(run('timer.toggle')).toBe(true)
    expect(session.getSnapshot().timer).toMatchObject({
      status: 'running',
      durationMs: DEFAULT_TIMER_MIN * 60_000,
    })
    tick(60_000)
    run('timer.toggle')
    expect(session.getSnapshot().timer).toMatchObject({ status: 'paused', remainingMs: 240_000 })
    expect(enabled('timer.addMinute')).toBe(true)
    run('timer.addMinute')
    expect(session.getSnapshot().timer.remainingMs).toBe(300_000)
    run('timer.toggle')
    expect(session.getSnapshot().timer.status).toBe('running')
    tick(400_000)
    run('timer.toggle')
    expect(session.getSnapshot().timer).toMatchObject({ status: 'running', remainingMs: 300_000 })
  })

  it('goes to the next agenda step, only while there is one', () => {
    const { run, enabled, session } = setup()
    expect(enabled('agenda.next')).toBe(false)
    session.setAgenda([step('a'), step('b')])
    expect(enabled('agenda.next')).toBe(true)
    run('agenda.next')
    expect(session.getSnapshot().state.stepId).toBe('a')
    run('agenda.next')
    expect(session.getSnapshot().state.stepId).toBe('b')
    expect(enabled('agenda.next')).toBe(false)
    expect(run('agenda.next')).toBe(false)
  })

  it('toggles follow-me, private writing (revealing when it ends) and anonymity; brings everyone here', () => {
    const { run, session, model } = setup()
    run('follow.me')
    expect(session.getSnapshot().state.followPersonId).toBe('me')
    run('follow.me')
    expect(session.getSnapshot().state.followPersonId).toBeNull()
    run('private.toggle')
    expect(session.getSnapshot().state.writingMode).toBe('private')
    run('private.toggle')
    expect(session.getSnapshot().state.writingMode).toBe('revealed')
    run('anonymous.toggle')
    expect(session.getSnapshot().state.anonymous).toBe(true)
    run('anonymous.toggle')
    expect(session.getSnapshot().state.anonymous).toBe(false)
    run('follow.bringHere')
    expect(model.bringEveryoneHere).toHaveBeenCalledTimes(1)
  })

  it('gives participants only the hand and rejoin, observers only rejoin', () => {
    const participant = setup('participant')
    participant.session.setAgenda([step('a')])
    for (const id of FACILITATOR_ONLY) expect(participant.enabled(id), id).toBe(false)
    expect(participant.run('hand.toggle')).toBe(true)
    expect(participant.model.toggleHand).toHaveBeenCalledTimes(1)

    const observer = setup('observer')
    for (const id of [...FACILITATOR_ONLY, 'hand.toggle']) expect(observer.enabled(id), id).toBe(false)
  })

  it('offers rejoin only to someone who left the leader', () => {
    const { run, enabled, follow, view } = setup('participant')
    expect(enabled('follow.rejoin')).toBe(false)
    follow.setLeader('lead', { x: 500, y: 500, w: 2000, h: 1000 })
    expect(enabled('follow.rejoin')).toBe(false)
    view.setCamera({ x: 0, y: 0, zoom: 1 })
    expect(enabled('follow.rejoin')).toBe(true)
    run('follow.rejoin')
    expect(follow.getSnapshot().status).toBe('following')
    expect(enabled('follow.rejoin')).toBe(false)
  })
})
