import { useSyncExternalStore } from 'react'
import { Listeners } from './listeners.js'

export interface Toast {
  id: number
  kind: 'error' | 'info'
  message: string
  /** A later toast with the same key replaces this one instead of piling up. */
  key?: string
}

export interface ToastOptions {
  key?: string
  /** Goes away by itself, like info: for a refusal that says "not now", not a failure to act on. */
  transient?: boolean
}

const FADE_AFTER_MS = { info: 3000, transient: 6000 }

let toasts: readonly Toast[] = []
let nextId = 1
const listeners = new Listeners()

/**
 * Shows a message to the person; errors stay until dismissed unless transient, info fades after a
 * few seconds.
 */
export function showToast(kind: Toast['kind'], message: string, options: ToastOptions = {}): void {
  const id = nextId++
  const { key } = options
  toasts = [
    ...toasts.filter((toast) => key === undefined || toast.key !== key),
    { id, kind, message, ...(key ? { key } : {}) },
  ]
  listeners.notify()
  if (kind === 'info') setTimeout(() => dismissToast(id), FADE_AFTER_MS.info)
  else if (options.transient) setTimeout(() => dismissToast(id), FADE_AFTER_MS.transient)
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id)
  listeners.notify()
}

/** The toasts shown right now. */
export function currentToasts(): readonly Toast[] {
  return toasts
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(listeners.subscribe, currentToasts)
}
