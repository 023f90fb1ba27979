import {
  type AgendaStep,
  addTime,
  patchRound,
  pauseTimer,
  type Rect,
  readAgenda,
  readPrivateCounts,
  readRounds,
  readSessionState,
  readTimer,
  replaceAgenda,
  resetTimer,
  resumeTimer,
  type SessionState,
  startTimer,
  type TimerState,
  type VoteRound,
  writeRound,
  writeSessionState,
  writeTimer,
} from '@atelier/shared'
import type * as Y from 'yjs'
import { Listeners } from '../lib/listeners.js'
import type { StepPlan } from './stepPlan.js'

export interface SessionSnapshot {
  state: SessionState
  timer: TimerState
  agenda: readonly AgendaStep[]
  /** Most recent first. */
  rounds: readonly VoteRound[]
  /** personId → notes waiting in their private room, published by the relay. */
  privateCounts: Readonly<Record<string, number>>
}

export function readSession(doc: Y.Doc): SessionSnapshot {
  return {
    state: readSessionState(doc),
    timer: readTimer(doc),
    agenda: readAgenda(doc),
    rounds: readRounds(doc),
    privateCounts: readPrivateCounts(doc),
  }
}

/** Keeps the previous value when nothing changed, so selectors re-render only what moved. */
function keep<T>(previous: T, next: T): T {
  return JSON.stringify(previous) === JSON.stringify(next) ? previous : next
}

/** Local edits to the session document; the relay drops them unless this is a facilitator. */
export const SESSION_ORIGIN = Symbol('facilitation')

/**
 * Reactive view of the session Y.Doc, plus the facilitator's writes. Every write goes through
 * the shared accessors so the relay and the client agree on the shape.
 */
export class SessionStore {
  private snapshot: SessionSnapshot
  private readonly listeners = new Listeners()

  constructor(
    readonly doc: Y.Doc,
    private readonly now: () => number,
  ) {
    this.snapshot = readSession(doc)
    doc.on('update', this.onUpdate)
  }

  getSnapshot = (): SessionSnapshot => this.snapshot

  subscribe = this.listeners.subscribe

  destroy(): void {
    this.doc.off('update', this.onUpdate)
  }

  // ── facilitator writes ──────────────────────────────────────────────

  setState(patch: Partial<SessionState>): void {
    writeSessionState(this.doc, patch, SESSION_ORIGIN)
  }

  summon(rect: Rect): void {
    writeSessionState(this.doc, { summon: { at: this.now(), rect } }, SESSION_ORIGIN)
  }

  timer(action: 'start' | 'pause' | 'resume' | 'reset' | 'add', ms = 0): void {
    const now = this.now()
    const current = readTimer(this.doc)
    const next =
      action === 'start'
        ? startTimer(ms, now)
        : action === 'pause'
          ? pauseTimer(current, now)
          : action === 'resume'
            ? resumeTimer(current, now)
            : action === 'add'
              ? addTime(current, ms, now)
              : resetTimer(current)
    writeTimer(this.doc, next, SESSION_ORIGIN)
  }

  setAgenda(steps: AgendaStep[]): void {
    replaceAgenda(this.doc, steps, SESSION_ORIGIN)
  }

  openRound(round: Omit<VoteRound, 'voters' | 'results' | 'closedAt'>): void {
    this.doc.transact(() => {
      for (const open of readRounds(this.doc)) if (open.status === 'open') this.closeRoundIn(open.id)
      writeRound(this.doc, round, SESSION_ORIGIN)
    }, SESSION_ORIGIN)
  }

  closeRound(id: string): void {
    this.doc.transact(() => this.closeRoundIn(id), SESSION_ORIGIN)
  }

  /** "Go to step": one transaction, so nobody ever sees half a step (a timer without its mode). */
  applyStep(plan: StepPlan): void {
    this.doc.transact(() => {
      if (plan.closeRoundId) this.closeRoundIn(plan.closeRoundId)
      writeSessionState(
        this.doc,
        { ...plan.state, ...(plan.summonRect ? { summon: { at: this.now(), rect: plan.summonRect } } : {}) },
        SESSION_ORIGIN,
      )
      writeTimer(this.doc, plan.timer, SESSION_ORIGIN)
      if (plan.round) writeRound(this.doc, plan.round, SESSION_ORIGIN)
    }, SESSION_ORIGIN)
  }

  private closeRoundIn(id: string): void {
    patchRound(this.doc, id, { status: 'closed', closedAt: this.now() }, SESSION_ORIGIN)
  }

  private onUpdate = (): void => {
    const next = readSession(this.doc)
    const previous = this.snapshot
    const merged: SessionSnapshot = {
      state: keep(previous.state, next.state),
      timer: keep(previous.timer, next.timer),
      agenda: keep(previous.agenda, next.agenda),
      rounds: keep(previous.rounds, next.rounds),
      privateCounts: keep(previous.privateCounts, next.privateCounts),
    }
    if ((Object.keys(merged) as (keyof SessionSnapshot)[]).every((k) => merged[k] === previous[k])) return
    this.snapshot = merged
    this.listeners.notify()
  }
}
