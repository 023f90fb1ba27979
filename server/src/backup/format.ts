import { z } from 'zod'

/**
 * The backup file (`board.atelier`): a zip holding `manifest.json` and the entries it lists, each
 * with its SHA-256, so a damaged or edited file is caught before anything is written:
 * - `board.yjs` — the board document's whole state (a Yjs update);
 * - `session.yjs` — the session document's (agenda, rounds and their results, polls' tallies,
 *   people's names, teams, scores);
 * - `votes.json` — the ballots of every round, per person (secret until a round closes);
 * - `polls.json` — polls and quizzes with their correct options and everyone's answers;
 * - `images/<sha256>` — the files of the board's images;
 * - `private/<personId>.yjs` — the private room of each person who still holds notes not yet
 *   revealed, so they come back private to their author (see `plugins/backup.ts`).
 */
export const BACKUP_FORMAT = 'atelier-board'
export const BACKUP_FORMAT_VERSION = 1

/** Largest backup the server takes (its images included). */
export const BACKUP_MAX_BYTES = 64 * 1024 * 1024

export const ENTRY = {
  manifest: 'manifest.json',
  board: 'board.yjs',
  session: 'session.yjs',
  votes: 'votes.json',
  polls: 'polls.json',
} as const

export const IMAGE_ENTRY = /^images\/([a-f0-9]{64})$/
/** A private room's entry; the person id is checked against PERSON_ID_PATTERN too. */
export const PRIVATE_ENTRY = /^private\/([A-Za-z0-9_-]+)\.yjs$/

const sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'must be a SHA-256 in hex')

export const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT, { error: `format must be "${BACKUP_FORMAT}"` }),
  formatVersion: z.int({ error: 'formatVersion must be a whole number' }),
  exportedAt: z.string({ error: 'exportedAt must be a string' }),
  board: z.strictObject({
    id: z.string({ error: 'board.id must be a string' }),
    title: z.string({ error: 'board.title must be a string' }).trim().min(1).max(200),
    templateId: z.string().max(100).nullable(),
    createdAt: z.number({ error: 'board.createdAt must be a number' }),
  }),
  /** Entry name → SHA-256 of its bytes. */
  entries: z.record(z.string(), sha256),
})
export type BackupManifest = z.output<typeof manifestSchema>

export const ballotSchema = z.strictObject({
  roundId: z.string().min(1).max(100),
  personId: z.string().min(1).max(100),
  itemId: z.string().min(1).max(100),
  count: z.int().min(1).max(1000),
})
export type BackupBallot = z.output<typeof ballotSchema>

export const pollSchema = z.strictObject({
  pollId: z.string().min(1).max(100),
  kind: z.enum(['single', 'multiple', 'words']),
  question: z.string().max(2000),
  options: z.array(z.strictObject({ id: z.string().min(1).max(100), label: z.string().max(2000) })).max(50),
  correctOptionIds: z.array(z.string().max(100)).max(50),
  timeLimitMs: z.int().min(0),
  points: z.int().min(0),
  status: z.enum(['open', 'closed']),
  openedAt: z.number(),
  closedAt: z.number().nullable(),
  answers: z
    .array(
      z.strictObject({
        personId: z.string().min(1).max(100),
        answer: z.union([
          z.strictObject({ optionIds: z.array(z.string().max(100)).max(50) }),
          z.strictObject({ words: z.array(z.string().max(200)).max(50) }),
        ]),
        answeredAt: z.number(),
      }),
    )
    .max(10_000),
})
export type BackupPoll = z.output<typeof pollSchema>

/** What a backup holds, decoded and checked. */
export interface BackupContents {
  manifest: BackupManifest
  board: Uint8Array
  session: Uint8Array
  ballots: BackupBallot[]
  polls: BackupPoll[]
  /** Image id (SHA-256 of the bytes) → bytes. */
  images: Map<string, Uint8Array>
  /** Person id → the state of their private room (notes not yet revealed). */
  privateRooms: Map<string, Uint8Array>
}
