import type * as Y from 'yjs'

/** One entry of GET /api/templates (see CONTRACT.md). */
export interface TemplateSummary {
  id: string
  title: { fr: string; en: string }
  description: { fr: string; en: string }
  category: string
}

/** Where board templates come from: the built-in catalogue lives in @atelier/shared. */
export interface TemplateCatalogue {
  /** Built-in templates first. */
  list(): TemplateSummary[]
  /** Lays the template out on a freshly initialised board doc; false when the id is unknown. */
  expand(templateId: string, doc: Y.Doc): boolean
}

export const emptyCatalogue: TemplateCatalogue = {
  list: () => [],
  expand: () => false,
}
