import { createItem, itemsMap, itemText, readItems, rectContainsRect, rectsOverlap } from '@atelier/shared'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { TestEditor } from '../../test/TestEditor.js'
import { TOOL_IDS } from '../store/ViewStore.js'
import { parsePayload } from './clipboard.js'
import { createRegistry } from './registry.js'
import type { ClipboardLike, Command } from './types.js'

function setup(perms: { readOnly?: boolean; facilitator?: boolean } = {}) {
  const editor = new TestEditor(perms)
  editor.view.set({ viewport: { width: 1000, height: 800 }, camera: { x: -500, y: -400, zoom: 1 } })
  const run = (id: string, args?: Parameters<Command['run']>[1]) => editor.registry.run(id, editor.ctx, args)
  const enabled = (id: string) => editor.registry.isEnabled(id, editor.ctx)
  return {
    editor,
    doc: editor.doc,
    board: editor.board,
    view: editor.view,
    ctx: editor.ctx,
    registry: editor.registry,
    run,
    enabled,
  }
}

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string }> = {},
) => ({
  key: k,
  code: mods.code ?? '',
  ctrlKey: mods.ctrlKey ?? false,
  metaKey: mods.metaKey ?? false,
  shiftKey: mods.shiftKey ?? false,
  altKey: false,
})

/** An in-memory stand-in for a ClipboardEvent's clipboardData. */
function fakeClipboard(
  initial: Record<string, string> = {},
): ClipboardLike & { data: Record<string, string> } {
  const data = { ...initial }
  return {
    data,
    getData: (type) => data[type] ?? '',
    setData: (type, value) => {
      data[type] = value
    },
  }
}

describe('command registry', () => {
  it('has unique ids, a label and a group for each command', () => {
    const { registry } = setup()
    const ids = registry.list().map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const command of registry.list()) expect(command.labelKey).toMatch(/^(\w+\.)?commands\./)
  })

  it('gives every shortcut to one command only', () => {
    const { registry } = setup()
    const seen = new Map<string, string>()
    for (const command of registry.list()) {
      for (const s of command.shortcuts ?? []) {
        const id = JSON.stringify([s.key?.toLowerCase(), s.code, !!s.mod, s.shift, !!s.alt])
        expect(seen.get(id), `${command.id} and ${seen.get(id)}`).toBeUndefined()
        seen.set(id, command.id)
      }
    }
  })

  it('stays open to commands contributed by other features', () => {
    const extra: Command = {
      id: 'startTimer',
      labelKey: 'commands.startTimer',
      group: 'help',
      enabled: () => true,
      run: () => {},
    }
    const registry = createRegistry([extra])
    expect(registry.has('startTimer')).toBe(true)
    expect(() => createRegistry([{ ...extra, id: 'undo' }])).toThrow(/duplicate/)
  })

  it('registers commands later, refuses taken ids whole, and unregisters them', () => {
    const registry = createRegistry()
    const listener = vi.fn()
    registry.subscribe(listener)
    const before = registry.list()
    const timer: Command = {
      id: 'timer.toggle',
      labelKey: 'facilitation.commands.timerToggle',
      group: 'facilitation',
      shortcuts: [{ code: 'KeyT', alt: true }],
      enabled: () => true,
      run: vi.fn(),
    }
    const unregister = registry.register([timer])
    expect(listener).toHaveBeenCalledTimes(1)
    expect(registry.list()).not.toBe(before)
    // Listed with its group: after the view commands, before help.
    const ids = registry.list().map((command) => command.id)
    expect(ids.indexOf('timer.toggle')).toBeGreaterThan(ids.indexOf('zoomIn'))
    expect(ids.indexOf('timer.toggle')).toBe(ids.indexOf('openPalette') - 1)
    expect(registry.forKey({ ...key('†'), code: 'KeyT', altKey: true })).toBe(timer)
    expect(registry.forKey({ ...key('t'), code: 'KeyT' })?.id).toBe('textTool')

    const again = { ...timer, id: 'other' }
    expect(() => registry.register([again, timer])).toThrow('duplicate command id: timer.toggle')
    expect(() => registry.register([again, again])).toThrow('duplicate command id: other')
    expect(registry.has('other')).toBe(false)

    unregister()
    expect(registry.has('timer.toggle')).toBe(false)
    expect(registry.list()).toEqual(before)
    expect(listener).toHaveBeenCalledTimes(2)
    // A second call must not remove a command registered again under the same id since.
    const reregister = registry.register([{ ...timer }])
    unregister()
    expect(registry.has('timer.toggle')).toBe(true)
    reregister()
  })

  it('maps keys to commands, leaving clipboard keys to the browser', () => {
    const { registry } = setup()
    expect(registry.forKey(key('n'))?.id).toBe('createNote')
    expect(registry.forKey(key('N', { shiftKey: true }))?.id).toBe('createNote')
    expect(registry.forKey(key('w'))?.id).toBe('createWideNote')
    expect(registry.forKey(key('n', { ctrlKey: true }))).toBeUndefined()
    expect(registry.forKey(key('z', { ctrlKey: true }))?.id).toBe('undo')
    expect(registry.forKey(key('z', { metaKey: true, shiftKey: true }))?.id).toBe('redo')
    expect(registry.forKey(key('y', { ctrlKey: true }))?.id).toBe('redo')
    expect(registry.forKey(key('!', { shiftKey: true, code: 'Digit1' }))?.id).toBe('zoomToFit')
    expect(registry.forKey(key('+', { shiftKey: true }))?.id).toBe('zoomIn')
    expect(registry.forKey(key('Backspace'))?.id).toBe('delete')
    expect(registry.forKey(key('d', { ctrlKey: true }))?.id).toBe('duplicate')
    expect(registry.forKey(key('c', { ctrlKey: true }))).toBeUndefined()
    expect(registry.forKey(key('M', { shiftKey: true }))?.id).toBe('toggleMinimap')
    expect(registry.forKey(key('m'))?.id).toBe('highlighterTool')
    expect(registry.forKey(key('?', { shiftKey: true }))?.id).toBe('openHelp')
    expect(registry.forKey(key('k', { metaKey: true }))?.id).toBe('openPalette')
    expect(registry.forKey(key('ArrowLeft', { ctrlKey: true, shiftKey: true }))?.id).toBe('alignLeft')
  })
})

