/**
 * Who to tell when a store changes: `subscribe` has the shape `useSyncExternalStore` wants, and
 * `notify` calls each listener once, even one that unsubscribes while being told.
 */
export class Listeners {
  private readonly listeners = new Set<() => void>()

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener()
  }
}
