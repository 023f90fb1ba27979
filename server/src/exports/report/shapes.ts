import type { Template } from '@atelier/shared'
import type { ExportedBoard } from '../notes.js'

/**
 * How a group of a template's frames reads in the report, when a plain list of notes per frame
 * would lose what the layout means:
 * - `quadrants`: four frames laid out 2×2 (an FFOM), one four-part table, row by row;
 * - `outline`: frames as levels of a tree (an objectives tree), each note under the note of the
 *   level above that a connector joins it to;
 * - `table`: frames as the columns of a table (an action plan), one row per line of notes.
 * Frames no shape names read as sections: their notes, most voted first.
 */
export type ShapeKind = 'quadrants' | 'outline' | 'table'

export interface ReportShape {
  kind: ShapeKind
  /** Template-local ids of the frames, in the order of the shape (row by row, level by level, column by column). */
  frames: readonly string[]
}

/**
 * The shapes of the built-in templates, by template id. Declared here rather than inferred from
 * the geometry: the 2×2 of scenarios and the 2×2 of an FFOM look alike, yet one reads as four
 * stories and the other as one table.
 */
export const REPORT_SHAPES: Readonly<Record<string, readonly ReportShape[]>> = {
  'swot-ffom': [{ kind: 'quadrants', frames: ['forces', 'faiblesses', 'opportunites', 'menaces'] }],
  'objectives-tree': [
    {
      kind: 'outline',
      frames: ['finalite', 'objectifs-strategiques', 'objectifs-operationnels', 'actions'],
    },
  ],
  'action-plan': [{ kind: 'table', frames: ['actions', 'axe', 'pilote', 'echeance', 'indicateur'] }],
  'strategy-map': [
    { kind: 'table', frames: ['axes', 'objectifs', 'indicateurs', 'responsables', 'echeances'] },
  ],
}

/** A shape found on a board: the board ids of its frames, in the shape's order. */
export interface ResolvedShape {
  kind: ShapeKind
  frameIds: string[]
}

const normalised = (title: string) => title.normalize('NFC').trim().toLocaleLowerCase('fr')

/**
 * The shapes of the board's template, matched to the board's frames by title (in either
 * language: the board keeps no template-local ids). A shape some of whose frames were renamed or
 * deleted is dropped, and those frames read as sections.
 */
export function resolveShapes(board: ExportedBoard, template: Template | undefined): ResolvedShape[] {
  if (!template) return []
  const shapes = REPORT_SHAPES[template.id] ?? []
  const resolved: ResolvedShape[] = []
  const taken = new Set<string>()
  for (const shape of shapes) {
    const frameIds: string[] = []
    for (const local of shape.frames) {
      const declared = template.frames.find((frame) => frame.id === local)
      const titles = declared ? [declared.title.fr, declared.title.en].map(normalised) : []
      const found = board.frames.find(
        (frame) => !taken.has(frame.id) && titles.includes(normalised(frame.title)),
      )
      if (!found) break
      frameIds.push(found.id)
      taken.add(found.id)
    }
    if (frameIds.length === shape.frames.length) resolved.push({ kind: shape.kind, frameIds })
    else for (const id of frameIds) taken.delete(id)
  }
  return resolved
}
