import type { Role } from '@atelier/shared'
import type { FastifyRequest } from 'fastify'
import { resolveRole } from '../access.js'
import { errors } from '../errors.js'
import type { BoardStore } from '../store/types.js'
import { tokenOf } from '../validation.js'
import type { PersonCredentials } from './credentials.js'

/** Header carrying a person credential on per-person HTTP calls. */
export const PERSON_HEADER = 'x-atelier-person'

/** Who is calling an endpoint of one board. */
export interface BoardCaller {
  role: Role
  /** Null when the request carries no person credential. */
  personId: string | null
}

export interface CallerChecks {
  store: BoardStore
  credentials: PersonCredentials
}

/** The board token of a request: `Authorization: Bearer <token>`, or the `token` query parameter. */
export function boardTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (header !== undefined) {
    const match = /^Bearer ([^\s]+)$/.exec(header)
    return match?.[1] ?? null
  }
  return tokenOf(request.query)
}

/**
 * The caller's role (401 without a valid token of this board) and person (401 when a credential
 * is sent but is forged, of another board or of another role).
 */
export async function identifyCaller(
  request: FastifyRequest,
  boardId: string,
  { store, credentials }: CallerChecks,
): Promise<BoardCaller> {
  const role = await resolveRole(store, boardId, boardTokenOf(request))
  if (!role) throw errors.unauthorized()
  const header = request.headers[PERSON_HEADER]
  if (header === undefined) return { role, personId: null }
  const personId = credentials.verify(boardId, role, typeof header === 'string' ? header : null)
  if (!personId) throw errors.personRequired()
  return { role, personId }
}

/** Like identifyCaller, for endpoints that act on behalf of one person. */
export async function identifyPerson(
  request: FastifyRequest,
  boardId: string,
  checks: CallerChecks,
): Promise<{ role: Role; personId: string }> {
  const { role, personId } = await identifyCaller(request, boardId, checks)
  if (!personId) throw errors.personRequired()
  return { role, personId }
}