describe('create commands', () => {
  it('creates a note at the viewport centre, selected and in edit mode, above everything', () => {
    const { run, view, doc, board } = setup()
    createItem(doc, { type: 'note', x: 5000, y: 0, z: 'a5' }, 'remote')
    expect(run('createNote')).toBe(true)
    const note = readItems(doc).find((i) => i.x === -100)
    expect(note).toMatchObject({ type: 'note', y: -100, w: 200, h: 200, author: 'me' })
    expect(view.getState().selection).toEqual([note?.id])
    expect(view.getState().editingId).toBe(note?.id)
    expect(board.getItemIds().at(-1)).toBe(note?.id)
  })

  it('makes wide notes, and puts notes made with N clear of what is already there, in view', () => {
    const { run, doc, view: store } = setup()
    store.set({ viewport: { width: 1400, height: 1000 }, camera: { x: -700, y: -500, zoom: 1 } })
    // A note half over the middle of the view, and a frame the middle lies in.
    createItem(doc, { type: 'frame', x: -450, y: -350, w: 900, h: 700 }, 'remote')
    createItem(doc, { type: 'note', x: -20, y: -150, w: 200, h: 200 }, 'remote')
    for (let i = 0; i < 4; i++) run('createNote')
    run('createWideNote')
    const notes = readItems(doc).filter((item) => item.type === 'note')
    expect(notes).toHaveLength(6)
    for (const [i, a] of notes.entries())
      for (const b of notes.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false)
    // Wholly in the part of the view no bar covers: the top bars (120 px), the reactions and zoom
    // (96 px), the tools and their margin (72 px each side).
    const clear = { x: -628, y: -380, w: 1256, h: 784 }
    for (const note of notes.filter((n) => n.w === 200)) expect(rectContainsRect(clear, note)).toBe(true)
    expect(notes.find((note) => note.w === 400)).toMatchObject({ h: 200 })
    run('createWideNote', { at: { x: 0, y: 1000 } })
    expect(readItems(doc).find((i) => i.y === 900)).toMatchObject({ w: 400, h: 200 })
  })

  it('does not put a note made with N under the bars, when the rest of the view has room', () => {
    const { run, doc, view } = setup()
    view.set({ viewport: { width: 1400, height: 800 }, camera: { x: -700, y: -400, zoom: 1 } })
    for (const x of [-324, -100, 124]) createItem(doc, { type: 'note', x, y: -100, w: 200, h: 200 }, 'remote')
    run('createNote')
    const note = readItems(doc).find((item) => item.author === 'me')
    // Right below the row would sit under the reactions and zoom (the bottom 96 px): it goes beside.
    expect(note).toMatchObject({ x: 348, y: -100 })
    expect(rectContainsRect({ x: -628, y: -280, w: 1256, h: 584 }, note ?? { x: 0, y: 0, w: 0, h: 0 })).toBe(
      true,
    )
  })

  it('switches tools, keeping writing tools from observers', () => {
    const { run, view } = setup()
    // Every tool, from the default (select) round to it again.
    for (const tool of [...TOOL_IDS.filter((id) => id !== 'select'), 'select'] as const) {
      run(`${tool}Tool`)
      expect(view.getState().tool).toBe(tool)
    }
    const observer = setup({ readOnly: true })
    expect(observer.enabled('penTool')).toBe(false)
    expect(observer.enabled('handTool')).toBe(true)
  })
})

