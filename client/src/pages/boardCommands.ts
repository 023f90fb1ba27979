import type { Command } from '../commands/types.js'
import { exportCommands } from '../exports/commands.js'
import { openHistory } from '../history/commands.js'
import { editPlaces } from '../places/places.js'
import { groupByTheme } from '../themes/themes.js'

/**
 * What the features add to the canvas's commands when a board opens (facilitation and voting
 * join later: they need the session room).
 */
export const featureCommands: readonly Command[] = [groupByTheme, editPlaces, ...exportCommands, openHistory]
