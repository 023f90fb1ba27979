import type { Point } from '@atelier/shared'

export interface CursorSink {
  getLocalState(): Record<string, unknown> | null
  setLocalStateField(field: string, value: unknown): void
}

/**
 * Publishes this person's cursor at most once per animation frame: pointermove fires far more
 * often than anyone can see, and each awareness update is a message to every participant.
 */
export class CursorPublisher {
  private pending: Point | null | undefined
  private frame: number | null = null

  constructor(
    private readonly awareness: CursorSink,
    private readonly schedule: (fn: () => void) => number = (fn) => requestAnimationFrame(fn),
    private readonly unschedule: (handle: number) => void = (handle) => cancelAnimationFrame(handle),
  ) {}

  update(point: Point | null): void {
    this.pending = point
    if (this.frame !== null) return
    this.frame = this.schedule(() => {
      this.frame = null
      // Nothing to publish before the person has joined (no user in the awareness state yet).
      if (this.pending === undefined || !this.awareness.getLocalState()?.user) return
      this.awareness.setLocalStateField('cursor', this.pending)
      this.pending = undefined
    })
  }

  dispose(): void {
    if (this.frame !== null) this.unschedule(this.frame)
    this.frame = null
  }
}
