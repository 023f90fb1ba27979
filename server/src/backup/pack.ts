import { createHash } from 'node:crypto'
import { PERSON_ID_PATTERN } from '@atelier/shared'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import * as Y from 'yjs'
import type { z } from 'zod'
import { detectImageType } from '../images/detect.js'
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAX_BYTES,
  type BackupContents,
  ballotSchema,
  ENTRY,
  IMAGE_ENTRY,
  manifestSchema,
  PRIVATE_ENTRY,
  pollSchema,
} from './format.js'

/** A backup file that cannot be read as it is; nothing was written. The message names the problem. */
export class BackupError extends Error {
  override name = 'BackupError'
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The backup file of `contents` (its manifest's entries are filled in here). */
export function packBackup(contents: BackupContents): Uint8Array {
  const files: Record<string, Uint8Array> = {
    [ENTRY.board]: contents.board,
    [ENTRY.session]: contents.session,
    [ENTRY.votes]: strToU8(JSON.stringify(contents.ballots)),
    [ENTRY.polls]: strToU8(JSON.stringify(contents.polls)),
  }
  for (const [id, bytes] of contents.images) files[`images/${id}`] = bytes
  for (const [personId, bytes] of contents.privateRooms) files[privateEntry(personId)] = bytes
  const entries = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, sha256(bytes)]))
  const manifest = { ...contents.manifest, entries }
  return zipSync({
    [ENTRY.manifest]: strToU8(JSON.stringify(manifest, null, 2)),
    // Images are already compressed: stored as they are.
    ...Object.fromEntries(
      Object.entries(files).map(([name, bytes]) => [
        name,
        [bytes, { level: name.startsWith('images/') ? 0 : 6 }],
      ]),
    ),
  })
}

function privateEntry(personId: string): string {
  return `private/${personId}.yjs`
}

/** The person id of a private room's entry name, or null when the name is not one. */
function privatePersonId(name: string): string | null {
  const personId = PRIVATE_ENTRY.exec(name)?.[1]
  return personId && PERSON_ID_PATTERN.test(personId) ? personId : null
}

function firstIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0]
  const path = issue?.path.join('.') ?? ''
  return `${what}${path ? ` (${path})` : ''}: ${issue?.message ?? 'invalid'}`
}

function json(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes))
  } catch {
    throw new BackupError(`${name} is not valid JSON`)
  }
}

/**
 * A Yjs document state, checked: it must decode, and leave nothing pending (an update whose
 * dependencies are missing is a truncated or foreign file).
 */
function yjsState(bytes: Uint8Array, name: string): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, bytes)
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      throw new BackupError(`${name} is an incomplete Yjs update`)
    }
    return bytes
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw new BackupError(`${name} is not a valid Yjs update`)
  } finally {
    doc.destroy()
  }
}

function entry(files: Record<string, Uint8Array>, name: string): Uint8Array {
  const bytes = files[name]
  if (!bytes) throw new BackupError(`${name} is missing`)
  return bytes
}

/**
 * Reads and checks a whole backup file: a zip, a manifest of a format this server reads, every
 * entry present with the SHA-256 the manifest gives and no other entry, documents that decode,
 * votes and polls of the right shape, images that are images. Throws a BackupError naming the
 * first problem.
 */
export function unpackBackup(bytes: Uint8Array): BackupContents {
  let declared = 0
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      // Sizes the zip declares are checked before anything is inflated: no zip bomb.
      filter: (file) => {
        declared += file.originalSize
        if (declared > BACKUP_MAX_BYTES)
          throw new BackupError('the backup unpacks to more than the size limit')
        return true
      },
    })
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw new BackupError('the file is not a zip archive (or a damaged one)')
  }
  // The version first: a newer file may have another shape, and should say so.
  const raw = json(entry(files, ENTRY.manifest), ENTRY.manifest)
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion
  if (typeof version === 'number' && version !== BACKUP_FORMAT_VERSION)
    throw new BackupError(versionMessage(version))
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) throw new BackupError(firstIssue(parsed.error, ENTRY.manifest))
  const manifest = parsed.data

  for (const name of Object.keys(files)) {
    if (name !== ENTRY.manifest && !(name in manifest.entries))
      throw new BackupError(`${name} is not in the manifest`)
  }
  for (const [name, hash] of Object.entries(manifest.entries)) {
    const known =
      (Object.values(ENTRY) as string[]).includes(name) ||
      IMAGE_ENTRY.test(name) ||
      privatePersonId(name) !== null
    if (!known || name === ENTRY.manifest)
      throw new BackupError(`the manifest lists an unknown entry "${name}"`)
    if (sha256(entry(files, name)) !== hash) throw new BackupError(`checksum mismatch for ${name}`)
  }

  const ballots = ballotSchema.array().safeParse(json(entry(files, ENTRY.votes), ENTRY.votes))
  if (!ballots.success) throw new BackupError(firstIssue(ballots.error, ENTRY.votes))
  const polls = pollSchema.array().safeParse(json(entry(files, ENTRY.polls), ENTRY.polls))
  if (!polls.success) throw new BackupError(firstIssue(polls.error, ENTRY.polls))

  const ballotKeys = new Set(ballots.data.map((b) => JSON.stringify([b.roundId, b.personId, b.itemId])))
  if (ballotKeys.size !== ballots.data.length)
    throw new BackupError(`${ENTRY.votes} holds the same ballot twice`)
  const pollIds = new Set(polls.data.map((poll) => poll.pollId))
  if (pollIds.size !== polls.data.length) throw new BackupError(`${ENTRY.polls} holds the same poll twice`)
  for (const poll of polls.data) {
    if (new Set(poll.answers.map((answer) => answer.personId)).size !== poll.answers.length)
      throw new BackupError(`${ENTRY.polls} holds two answers of one person to poll ${poll.pollId}`)
  }

  const images = new Map<string, Uint8Array>()
  for (const [name, image] of Object.entries(files)) {
    const id = IMAGE_ENTRY.exec(name)?.[1]
    if (!id) continue
    if (!detectImageType(Buffer.from(image)))
      throw new BackupError(`${name} is not a PNG, JPEG, GIF or WebP image`)
    if (sha256(image) !== id) throw new BackupError(`${name} is not named after its content`)
    images.set(id, image)
  }

  const privateRooms = new Map<string, Uint8Array>()
  for (const [name, state] of Object.entries(files)) {
    const personId = privatePersonId(name)
    if (personId) privateRooms.set(personId, yjsState(state, name))
  }

  return {
    manifest,
    privateRooms,
    board: yjsState(entry(files, ENTRY.board), ENTRY.board),
    session: yjsState(entry(files, ENTRY.session), ENTRY.session),
    ballots: ballots.data,
    polls: polls.data,
    images,
  }
}

function versionMessage(version: number): string {
  return version > BACKUP_FORMAT_VERSION
    ? `backup format version ${version} is newer than this server reads (${BACKUP_FORMAT_VERSION})`
    : `backup format version ${version} is not one this server reads (${BACKUP_FORMAT_VERSION})`
}
