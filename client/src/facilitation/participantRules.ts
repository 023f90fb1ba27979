import type { Role, WritingToolId } from '@atelier/shared'
import type { CommandContext } from '../commands/types.js'
import { toolAllowed } from '../store/selection.js'

/**
 * Mirrors what the facilitator allows participants into their canvas (the relay enforces "own
 * items only" itself); a tool just taken away is put down.
 */
export function mirrorParticipantRules(
  ctx: CommandContext,
  role: Role,
  tools: readonly WritingToolId[],
  ownItemsOnly: boolean,
): void {
  if (role !== 'participant') return
  const { view } = ctx
  const current = view.getState().participantRules
  if (current && current.ownItemsOnly === ownItemsOnly && current.tools.join() === tools.join()) return
  view.set({ participantRules: { tools, ownItemsOnly } })
  if (!toolAllowed(ctx, view.getState().tool)) view.set({ tool: 'select' })
}