describe('edit commands', () => {
  it('opens the text editor of a single text item with Enter', () => {
    const { run, enabled, editor, view } = setup()
    const [note, stroke] = editor.create(
      { type: 'note', x: 0, y: 0 },
      { type: 'stroke', x: 0, y: 0, points: [0, 0, 1, 1] },
    )
    view.select([stroke as string])
    expect(enabled('editText')).toBe(false)
    view.select([note as string])
    run('editText')
    expect(view.getState().editingId).toBe(note)
  })

  it('deletes, duplicates, recolours and selects all', () => {
    const { run, enabled, view, doc } = setup()
    expect(enabled('delete')).toBe(false)
    run('createNote', { at: { x: 0, y: 0 } })
    run('duplicate')
    expect(readItems(doc)).toHaveLength(2)
    run('setColor', { color: '#c5e4ff' })
    const [copy] = view.getState().selection
    expect(readItems(doc).find((i) => i.id === copy)?.color).toBe('#c5e4ff')
    expect(view.getState().noteColor).toBe('#c5e4ff')
    run('selectAll')
    expect(view.getState().selection).toHaveLength(2)
    run('delete')
    expect(readItems(doc)).toHaveLength(0)
    expect(view.getState().selection).toEqual([])
  })

  it('deletes the arrows attached to deleted items, and duplicates arrows with their ends', () => {
    const { run, editor, view, board } = setup()
    const [a, b] = editor.create({ type: 'note', x: 0, y: 0 }, { type: 'note', x: 400, y: 0 }) as [
      string,
      string,
    ]
    const [arrow] = editor.create({ type: 'connector', x: 0, y: 0, from: a, to: b }) as [string]
    view.select([a, b, arrow])
    run('duplicate')
    const copies = board.pick(view.getState().selection)
    const copiedArrow = copies.find((item) => item.type === 'connector')
    expect(copiedArrow?.from).not.toBe(a)
    expect(copies.map((item) => item.id)).toContain(copiedArrow?.from)
    view.select([a])
    run('delete')
    expect(board.getItem(arrow)).toBeUndefined()
    expect(board.getItem(b)).toBeDefined()
  })

  it('duplicates a group as a new group: the copies and the originals stay apart', () => {
    const { run, editor, view, board } = setup()
    const [a, b] = editor.create({ type: 'note', x: 0, y: 0 }, { type: 'note', x: 300, y: 0 }) as [
      string,
      string,
    ]
    view.select([a, b])
    run('group')
    const groupId = board.getItem(a)?.groupId
    expect(groupId).toBeDefined()
    run('duplicate')
    const copies = board.pick(view.getState().selection)
    expect(copies).toHaveLength(2)
    const copyGroup = copies[0]?.groupId
    expect(copyGroup).toBeDefined()
    expect(copyGroup).not.toBe(groupId)
    expect(copies.every((item) => item.groupId === copyGroup)).toBe(true)
    expect(board.getItem(a)?.groupId).toBe(groupId)
  })

  it('sets tags and shape outlines', () => {
    const { run, enabled, editor, view } = setup()
    const [note, shape] = editor.create(
      { type: 'note', x: 0, y: 0 },
      { type: 'shape', x: 300, y: 0, shape: 'rectangle' },
    ) as [string, string]
    view.select([note])
    expect(enabled('setShape')).toBe(false)
    run('setTags', { tags: [' urgent', 'budget ', 'urgent', ''] })
    expect(editor.item(note)?.tags).toEqual(['urgent', 'budget'])
    view.select([shape])
    run('setShape', { shape: 'diamond' })
    expect(editor.item(shape)?.shape).toBe('diamond')
  })

  it('locks for facilitators only; a locked item cannot be deleted or recoloured by a participant', () => {
    const facilitator = setup({ facilitator: true })
    const [note] = facilitator.editor.create({ type: 'note', x: 0, y: 0 }) as [string]
    facilitator.view.select([note])
    facilitator.run('toggleLock')
    expect(facilitator.editor.item(note)?.locked).toBe(true)
    facilitator.run('toggleLock')
    expect(facilitator.editor.item(note)?.locked).toBeUndefined()

    const participant = setup()
    const [locked] = participant.editor.create({ type: 'note', x: 0, y: 0, locked: true }) as [string]
    participant.view.select([locked])
    expect(participant.enabled('toggleLock')).toBe(false)
    expect(participant.enabled('delete')).toBe(false)
    expect(participant.enabled('editText')).toBe(false)
    participant.run('setColor', { color: '#c9f2c7' })
    expect(participant.editor.item(locked)?.color).not.toBe('#c9f2c7')
  })

  it('groups and ungroups', () => {
    const { run, enabled, editor, view } = setup()
    const ids = editor.create({ type: 'note', x: 0, y: 0 }, { type: 'note', x: 300, y: 0 }) as [
      string,
      string,
    ]
    view.select(ids)
    run('group')
    const groupId = editor.item(ids[0])?.groupId
    expect(groupId).toBeTruthy()
    expect(editor.item(ids[1])?.groupId).toBe(groupId)
    expect(enabled('ungroup')).toBe(true)
    run('ungroup')
    expect(editor.item(ids[0])?.groupId).toBeUndefined()
  })

  it('deselects, closing panels and menus and going back to select', () => {
    const { run, view } = setup()
    view.set({ tool: 'pen', panel: 'help', menu: { x: 1, y: 1 } })
    run('deselect')
    expect(view.getState()).toMatchObject({ tool: 'select', panel: null, menu: null })
  })
})

