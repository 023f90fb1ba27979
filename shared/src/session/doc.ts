import * as Y from 'yjs'
import { DEFAULT_OWN_ITEMS_ONLY, readParticipantTools } from './permissions.js'
import { STOPPED_TIMER } from './timer.js'
import {
  type AgendaStep,
  type RankedItem,
  type SessionState,
  type Summon,
  type TimerState,
  type VoteRound,
  WRITING_MODES,
  type WritingMode,
} from './types.js'

/** Typed accessors over the session Y.Doc. Reads tolerate missing or foreign values. */

export function stateMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('state')
}

function timerMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('timer')
}

/** Steps are plain JSON values: a step is replaced whole, never merged key by key. */
export function agendaArray(doc: Y.Doc): Y.Array<AgendaStep> {
  return doc.getArray<AgendaStep>('agenda')
}

/** Person id → number of notes in that person's private room; written by the relay only. */
function privateCountsMap(doc: Y.Doc): Y.Map<number> {
  return doc.getMap<number>('privateCounts')
}

/** One Y.Map per round, so the facilitator closing it and the relay counting voters never collide. */
export function roundsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('rounds')
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const num = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback

function isWritingMode(value: unknown): value is WritingMode {
  return typeof value === 'string' && (WRITING_MODES as readonly string[]).includes(value)
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

function readSummon(value: unknown): Summon | null {
  if (typeof value !== 'object' || value === null) return null
  const { at, rect } = value as { at?: unknown; rect?: unknown }
  if (!isFiniteNumber(at) || typeof rect !== 'object' || rect === null) return null
  const { x, y, w, h } = rect as Record<string, unknown>
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(w) || !isFiniteNumber(h)) return null
  if (w <= 0 || h <= 0) return null
  return { at, rect: { x, y, w, h } }
}

export function readSessionState(doc: Y.Doc): SessionState {
  const state = stateMap(doc)
  const mode = state.get('writingMode')
  const ownItemsOnly = state.get('ownItemsOnly')
  return {
    stepId: str(state.get('stepId')),
    writingMode: isWritingMode(mode) ? mode : 'open',
    anonymous: state.get('anonymous') === true,
    followPersonId: str(state.get('followPersonId')),
    spotlightFrameId: str(state.get('spotlightFrameId')),
    lockedFrameIds: strings(state.get('lockedFrameIds')),
    summon: readSummon(state.get('summon')),
    participantTools: readParticipantTools(state.get('participantTools')),
    ownItemsOnly: typeof ownItemsOnly === 'boolean' ? ownItemsOnly : DEFAULT_OWN_ITEMS_ONLY,
  }
}

export function writeSessionState(doc: Y.Doc, patch: Partial<SessionState>, origin?: unknown): void {
  const state = stateMap(doc)
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && state.get(key) !== value) state.set(key, value)
    }
  }, origin)
}

export function readPrivateCounts(doc: Y.Doc): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const [personId, count] of privateCountsMap(doc)) {
    if (isFiniteNumber(count) && count > 0) counts[personId] = count
  }
  return counts
}

/** Sets one person's count; a zero count removes the entry. */
export function writePrivateCount(doc: Y.Doc, personId: string, count: number, origin?: unknown): void {
  const counts = privateCountsMap(doc)
  if ((counts.get(personId) ?? 0) === count) return
  doc.transact(() => {
    if (count > 0) counts.set(personId, count)
    else counts.delete(personId)
  }, origin)
}

export function readTimer(doc: Y.Doc): TimerState {
  const timer = timerMap(doc)
  const status = timer.get('status')
  if (status !== 'running' && status !== 'paused' && status !== 'stopped') return STOPPED_TIMER
  const endsAt = timer.get('endsAt')
  return {
    status,
    durationMs: num(timer.get('durationMs'), 0),
    endsAt: typeof endsAt === 'number' ? endsAt : null,
    remainingMs: num(timer.get('remainingMs'), 0),
  }
}

