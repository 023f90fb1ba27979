import type { Command } from './types.js'

export const undo: Command = {
  id: 'undo',
  labelKey: 'commands.undo',
  group: 'history',
  shortcuts: [{ key: 'z', mod: true, shift: false }],
  contextMenu: false,
  enabled: (ctx) => !ctx.readOnly && ctx.board.getUndoState().canUndo,
  run(ctx) {
    ctx.view.set({ editingId: null })
    ctx.board.undo()
    ctx.view.pruneSelection((id) => ctx.board.getItem(id) !== undefined)
  },
}

export const redo: Command = {
  id: 'redo',
  labelKey: 'commands.redo',
  group: 'history',
  shortcuts: [
    { key: 'z', mod: true, shift: true },
    { key: 'y', mod: true, shift: false },
  ],
  enabled: (ctx) => !ctx.readOnly && ctx.board.getUndoState().canRedo,
  run(ctx) {
    ctx.view.set({ editingId: null })
    ctx.board.redo()
    ctx.view.pruneSelection((id) => ctx.board.getItem(id) !== undefined)
  },
}

export const openPalette: Command = {
  id: 'openPalette',
  labelKey: 'commands.openPalette',
  group: 'help',
  shortcuts: [{ key: 'k', mod: true }],
  enabled: () => true,
  run: (ctx) => ctx.view.set({ panel: 'palette', menu: null }),
}

export const openHelp: Command = {
  id: 'openHelp',
  labelKey: 'commands.openHelp',
  group: 'help',
  shortcuts: [{ key: '?' }],
  enabled: () => true,
  run: (ctx) => ctx.view.set({ panel: 'help', menu: null }),
}

export const openSearch: Command = {
  id: 'openSearch',
  labelKey: 'commands.openSearch',
  group: 'help',
  shortcuts: [{ key: 'f', mod: true }],
  enabled: () => true,
  run: (ctx) => ctx.view.set({ panel: 'search', menu: null }),
}
