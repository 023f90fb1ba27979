import type { Command } from '../commands/types.js'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { canVoteOn, castVote } from './castVote.js'

/** The one selected item, when this person can vote on it. */
function votable(model: FacilitationModel): string | null {
  const { selection } = model.board.view.getState()
  const item = selection.length === 1 ? model.board.board.getItem(selection[0] as string) : undefined
  return item && canVoteOn(model, item) ? item.id : null
}

/**
 * Dot voting from the keyboard, on the selected item (the arrow keys of the canvas select items
 * one by one): Alt+V places a dot, Alt+R takes one back. Matched by physical key, like the other
 * facilitation shortcuts.
 */
export function votingCommands(model: FacilitationModel): Command[] {
  return [
    {
      id: 'vote.closeRound',
      labelKey: 'voting.commands.closeRound',
      group: 'facilitation',
      needsArgs: true,
      watch: model.session.subscribe,
      enabled: () =>
        model.isFacilitator && model.session.getSnapshot().rounds.some((r) => r.status === 'open'),
      run: (_ctx, args) => {
        if (args?.choice) model.session.closeRound(args.choice)
      },
    },
    {
      id: 'vote.add',
      labelKey: 'voting.commands.add',
      group: 'facilitation',
      shortcuts: [{ code: 'KeyV', alt: true }],
      enabled: () => votable(model) !== null,
      run: () => {
        const id = votable(model)
        if (id) void castVote(model, id, 1)
      },
    },
    {
      id: 'vote.remove',
      labelKey: 'voting.commands.remove',
      group: 'facilitation',
      shortcuts: [{ code: 'KeyR', alt: true }],
      enabled: () => {
        const id = votable(model)
        return id !== null && (model.votes.getSnapshot().mine.get(id) ?? 0) > 0
      },
      run: () => {
        const id = votable(model)
        if (id) void castVote(model, id, -1)
      },
    },
  ]
}
