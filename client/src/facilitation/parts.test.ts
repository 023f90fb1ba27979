import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { TestEditor } from '../../test/TestEditor.js'
import { FollowSync } from './FollowSync.js'
import { viewOf } from './follow.js'
import { PresenceSignals } from './PresenceSignals.js'
import { PrivateWriting } from './PrivateWriting.js'
import { SessionStore } from './SessionStore.js'

/** An awareness with only this person's state, as y-protocols keeps it. */
function fakeAwareness(joined = true) {
  let local: Record<string, unknown> | null = joined
    ? { user: { id: 'me', name: 'Me', color: '#000' } }
    : null
  const listeners = new Set<() => void>()
  return {
    getLocalState: () => local,
    setLocalStateField(field: string, value: unknown) {
      local = { ...local, [field]: value }
      for (const listener of [...listeners]) listener()
    },
    on: (_event: 'change', fn: () => void) => listeners.add(fn),
    off: (_event: 'change', fn: () => void) => listeners.delete(fn),
  }
}

describe('private writing', () => {
  const PERSON = 'PERSONabcdefghijklmnop'

  function setup(credential: string | null = `${PERSON}.sig`) {
    const editor = new TestEditor()
    const rooms: { name: string; params: Record<string, string>; destroy: () => void }[] = []
    const writing = new PrivateWriting({
      boardId: 'b',
      token: 't',
      role: 'participant',
      identity: { personId: PERSON, credential },
      view: editor.view,
      openRoom: (name, params) => {
        const room = { name, params, doc: new Y.Doc(), destroy: vi.fn() }
        rooms.push(room)
        return room
      },
    })
    editor.registry.register([writing.compose])
    return { editor, writing, rooms }
  }

  it('takes "add a note" (key, double-click, note tool) to the composer while it is on', () => {
    const { editor, writing, rooms } = setup()
    writing.setOn(true)
    expect(rooms.map((room) => room.params)).toEqual([{ token: 't', person: `${PERSON}.sig` }])

    editor.registry.run('createNote', editor.ctx, { at: { x: 40, y: 50 } })
    expect(editor.board.getItems().size).toBe(0)
    expect(writing.getSnapshot().compose).toEqual({ at: { x: 40, y: 50 }, nonce: 1 })

    editor.setTool('note').click(300, 200)
    expect(editor.board.getItems().size).toBe(0)
    expect(writing.getSnapshot().compose).toEqual({ at: { x: 300, y: 200 }, nonce: 2 })
    expect(editor.view.getState().tool).toBe('select')

    const key = { key: 'n', code: 'KeyN', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }
    expect(editor.registry.handleKey(key, editor.ctx)).toBe(true)
    expect(writing.getSnapshot().compose).toEqual({ at: null, nonce: 3 })

    writing.add('  my idea  ')
    const notes = writing.getSnapshot().notes?.getNotes() ?? []
    expect(notes.map((note) => [note.text, note.author])).toEqual([['my idea', PERSON]])
    expect(editor.board.getItems().size).toBe(0)
  })

  it('puts a private note where the person double-clicked, else at the spot of the frame they chose', () => {
    const { editor, writing } = setup()
    writing.setOn(true)
    const frameSpot = { x: 1000, y: 1000 }
    editor.registry.run('createNote', editor.ctx, { at: { x: 40, y: 50 } })
    writing.add('pointed', frameSpot)
    writing.add('chosen', frameSpot)
    const centres = (writing.getSnapshot().notes?.getNotes() ?? []).map((note) => [
      note.text,
      note.x + note.w / 2,
      note.y + note.h / 2,
    ])
    expect(centres).toEqual([
      ['pointed', 40, 50],
      ['chosen', 1000, 1000],
    ])
  })

  it('gives "add a note" back to the board when it ends, and closes the private room', () => {
    const { editor, writing, rooms } = setup()
    writing.setOn(true)
    writing.setOn(false)
    expect(rooms[0]?.destroy).toHaveBeenCalledTimes(1)
    expect(writing.getSnapshot().notes).toBeNull()
    expect(editor.registry.run('createNote', editor.ctx, { at: { x: 0, y: 0 } })).toBe(true)
    expect(editor.board.getItems().size).toBe(1)
  })

  it('waits for the credential the relay issues before opening the private room', () => {
    const { editor, writing, rooms } = setup(null)
    writing.setOn(true)
    expect(rooms).toEqual([])
    editor.registry.run('createNote', editor.ctx, { at: { x: 0, y: 0 } })
    expect(editor.board.getItems().size).toBe(1)
  })
})