describe('clipboard commands', () => {
  it('copies to the clipboard as a payload and pastes copies with fresh ids, arrows included', () => {
    const { run, editor, view, board } = setup()
    const [a, b] = editor.create(
      { type: 'note', x: 0, y: 0, text: 'A' },
      { type: 'note', x: 400, y: 0, text: 'B' },
    ) as [string, string]
    editor.create({ type: 'connector', x: 0, y: 0, from: a, to: b })
    view.select([a, b])
    const clipboard = fakeClipboard()
    run('copy', { clipboard })
    expect(parsePayload(clipboard.data['text/plain'] ?? '')).toHaveLength(3)
    run('paste', { clipboard, at: { x: 300, y: 1000 } })
    const pasted = board.pick(view.getState().selection)
    expect(pasted.map((item) => item.type).sort()).toEqual(['connector', 'note', 'note'])
    expect(pasted.find((item) => item.text === 'A')).toMatchObject({ x: 0, y: 900 })
    expect(pasted.every((item) => ![a, b].includes(item.id))).toBe(true)
    expect(board.getItemIds()).toHaveLength(6)
  })

  it('pastes into another board (the payload is all it needs)', () => {
    const source = setup()
    const [a] = source.editor.create({ type: 'shape', x: 0, y: 0, shape: 'ellipse', text: 'Usagers' }) as [
      string,
    ]
    source.view.select([a])
    const clipboard = fakeClipboard()
    source.run('copy', { clipboard })
    const target = setup()
    target.run('paste', { clipboard })
    expect(readItems(target.doc)).toMatchObject([
      { type: 'shape', shape: 'ellipse', text: 'Usagers', author: 'me' },
    ])
  })

  it('turns plain text into notes, one per line', () => {
    const { run, doc } = setup()
    run('paste', {
      clipboard: fakeClipboard({ 'text/plain': 'Guichet unique\n\n  Rendez-vous en ligne \r\nFAQ' }),
    })
    expect(
      readItems(doc)
        .map((i) => i.text)
        .sort(),
    ).toEqual(['FAQ', 'Guichet unique', 'Rendez-vous en ligne'])
  })

  it('cuts: copies then deletes, as one undo step each', () => {
    const { run, editor, view, board } = setup()
    const [a] = editor.create({ type: 'note', x: 0, y: 0 }) as [string]
    view.select([a])
    const clipboard = fakeClipboard()
    run('cut', { clipboard })
    expect(board.getItem(a)).toBeUndefined()
    run('paste', { clipboard })
    expect(board.getItemIds()).toHaveLength(1)
    run('undo')
    expect(board.getItemIds()).toHaveLength(0)
  })

  it('uploads pasted images and places them as image items', async () => {
    const { editor, board, run, ctx } = setup()
    ctx.uploadImage = async () => '/api/boards/b/images/i1'
    const file = new File([new Uint8Array([0x89, 0x50])], 'photo.png', { type: 'image/png' })
    run('paste', { clipboard: { ...fakeClipboard(), files: [file] }, at: { x: 0, y: 0 } })
    await expect.poll(() => board.getItemIds().length).toBe(1)
    expect(editor.item(board.getItemIds()[0] as string)).toMatchObject({
      type: 'image',
      src: '/api/boards/b/images/i1',
    })
  })
})

