import { DEFAULT_NOTE_SIZE } from '@atelier/shared'
import { toolAllowed } from '../store/selection.js'
import type { ToolId } from '../store/ViewStore.js'
import { authorOf, boardCenter, freeSpot, writable } from './helpers.js'
import type { Command, CommandContext } from './types.js'

/** A wide note: same height, twice as wide, for longer statements ("Comment pourrions-nous… ?"). */
export const WIDE_NOTE_WIDTH = DEFAULT_NOTE_SIZE * 2

function noteCommand(id: string, w: number, key: string): Command {
  return {
    id,
    labelKey: `commands.${id}`,
    group: 'create',
    shortcuts: [{ key }],
    contextMenu: true,
    enabled: (ctx) => writable(ctx) && toolAllowed(ctx, 'note'),
    run(ctx, args) {
      const at = args?.at ?? freeSpot(ctx, boardCenter(ctx), { w, h: DEFAULT_NOTE_SIZE })
      const note = ctx.board.createNote(at, {
        color: args?.color ?? ctx.view.getState().noteColor,
        w,
        ...authorOf(ctx),
      })
      // A new note opens ready to type: the one thing a first-time participant wants to do next.
      ctx.view.set({ selection: [note], editingId: note, tool: 'select' })
    },
  }
}

export const createNote = noteCommand('createNote', DEFAULT_NOTE_SIZE, 'n')
export const createWideNote = noteCommand('createWideNote', WIDE_NOTE_WIDTH, 'w')

function toolCommand(tool: ToolId, key?: string, needsWrite = true): Command {
  return {
    id: `${tool}Tool`,
    labelKey: `commands.${tool}Tool`,
    group: 'tools',
    ...(key ? { shortcuts: [{ key, shift: false }] } : {}),
    enabled: (ctx: CommandContext) => (!needsWrite || !ctx.readOnly) && toolAllowed(ctx, tool),
    run: (ctx) => ctx.view.set({ tool, editingId: null }),
  }
}

export const selectTool = toolCommand('select', 'v', false)
export const handTool = toolCommand('hand', 'h', false)
export const noteTool = toolCommand('note')
export const textTool = toolCommand('text', 't')
export const rectangleTool = toolCommand('rectangle', 'r')
export const ellipseTool = toolCommand('ellipse', 'o')
export const diamondTool = toolCommand('diamond')
export const frameTool = toolCommand('frame', 'f')
export const connectorTool = toolCommand('connector', 'a')
export const penTool = toolCommand('pen', 'p')
export const highlighterTool = toolCommand('highlighter', 'm')

export const toolCommands = [
  selectTool,
  handTool,
  noteTool,
  textTool,
  rectangleTool,
  ellipseTool,
  diamondTool,
  frameTool,
  connectorTool,
  penTool,
  highlighterTool,
]
