import * as Y from 'yjs'
import { agendaArray, replaceAgenda } from '../session/doc.js'
import type { ExpandedDeck, TemplateExpansion } from './expand.js'
import type { TemplateGamification } from './format.js'

/**
 * What a template brings to the session document besides the agenda: the facilitation notes,
 * the prompt-card decks and the gamification settings. They live in the session document (not
 * the board) because only facilitators write it, like the agenda that refers to them.
 */
export function templateKitMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('template')
}

interface TemplateKit {
  templateId: string | null
  facilitation: string
  decks: ExpandedDeck[]
  gamification: TemplateGamification | null
}

/**
 * Writes an expansion's agenda, decks and gamification into a session document, in one
 * transaction. `append` keeps the steps and decks already there (a template inserted into a
 * running board); otherwise the agenda is replaced (a board created from a template).
 */
export function seedSession(
  doc: Y.Doc,
  expansion: TemplateExpansion,
  { append = false }: { append?: boolean } = {},
  origin?: unknown,
): void {
  const kit = templateKitMap(doc)
  doc.transact(() => {
    if (append) agendaArray(doc).push(expansion.agenda)
    else replaceAgenda(doc, expansion.agenda)
    const decks = append ? [...readTemplateKit(doc).decks, ...expansion.decks] : expansion.decks
    kit.set('decks', decks)
    if (!append || !kit.has('templateId')) {
      kit.set('templateId', expansion.templateId)
      kit.set('facilitation', expansion.facilitation)
    }
    if (expansion.gamification) kit.set('gamification', expansion.gamification)
  }, origin)
}

/** Reads the template kit of a session document; tolerates missing or foreign values. */
export function readTemplateKit(doc: Y.Doc): TemplateKit {
  const kit = templateKitMap(doc)
  const templateId = kit.get('templateId')
  const facilitation = kit.get('facilitation')
  const decks = kit.get('decks')
  const gamification = kit.get('gamification')
  return {
    templateId: typeof templateId === 'string' ? templateId : null,
    facilitation: typeof facilitation === 'string' ? facilitation : '',
    decks: Array.isArray(decks) ? (decks as ExpandedDeck[]) : [],
    gamification:
      typeof gamification === 'object' && gamification !== null
        ? (gamification as TemplateGamification)
        : null,
  }
}

/** A fresh session document seeded from an expansion, as one Yjs update (for the store). */
export function sessionUpdateFor(expansion: TemplateExpansion): Uint8Array {
  const doc = new Y.Doc()
  try {
    seedSession(doc, expansion)
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
