import type { Role } from '@atelier/shared'
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { requestToken, resolveRole } from '../access.js'
import { errors } from '../errors.js'
import { PersonCredentials } from '../people/credentials.js'
import type { Store } from '../store/types.js'

/** Header carrying a person credential on per-person HTTP calls. */
export const PERSON_HEADER = 'x-atelier-person'

/** Who is calling a board: resolved once per request from its token and person credential. */
export interface BoardCaller {
  boardId: string
  role: Role
  /** Null when the request carries no person credential. */
  personId: string | null
}

/** What a board route asks of its caller; any holder of a token of the board when empty. */
export interface BoardAccessRule {
  /** The roles that may call; a valid token of another role gets `403` with `refusal`. */
  roles?: readonly Role[]
  /** The `403` message for the other roles. */
  refusal?: string
  /** The route acts on behalf of one person: a person credential is required (`401` without). */
  person?: 'required'
}

/** Why a caller was refused: no valid token of this board, or a credential that proves no person. */
export type CallerRefusal = 'token' | 'person'

export type CallerResolution = { ok: true; caller: BoardCaller } | { ok: false; refusal: CallerRefusal }

declare module 'fastify' {
  interface FastifyInstance {
    /** Signs and checks person credentials. */
    personCredentials: PersonCredentials
    /**
     * The caller of a board from a token and a person credential (either may be missing): the
     * one resolver behind HTTP routes and sync upgrades.
     */
    resolveCaller(boardId: string, token: string | null, credential: string | null): Promise<CallerResolution>
    /** The `onRequest` hook of a board route (`/api/boards/:boardId/…`): sets `request.caller` or refuses. */
    boardAccess(rule?: BoardAccessRule): onRequestAsyncHookHandler
  }
  interface FastifyRequest {
    /** The board's caller, on routes that declare `onRequest: app.boardAccess(…)`. */
    caller: BoardCaller
  }
}

export interface AuthPluginOptions {
  store: Store
  /** Defaults to credentials signed with a secret kept in the store (the same on every node). */
  credentials?: PersonCredentials
}

/** The person a route acts for; on routes whose rule has `person: 'required'` it is always there. */
export function callerPerson(request: FastifyRequest): string {
  const { personId } = request.caller
  if (personId === null) throw errors.personRequired()
  return personId
}

function personHeader(request: FastifyRequest): string | null {
  const header = request.headers[PERSON_HEADER]
  return typeof header === 'string' ? header : null
}

/**
 * Board access, in one place: the token (`Authorization: Bearer T` or `?token=T`) gives the role,
 * the person credential (`x-atelier-person`) the person. A route declares the role it needs;
 * no valid token of this board → `401`, a valid token of another role → `403`.
 */
export const authPlugin = fp<AuthPluginOptions>(
  async (app, options) => {
    const { store } = options
    const credentials =
      options.credentials ?? new PersonCredentials(await store.serverSecret('person-credentials'))
    app.decorate('personCredentials', credentials)
    app.decorateRequest('caller', null as unknown as BoardCaller)

    async function resolveCaller(
      boardId: string,
      token: string | null,
      credential: string | null,
    ): Promise<CallerResolution> {
      const role = await resolveRole(store, boardId, token)
      if (!role) return { ok: false, refusal: 'token' }
      if (credential === null) return { ok: true, caller: { boardId, role, personId: null } }
      const personId = credentials.verify(boardId, role, credential)
      return personId ? { ok: true, caller: { boardId, role, personId } } : { ok: false, refusal: 'person' }
    }
    app.decorate('resolveCaller', resolveCaller)

    app.decorate('boardAccess', (rule: BoardAccessRule = {}): onRequestAsyncHookHandler => {
      return async (request) => {
        const { boardId } = request.params as { boardId?: unknown }
        if (typeof boardId !== 'string')
          throw new Error('boardAccess is for routes with a :boardId parameter')
        const resolved = await resolveCaller(boardId, requestToken(request), personHeader(request))
        if (!resolved.ok) throw resolved.refusal === 'token' ? errors.unauthorized() : errors.personRequired()
        const { caller } = resolved
        if (rule.roles && !rule.roles.includes(caller.role)) {
          throw errors.forbidden(rule.refusal ?? `this needs a ${rule.roles.join(' or ')} link`)
        }
        if (rule.person === 'required' && caller.personId === null) throw errors.personRequired()
        request.caller = caller
      }
    })
  },
  { name: 'atelier-auth' },
)
