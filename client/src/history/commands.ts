import type { Command } from '../commands/types.js'

/** Opens the "Historique" dialog; facilitators only (the relay refuses the history to other roles). */
export const openHistory: Command = {
  id: 'history.open',
  labelKey: 'history.commands.open',
  group: 'facilitation',
  enabled: (ctx) => ctx.facilitator === true,
  run: (ctx) => ctx.view.set({ panel: 'history', menu: null }),
}
