import { Listeners } from '../lib/listeners.js'
import type { KeyValueStore } from '../lib/storage.js'

const MUTE_KEY = 'atelier.chimeMuted'

/**
 * The end-of-timer chime, synthesised with Web Audio (no file to host or fetch). Browsers only
 * let a page play sound after a gesture, so the audio context is created on the first one.
 */
export class Chime {
  private context: AudioContext | null = null
  private muted: boolean
  private readonly changes = new Listeners()

  /** `store` keeps the person's choice to mute across boards (localStorage in the browser). */
  constructor(private readonly store: KeyValueStore) {
    this.muted = store.getItem(MUTE_KEY) === '1'
    window.addEventListener('pointerdown', this.unlock, { once: true, capture: true })
    window.addEventListener('keydown', this.unlock, { once: true, capture: true })
  }

  isMuted = (): boolean => this.muted

  subscribe = this.changes.subscribe

  setMuted(muted: boolean): void {
    this.store.setItem(MUTE_KEY, muted ? '1' : '0')
    this.muted = muted
    this.changes.notify()
  }

  /** Rings unless the person muted it. */
  play(): void {
    const ctx = this.context
    if (!ctx || this.muted) return
    if (!ctx) return
    const start = ctx.currentTime + 0.02
    // Two soft bell-like notes (E6 then C6): noticeable, not alarming.
    for (const [index, frequency] of [1318.5, 1046.5].entries()) {
      const at = start + index * 0.28
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = 'sine'
      osc.frequency.value = frequency
      gain.gain.setValueAtTime(0, at)
      gain.gain.linearRampToValueAtTime(0.18, at + 0.015)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.1)
      osc.connect(gain).connect(ctx.destination)
      osc.start(at)
      osc.stop(at + 1.2)
    }
  }

  destroy(): void {
    window.removeEventListener('pointerdown', this.unlock, { capture: true })
    window.removeEventListener('keydown', this.unlock, { capture: true })
    this.context?.close().catch(() => undefined)
  }

  private unlock = (): void => {
    if (this.context || typeof AudioContext === 'undefined') return
    this.context = new AudioContext()
  }
}