describe('arrange commands', () => {
  it('reorders with fractional keys: front, back, forward, backward', () => {
    const { run, editor, view, board } = setup()
    const [a, b, c] = editor.create(
      { type: 'note', x: 0, y: 0 },
      { type: 'note', x: 10, y: 0 },
      { type: 'note', x: 20, y: 0 },
    ) as [string, string, string]
    view.select([a])
    run('bringToFront')
    expect(board.getItemIds()).toEqual([b, c, a])
    run('sendToBack')
    expect(board.getItemIds()).toEqual([a, b, c])
    run('bringForward')
    expect(board.getItemIds()).toEqual([b, a, c])
    run('sendBackward')
    expect(board.getItemIds()).toEqual([a, b, c])
  })

  it('keeps frames beneath every other item', () => {
    const { run, editor, view, board } = setup()
    const [note, frame] = editor.create(
      { type: 'note', x: 0, y: 0 },
      { type: 'frame', x: 0, y: 0, w: 500, h: 500 },
    ) as [string, string]
    view.select([frame])
    run('bringToFront')
    expect(board.getItemIds()).toEqual([frame, note])
  })

  it('aligns and distributes the selection', () => {
    const { run, enabled, editor, view } = setup()
    const ids = editor.create(
      { type: 'note', x: 0, y: 0, w: 100, h: 100 },
      { type: 'note', x: 150, y: 40, w: 100, h: 100 },
      { type: 'note', x: 600, y: 10, w: 100, h: 100 },
    ) as [string, string, string]
    view.select(ids)
    for (const id of [
      'alignLeft',
      'alignCenterX',
      'alignRight',
      'alignTop',
      'alignCenterY',
      'alignBottom',
      'distributeHorizontally',
      'distributeVertically',
    ]) {
      expect(enabled(id)).toBe(true)
    }
    run('distributeHorizontally')
    expect(editor.item(ids[1])?.x).toBe(300)
    run('alignTop')
    expect(ids.map((id) => editor.item(id)?.y)).toEqual([0, 0, 0])
    run('alignRight')
    expect(ids.map((id) => editor.item(id)?.x)).toEqual([600, 600, 600])
    run('undo')
    expect(editor.item(ids[0])?.x).toBe(0)
  })
})