describe('presence signals', () => {
  it('sends nothing before the person has joined, then reactions where they look and the hand', () => {
    const editor = new TestEditor()
    const away = new PresenceSignals(fakeAwareness(false), editor.view)
    away.toggleHand()
    expect(away.handRaised()).toBe(false)

    const awareness = fakeAwareness()
    const signals = new PresenceSignals(awareness, editor.view)
    const listener = vi.fn()
    signals.subscribe(listener)
    signals.toggleHand()
    expect(signals.handRaised()).toBe(true)
    expect(awareness.getLocalState()?.hand).toBe(true)
    expect(listener).toHaveBeenCalledTimes(1)
    signals.react('👍')
    // The viewport is 1000 × 800 at the origin: the reaction bursts mid-screen.
    expect(awareness.getLocalState()?.reaction).toMatchObject({ emoji: '👍', x: 500, y: 400 })
  })
})

describe('follow sync', () => {
  function setup(isFacilitator: boolean) {
    const editor = new TestEditor()
    // Each summons at a time of its own, as the facilitator's clicks are.
    let now = 1000
    const session = new SessionStore(new Y.Doc(), () => now++)
    const follow = { flyTo: vi.fn(), setLeader: vi.fn() }
    const views = new Set<() => void>()
    const leaderView = { x: 1, y: 2, w: 3, h: 4 }
    const people = {
      viewOf: (id: string) => (id === 'lead' ? leaderView : null),
      subscribeViews: (fn: () => void) => {
        views.add(fn)
        return () => views.delete(fn)
      },
    }
    const awareness = fakeAwareness()
    const frames: (() => void)[] = []
    const sync = new FollowSync({
      session,
      follow,
      people,
      view: editor.view,
      awareness,
      isFacilitator,
      frame: (fn) => frames.push(fn),
      cancelFrame: () => undefined,
    })
    return { editor, session, follow, awareness, frames, sync, leaderView }
  }

  it('flies to each summons and follows the leader the session names', () => {
    const { session, follow, leaderView } = setup(false)
    session.summon({ x: 10, y: 10, w: 100, h: 100 })
    expect(follow.flyTo).toHaveBeenCalledWith({ x: 10, y: 10, w: 100, h: 100 })
    session.setState({ followPersonId: 'lead' })
    expect(follow.setLeader).toHaveBeenLastCalledWith('lead', leaderView)
    session.setState({ followPersonId: null })
    expect(follow.setLeader).toHaveBeenLastCalledWith(null, null)
  })

  it("keeps a facilitator where they are for their own 'everyone here', and takes them to a step's frame", () => {
    const { session, follow, editor } = setup(true)
    const { camera, viewport } = editor.view.getState()
    session.summon(viewOf(camera, viewport))
    expect(follow.flyTo).not.toHaveBeenCalled()
    // Launching a step summons everyone to its frame: the facilitator who launched it goes too.
    session.summon({ x: 5000, y: 0, w: 800, h: 600 })
    expect(follow.flyTo).toHaveBeenCalledWith({ x: 5000, y: 0, w: 800, h: 600 })
  })

  it("publishes a facilitator's view once per frame, and never a participant's", () => {
    const facilitator = setup(true)
    facilitator.frames.length = 0
    facilitator.editor.view.setCamera({ x: 100, y: 0, zoom: 1 })
    facilitator.editor.view.setCamera({ x: 200, y: 0, zoom: 1 })
    expect(facilitator.frames).toHaveLength(1)
    facilitator.frames[0]?.()
    expect(facilitator.awareness.getLocalState()?.view).toEqual({ x: 200, y: 0, w: 1000, h: 800 })

    const participant = setup(false)
    participant.editor.view.setCamera({ x: 100, y: 0, zoom: 1 })
    expect(participant.frames).toHaveLength(0)
    expect(participant.awareness.getLocalState()?.view).toBeUndefined()
  })
})
