import type * as Y from 'yjs'
import { applyExpansion, type ExpandOptions, expandTemplate, type TemplateExpansion } from './expand.js'
import { parseTemplate } from './parse.js'

/**
 * Migrates, validates, expands and writes a template file onto a board, all or nothing:
 * a TemplateValidationError or ExpansionError is thrown before anything is written.
 * Returns the expansion, whose agenda, decks and gamification go to the session document.
 */
export function applyTemplate(
  doc: Y.Doc,
  json: unknown,
  options: ExpandOptions,
  origin?: unknown,
): TemplateExpansion {
  const expansion = expandTemplate(parseTemplate(json), options)
  applyExpansion(doc, expansion, origin)
  return expansion
}
