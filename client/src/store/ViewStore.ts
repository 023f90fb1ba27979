import {
  type Camera,
  DEFAULT_NOTE_COLOR,
  type Guide,
  type ItemInit,
  type ItemPatch,
  type Rect,
  type Size,
  type ToolId,
  type WritingToolId,
} from '@atelier/shared'
import { Listeners } from '../lib/listeners.js'

export { TOOL_IDS, type ToolId, WRITING_TOOL_IDS } from '@atelier/shared'

/** What the facilitator lets this participant do now (from the session document). */
export interface ParticipantRules {
  tools: readonly WritingToolId[]
  ownItemsOnly: boolean
}

/** A drag in progress: notes render offset by (dx, dy) until the drop commits one transaction. */
export interface DragPreview {
  ids: ReadonlySet<string>
  dx: number
  dy: number
}

export type PanelId = 'palette' | 'help' | 'search' | 'history' | 'themes' | 'places' | 'export'

/** Local, per-tab UI state: never synced, never undone. */
export interface ViewState {
  camera: Camera
  viewport: Size
  tool: ToolId
  selection: readonly string[]
  editingId: string | null
  noteColor: string
  drag: DragPreview | null
  /** Resize/rotate in progress: patches drawn over the items until the gesture commits. */
  preview: ReadonlyMap<string, ItemPatch> | null
  /** Item being drawn by a creation tool (shape, frame, connector, stroke). */
  draft: ItemInit | null
  marquee: Rect | null
  guides: readonly Guide[]
  hoveredId: string | null
  panel: PanelId | null
  /** Screen position of the open context menu. */
  menu: { x: number; y: number } | null
  minimap: boolean
  /** Null for facilitators (and until the session arrives): every tool, every item. */
  participantRules: ParticipantRules | null
}

export const INITIAL_VIEW: ViewState = {
  camera: { x: 0, y: 0, zoom: 1 },
  viewport: { width: 1024, height: 768 },
  tool: 'select',
  selection: [],
  editingId: null,
  noteColor: DEFAULT_NOTE_COLOR,
  drag: null,
  preview: null,
  draft: null,
  marquee: null,
  guides: [],
  hoveredId: null,
  panel: null,
  menu: null,
  minimap: true,
  participantRules: null,
}

/** Immutable state + subscribe, the shape useSyncExternalStore wants; no library needed. */
export class ViewStore {
  private state: ViewState
  private readonly listeners = new Listeners()

  constructor(initial: Partial<ViewState> = {}) {
    this.state = { ...INITIAL_VIEW, ...initial }
  }

  getState = (): ViewState => this.state

  subscribe = this.listeners.subscribe

  set(patch: Partial<ViewState>): void {
    let changed = false
    for (const key of Object.keys(patch) as (keyof ViewState)[]) {
      if (patch[key] !== this.state[key]) changed = true
    }
    if (!changed) return
    this.state = { ...this.state, ...patch }
    this.listeners.notify()
  }

  setCamera(camera: Camera): void {
    this.set({ camera })
  }

  select(ids: readonly string[]): void {
    const current = this.state.selection
    if (current.length === ids.length && current.every((id, i) => id === ids[i])) return
    this.set({ selection: ids })
  }

  /** Drops ids that no longer exist (deleted here or by someone else). */
  pruneSelection(exists: (id: string) => boolean): void {
    const kept = this.state.selection.filter(exists)
    if (kept.length !== this.state.selection.length) this.set({ selection: kept })
    if (this.state.editingId && !exists(this.state.editingId)) this.set({ editingId: null })
  }
}
