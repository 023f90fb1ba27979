/**
 * What participants may do on a board, set by the facilitator for the board and per agenda step:
 * which writing tools they get, and whether each person changes only their own items.
 */

/** Tools that write: an observer's pointer always selects, and participants get the facilitator's choice. */
export const WRITING_TOOL_IDS = [
  'note',
  'text',
  'rectangle',
  'ellipse',
  'diamond',
  'frame',
  'connector',
  'pen',
  'highlighter',
] as const
export type WritingToolId = (typeof WRITING_TOOL_IDS)[number]

/** Every canvas tool: selecting and moving around are always there. */
export const TOOL_IDS = ['select', 'hand', ...WRITING_TOOL_IDS] as const
export type ToolId = (typeof TOOL_IDS)[number]

/**
 * "simple" is what a person who never used a whiteboard needs (notes, text, pen); "complet" is
 * every tool. A new board starts simple.
 */
export const TOOL_PRESETS = {
  simple: ['note', 'text', 'pen'],
  complet: WRITING_TOOL_IDS,
} as const satisfies Record<string, readonly WritingToolId[]>
export type ToolPreset = keyof typeof TOOL_PRESETS

const DEFAULT_PARTICIPANT_TOOLS: readonly WritingToolId[] = TOOL_PRESETS.simple

/** On by default: a participant cannot delete or rewrite someone else's note unless the facilitator allows it. */
export const DEFAULT_OWN_ITEMS_ONLY = true

function isWritingToolId(value: unknown): value is WritingToolId {
  return typeof value === 'string' && (WRITING_TOOL_IDS as readonly string[]).includes(value)
}

/** The writing tools of a stored value, in the canonical order; the default for anything that is not a list. */
export function readParticipantTools(value: unknown): WritingToolId[] {
  if (!Array.isArray(value)) return [...DEFAULT_PARTICIPANT_TOOLS]
  const wanted = new Set(value.filter(isWritingToolId))
  return WRITING_TOOL_IDS.filter((tool) => wanted.has(tool))
}

/** The preset a tool list matches, or null for a custom choice. */
export function presetOf(tools: readonly WritingToolId[]): ToolPreset | null {
  for (const [name, preset] of Object.entries(TOOL_PRESETS) as [ToolPreset, readonly WritingToolId[]][]) {
    if (preset.length === tools.length && preset.every((tool) => tools.includes(tool))) return name
  }
  return null
}

/** What an item needs to be created: its type, and a shape's outline. */
interface CreatedItemKind {
  type: string
  shape?: unknown
}

/**
 * Whether a participant holding `tools` may create an item of this kind. Each writing tool makes
 * one kind of item; a stroke is the pen's or the highlighter's (both draw the same item, only its
 * width differs). Images come from a pasted or dropped file, which the upload token and quota
 * already govern, so no tool choice withholds them.
 */
export function toolsAllowItem(tools: readonly WritingToolId[], item: CreatedItemKind): boolean {
  switch (item.type) {
    case 'note':
    case 'text':
    case 'frame':
    case 'connector':
      return tools.includes(item.type)
    case 'shape':
      return isWritingToolId(item.shape) && tools.includes(item.shape)
    case 'stroke':
      return tools.includes('pen') || tools.includes('highlighter')
    case 'image':
      return true
    default:
      return false
  }
}
