import type { Rect } from '../geometry/rect.js'
import type { WritingToolId } from './permissions.js'

/**
 * The session document (`/sync/:boardId/session`): what the facilitator runs — timer, agenda,
 * modes, vote rounds. Only facilitator connections (and the relay itself) write it.
 */

/** open: notes are public · private: new notes stay with their author · revealed: private notes were published. */
export const WRITING_MODES = ['open', 'private', 'revealed'] as const
export type WritingMode = (typeof WRITING_MODES)[number]

type TimerStatus = 'stopped' | 'running' | 'paused'

/**
 * A countdown expressed in server time, so every screen shows the same remaining time
 * whatever its own clock says.
 */
export interface TimerState {
  status: TimerStatus
  /** Length the timer was last set to. */
  durationMs: number
  /** Server epoch ms at which a running timer reaches zero. */
  endsAt: number | null
  /** Time left when paused or stopped. */
  remainingMs: number
}

interface VoteConfig {
  /** Votes each person can place in the round. */
  budget: number
  /** Most votes one person can place on one item (default: the whole budget). */
  maxPerItem?: number
}

/** A poll or quiz a step carries: launching the step opens it (`correctOptionId` makes it a quiz). */
export interface StepPoll {
  question: string
  options: Array<{ id: string; label: string }>
  correctOptionId?: string
}

export interface AgendaStep {
  id: string
  title: string
  instructions: string
  durationMinutes: number
  /** Frame the step brings everyone to. */
  frameId?: string
  /**
   * More frames the step works in, beside `frameId` (a SWOT's weaknesses beside its strengths):
   * the view takes them all in, a phone asks which one an idea goes to, the step's vote covers them.
   */
  moreFrameIds?: string[]
  /** The reveal leaves each note where its author put it (a token on a scale), instead of tidying it into the step's frames. */
  revealInPlace?: boolean
  mode: WritingMode
  vote?: VoteConfig
  /** Frames whose items are locked while the step runs. */
  lockFrameIds?: string[]
  /** The writing tools participants get while the step runs (the board's choice stays when absent). */
  participantTools?: WritingToolId[]
  /** "Chacun ne modifie que ses propres notes" while the step runs (unchanged when absent). */
  ownItemsOnly?: boolean
  poll?: StepPoll
}

type RoundStatus = 'open' | 'closed'

export interface RankedItem {
  itemId: string
  votes: number
  /** Competition ranking: ties share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number
}

export interface VoteRound extends VoteConfig {
  id: string
  title: string
  /** Items that can receive votes: those inside these frames, or these items. */
  frameIds: string[]
  itemIds: string[]
  status: RoundStatus
  openedAt: number
  closedAt?: number
  /** People who placed at least one vote (published by the relay while open). */
  voters: number
  /** Published by the relay when the round closes; hidden before. */
  results?: RankedItem[]
}

/** "Bring everyone here": every client flies once to `rect` for each new `at`. */
export interface Summon {
  /** Server epoch ms of the request: a client flies when it sees an `at` it has not flown to. */
  at: number
  /** Board rect to show. */
  rect: Rect
}

export interface SessionState {
  stepId: string | null
  writingMode: WritingMode
  anonymous: boolean
  /** Person id everyone follows, or null. */
  followPersonId: string | null
  spotlightFrameId: string | null
  /** Frames whose items participants cannot move, edit or delete (the relay enforces it). */
  lockedFrameIds: string[]
  summon: Summon | null
  /** Writing tools participants get (facilitators always get every tool). */
  participantTools: WritingToolId[]
  /** A participant changes and deletes only the items they created (the relay enforces it). */
  ownItemsOnly: boolean
}
