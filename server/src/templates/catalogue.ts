import {
  applyExpansion,
  builtinTemplates,
  expandTemplate,
  type Lang,
  originCentredOn,
  sessionUpdateFor,
  summaryOf,
  type Template,
  type TemplateSummary,
} from '@atelier/shared'
import type * as Y from 'yjs'

/** What laying a template out on a new board gives besides the board document itself. */
export interface TemplateSeed {
  /** First update of the board's session document (agenda, decks, gamification). */
  session?: Uint8Array
}

/** Where board templates come from: the built-in ones of @atelier/shared by default. */
export interface TemplateCatalogue {
  /** What GET /api/templates answers, built-in templates first. */
  list(): TemplateSummary[]
  /** The whole template file, for export and copying; undefined for an unknown id. */
  get?(templateId: string): Template | undefined
  /**
   * Lays the template out on a freshly initialised board doc, in `lang`; null when the id is
   * unknown (and then nothing was written).
   */
  expand(templateId: string, doc: Y.Doc, lang?: Lang): TemplateSeed | null
}

/**
 * Writes a template onto a new board: centred on the origin, where a new board's camera looks
 * first. Returns the session document's first update (the agenda refers to the board's frames
 * by the ids just written, so both come from the same expansion).
 */
export function layOut(template: Template, doc: Y.Doc, lang: Lang): TemplateSeed {
  const expansion = expandTemplate(template, { origin: originCentredOn(template, { x: 0, y: 0 }), lang })
  applyExpansion(doc, expansion)
  return { session: sessionUpdateFor(expansion) }
}

/** A catalogue of validated templates, in the order given. */
export function catalogueOf(templates: readonly Template[]): TemplateCatalogue {
  const byId = new Map(templates.map((template) => [template.id, template]))
  return {
    list: () => templates.map(summaryOf),
    get: (templateId) => byId.get(templateId),
    expand(templateId, doc, lang = 'fr') {
      const template = byId.get(templateId)
      return template ? layOut(template, doc, lang) : null
    },
  }
}

/** The 14 templates of the brief. */
export const builtinCatalogue: TemplateCatalogue = catalogueOf(builtinTemplates())

export const emptyCatalogue: TemplateCatalogue = catalogueOf([])