export function writeTimer(doc: Y.Doc, timer: TimerState, origin?: unknown): void {
  const map = timerMap(doc)
  doc.transact(() => {
    map.set('status', timer.status)
    map.set('durationMs', timer.durationMs)
    map.set('endsAt', timer.endsAt)
    map.set('remainingMs', timer.remainingMs)
  }, origin)
}

export function readAgenda(doc: Y.Doc): AgendaStep[] {
  return agendaArray(doc)
    .toArray()
    .filter(
      (step): step is AgendaStep => typeof step === 'object' && step !== null && typeof step.id === 'string',
    )
}

/**
 * Every frame a step works in, its main one first, each once. A step is a plain value any
 * facilitator's client wrote: what is not a frame id string is left out.
 */
export function stepFrameIds(step: AgendaStep): string[] {
  const more: unknown[] = Array.isArray(step.moreFrameIds) ? step.moreFrameIds : []
  const ids = [step.frameId, ...more].filter((id): id is string => typeof id === 'string' && id !== '')
  return [...new Set(ids)]
}

export function replaceAgenda(doc: Y.Doc, steps: AgendaStep[], origin?: unknown): void {
  const agenda = agendaArray(doc)
  doc.transact(() => {
    agenda.delete(0, agenda.length)
    agenda.insert(0, steps)
  }, origin)
}

export function readRound(id: string, map: Y.Map<unknown>): VoteRound | null {
  const budget = map.get('budget')
  if (typeof budget !== 'number' || budget < 1) return null
  const status = map.get('status') === 'closed' ? 'closed' : 'open'
  const maxPerItem = map.get('maxPerItem')
  const closedAt = map.get('closedAt')
  const results = map.get('results')
  return {
    id,
    title: str(map.get('title')) ?? '',
    frameIds: strings(map.get('frameIds')),
    itemIds: strings(map.get('itemIds')),
    budget,
    ...(typeof maxPerItem === 'number' && maxPerItem >= 1 ? { maxPerItem } : {}),
    status,
    openedAt: num(map.get('openedAt'), 0),
    ...(typeof closedAt === 'number' ? { closedAt } : {}),
    voters: num(map.get('voters'), 0),
    ...(Array.isArray(results) ? { results: results as RankedItem[] } : {}),
  }
}

export function findRound(doc: Y.Doc, id: string): VoteRound | null {
  const map = roundsMap(doc).get(id)
  return map instanceof Y.Map ? readRound(id, map) : null
}

/** Every round, most recent first. */
export function readRounds(doc: Y.Doc): VoteRound[] {
  const rounds: VoteRound[] = []
  for (const [id, map] of roundsMap(doc)) {
    const round = map instanceof Y.Map ? readRound(id, map) : null
    if (round) rounds.push(round)
  }
  return rounds.sort((a, b) => b.openedAt - a.openedAt || a.id.localeCompare(b.id))
}

export function openRoundIn(doc: Y.Doc): VoteRound | null {
  return readRounds(doc).find((round) => round.status === 'open') ?? null
}

export function writeRound(
  doc: Y.Doc,
  round: Omit<VoteRound, 'voters' | 'results' | 'closedAt'>,
  origin?: unknown,
): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    map.set('title', round.title)
    map.set('frameIds', round.frameIds)
    map.set('itemIds', round.itemIds)
    map.set('budget', round.budget)
    if (round.maxPerItem !== undefined) map.set('maxPerItem', round.maxPerItem)
    map.set('status', round.status)
    map.set('openedAt', round.openedAt)
    map.set('voters', 0)
    roundsMap(doc).set(round.id, map)
  }, origin)
}

/** Sets keys of an existing round (status, voters, results…); no-op for an unknown round. */
export function patchRound(doc: Y.Doc, id: string, patch: Record<string, unknown>, origin?: unknown): void {
  const map = roundsMap(doc).get(id)
  if (!(map instanceof Y.Map)) return
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) map.set(key, value)
  }, origin)
}