describe('view and history commands', () => {
  it('undoes and redoes only local changes', () => {
    const { run, enabled, doc, board } = setup()
    run('createNote', { at: { x: 0, y: 0 } })
    const remote = createItem(doc, { type: 'note', x: 500, y: 0 }, 'remote')
    expect(enabled('undo')).toBe(true)
    run('undo')
    expect(readItems(doc).map((i) => i.id)).toEqual([remote])
    expect(board.getUndoState()).toEqual({ canUndo: false, canRedo: true })
    run('redo')
    expect(readItems(doc)).toHaveLength(2)
  })

  it('zooms by steps, fits the content, the selection and 100 %', () => {
    const { run, view, board } = setup()
    run('zoomIn')
    expect(view.getState().camera.zoom).toBe(1.5)
    run('zoomOut')
    run('zoomOut')
    expect(view.getState().camera.zoom).toBe(0.75)
    run('zoomTo100')
    expect(view.getState().camera.zoom).toBe(1)
    const id = board.createNote({ x: 2000, y: 2000 })
    run('zoomToFit')
    const { camera } = view.getState()
    expect(camera.x + 500 / camera.zoom).toBeCloseTo(2000)
    view.select([id])
    run('zoomToSelection')
    expect(view.getState().camera.zoom).toBe(2)
    run('toggleMinimap')
    expect(view.getState().minimap).toBe(false)
  })

  it('moves the selection with arrows (10 with Shift) and pans when nothing is selected', () => {
    const { run, editor, view } = setup()
    const [a] = editor.create({ type: 'note', x: 0, y: 0 }) as [string]
    view.select([a])
    run('arrowRight')
    run('arrowDown', { big: true })
    expect(editor.item(a)).toMatchObject({ x: 1, y: 10 })
    view.select([])
    const before = view.getState().camera
    run('arrowLeft')
    expect(view.getState().camera.x).toBe(before.x - 80)
    run('arrowUp')
    expect(view.getState().camera.y).toBe(before.y - 80)
  })

  it('opens the palette, the help sheet and the search', () => {
    const { run, view } = setup()
    run('openPalette')
    expect(view.getState().panel).toBe('palette')
    run('openHelp')
    expect(view.getState().panel).toBe('help')
    run('openSearch')
    expect(view.getState().panel).toBe('search')
  })

  it('disables every writing command for observers but keeps navigation', () => {
    const { enabled, doc, editor, registry, ctx } = setup({ readOnly: true })
    const id = createItem(doc, { type: 'note', x: 0, y: 0 }, 'remote')
    editor.view.select([id])
    for (const command of [
      'createNote',
      'delete',
      'undo',
      'redo',
      'setColor',
      'duplicate',
      'noteTool',
      'paste',
      'cut',
      'bringToFront',
      'group',
    ]) {
      expect(enabled(command), command).toBe(false)
    }
    expect(registry.handleKey(key('n'), ctx)).toBe(false)
    expect(enabled('zoomIn')).toBe(true)
    expect(enabled('selectAll')).toBe(true)
    expect(enabled('copy')).toBe(true)
  })

  it('writes note text as minimal edits that merge with concurrent typing', () => {
    const a = setup()
    const b = new Y.Doc()
    a.doc.on('update', (u: Uint8Array) => Y.applyUpdate(b, u))
    const id = a.board.createNote({ x: 0, y: 0 })
    a.board.setText(id, 'Bonjour')
    itemText(b, id)?.insert(7, ' à tous')
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b))
    a.board.setText(id, 'Bonjour!! à tous')
    expect(itemsMap(a.doc).get(id)?.get('text')?.toString()).toBe('Bonjour!! à tous')
  })
})
