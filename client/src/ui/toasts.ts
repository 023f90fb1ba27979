import { useSyncExternalStore } from 'react'

export interface Toast {
  id: number
  kind: 'error' | 'info'
  message: string
}

let toasts: readonly Toast[] = []
let nextId = 1
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of [...listeners]) listener()
}

/** Shows a message to the person; errors stay until dismissed, info fades after a few seconds. */
export function showToast(kind: Toast['kind'], message: string): void {
  const id = nextId++
  toasts = [...toasts, { id, kind, message }]
  emit()
  if (kind === 'info') setTimeout(() => dismissToast(id), 3000)
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id)
  emit()
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => toasts,
  )
}
