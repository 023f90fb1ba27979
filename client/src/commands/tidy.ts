import { type ItemPatch, planFrameLayout, planSelectionLayout } from '@atelier/shared'
import { canModify } from '../store/selection.js'
import type { Command, CommandContext } from './types.js'

/**
 * What "Ranger" would write: each selected frame gets its notes laid out in a grid (reading order,
 * the frame grown if needed); a selection without frames becomes a grid where it stands. Null when
 * nothing would move, or when it would move something this person may not change.
 */
export function tidyPatches(ctx: CommandContext): Map<string, ItemPatch> | null {
  const selected = ctx.board.pick(ctx.view.getState().selection)
  const frames = selected.filter((item) => item.type === 'frame')
  const patches = new Map<string, ItemPatch>()
  if (frames.length > 0) {
    const items = [...ctx.board.getItems().values()]
    for (const frame of frames) {
      const plan = planFrameLayout(items, frame.id, { groupByAuthor: false })
      if (!plan) continue
      for (const [id, at] of plan.moves) patches.set(id, at)
      if (plan.resize) patches.set(plan.resize.id, { w: plan.resize.w, h: plan.resize.h })
    }
  } else {
    for (const [id, at] of planSelectionLayout(selected).moves) patches.set(id, at)
  }
  if (patches.size === 0) return null
  return [...patches.keys()].every((id) => canModify(ctx, ctx.board.getItem(id))) ? patches : null
}

/** "Ranger": tidies the selected frames or items into a grid, as one change and one undo. */
export const tidy: Command = {
  id: 'tidy',
  labelKey: 'commands.tidy',
  group: 'arrange',
  contextMenu: true,
  enabled: (ctx) => !ctx.readOnly && tidyPatches(ctx) !== null,
  run(ctx) {
    const patches = tidyPatches(ctx)
    if (patches) ctx.board.update(patches)
  },
}
