import { randomId } from '@atelier/shared'
import { itemUtil } from '../items/registry.js'
import { canModify, withGroups } from '../store/selection.js'
import { hasModifiable, hasSelection, modifiable, writable } from './helpers.js'
import type { Command } from './types.js'

export const editText: Command = {
  id: 'editText',
  labelKey: 'commands.editText',
  group: 'edit',
  shortcuts: [{ key: 'Enter', mod: false, shift: false }],
  contextMenu: true,
  enabled(ctx) {
    const { selection } = ctx.view.getState()
    const item = selection.length === 1 ? ctx.board.getItem(selection[0] as string) : undefined
    return item !== undefined && itemUtil(item.type).textEditing !== undefined && canModify(ctx, item)
  },
  run(ctx) {
    ctx.view.set({ editingId: ctx.view.getState().selection[0] ?? null })
  },
}

export const deleteSelection: Command = {
  id: 'delete',
  labelKey: 'commands.delete',
  group: 'edit',
  shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
  contextMenu: true,
  enabled: hasModifiable,
  run(ctx) {
    ctx.board.deleteItems(modifiable(ctx).map((item) => item.id))
    ctx.view.set({ selection: [], editingId: null })
  },
}

export const duplicate: Command = {
  id: 'duplicate',
  labelKey: 'commands.duplicate',
  group: 'edit',
  shortcuts: [{ key: 'd', mod: true }],
  contextMenu: true,
  enabled: (ctx) => writable(ctx) && hasSelection(ctx),
  run(ctx) {
    const ids = ctx.board.duplicate(withGroups(ctx.board, ctx.view.getState().selection), 24, ctx.author)
    ctx.view.set({ selection: ids, editingId: null })
  },
}

export const selectAll: Command = {
  id: 'selectAll',
  labelKey: 'commands.selectAll',
  group: 'edit',
  shortcuts: [{ key: 'a', mod: true }],
  contextMenu: true,
  enabled: (ctx) => ctx.board.getItemIds().length > 0,
  run(ctx) {
    ctx.view.set({ selection: [...ctx.board.getItemIds()], editingId: null })
  },
}

export const deselect: Command = {
  id: 'deselect',
  labelKey: 'commands.deselect',
  group: 'edit',
  shortcuts: [{ key: 'Escape' }],
  enabled: (ctx) => {
    const s = ctx.view.getState()
    return s.selection.length > 0 || s.tool !== 'select' || s.panel !== null || s.menu !== null
  },
  run(ctx) {
    ctx.view.set({ selection: [], editingId: null, tool: 'select', panel: null, menu: null })
  },
}

export const setColor: Command = {
  id: 'setColor',
  labelKey: 'commands.setColor',
  group: 'edit',
  needsArgs: true,
  enabled: writable,
  run(ctx, args) {
    if (!args?.color) return
    // The chosen colour also becomes the colour of the next note, like picking up another pad.
    ctx.view.set({ noteColor: args.color })
    const ids = modifiable(ctx).map((item) => item.id)
    if (ids.length > 0) ctx.board.setColor(ids, args.color)
  },
}

export const setTags: Command = {
  id: 'setTags',
  labelKey: 'commands.setTags',
  group: 'edit',
  needsArgs: true,
  enabled: hasModifiable,
  run(ctx, args) {
    const tags = [...new Set((args?.tags ?? []).map((tag) => tag.trim()).filter(Boolean))]
    ctx.board.update(new Map(modifiable(ctx).map((item) => [item.id, { tags }])))
  },
}

export const setShape: Command = {
  id: 'setShape',
  labelKey: 'commands.setShape',
  group: 'edit',
  needsArgs: true,
  enabled: (ctx) => modifiable(ctx).some((item) => item.type === 'shape'),
  run(ctx, args) {
    const shape = args?.shape
    if (!shape) return
    const shapes = modifiable(ctx).filter((item) => item.type === 'shape')
    ctx.board.update(new Map(shapes.map((item) => [item.id, { shape }])))
  },
}

/** Lock or unlock: only facilitators (the relay drops a participant's change of `locked`). */
export const toggleLock: Command = {
  id: 'toggleLock',
  labelKey: 'commands.toggleLock',
  group: 'edit',
  shortcuts: [{ key: 'l', mod: true, shift: true }],
  contextMenu: true,
  enabled: (ctx) => !ctx.readOnly && ctx.facilitator === true && hasSelection(ctx),
  run(ctx) {
    const items = ctx.board.pick(ctx.view.getState().selection)
    // Mixed selection: lock all; all locked: unlock all.
    const locked = !items.every((item) => item.locked)
    ctx.board.update(new Map(items.map((item) => [item.id, { locked }])))
  },
}

export const group: Command = {
  id: 'group',
  labelKey: 'commands.group',
  group: 'arrange',
  shortcuts: [{ key: 'g', mod: true, shift: false }],
  contextMenu: true,
  enabled: (ctx) => modifiable(ctx).length > 1,
  run(ctx) {
    const groupId = randomId()
    ctx.board.update(new Map(modifiable(ctx).map((item) => [item.id, { groupId }])))
  },
}

export const ungroup: Command = {
  id: 'ungroup',
  labelKey: 'commands.ungroup',
  group: 'arrange',
  shortcuts: [{ key: 'g', mod: true, shift: true }],
  contextMenu: true,
  enabled: (ctx) => modifiable(ctx).some((item) => item.groupId),
  run(ctx) {
    ctx.board.unset(
      modifiable(ctx).map((item) => item.id),
      'groupId',
    )
  },
}
