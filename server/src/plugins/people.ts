import { writePerson } from '@atelier/shared'
import fp from 'fastify-plugin'
import { z } from 'zod'
import { type IssuedPerson, PersonCredentials } from '../people/credentials.js'
import { identifyCaller } from '../people/requests.js'
import { serverSecret } from '../people/secrets.js'
import { SqliteBoardStore } from '../store/sqlite/store.js'
import type { BoardStore } from '../store/types.js'
import { SERVER_ORIGIN } from '../sync/rooms.js'
import { parseBody } from '../validation.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Signs and checks person credentials (sync upgrades, per-person HTTP calls). */
    personCredentials: PersonCredentials
  }
}

export interface PeoplePluginOptions {
  store: BoardStore
  /** Defaults to credentials signed with a secret kept in the SQLite board store. */
  credentials?: PersonCredentials
  now: () => Date
}

const NAME_MAX_LENGTH = 80

const createPersonRequest = z.strictObject({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, 'name must not be empty')
    .max(NAME_MAX_LENGTH, `name must be at most ${NAME_MAX_LENGTH} characters`),
})

function credentialsOf(store: BoardStore): PersonCredentials {
  if (store instanceof SqliteBoardStore) {
    return new PersonCredentials(serverSecret(store.db, 'person-credentials'))
  }
  throw new Error('person credentials need a PersonCredentials for this board store')
}

/**
 * People: each person who opens a link gets a signed identity on that board
 * (`POST /api/boards/:boardId/people`, the board token as `Authorization: Bearer`). The relay
 * records the name in the session document (which participants cannot write), so reports and
 * exports name authors without trusting what a browser claims.
 */
export const peoplePlugin = fp<PeoplePluginOptions>(
  async (app, options) => {
    const credentials = options.credentials ?? credentialsOf(options.store)
    app.decorate('personCredentials', credentials)

    app.post<{ Params: { boardId: string } }>(
      '/api/boards/:boardId/people',
      async (request, reply): Promise<IssuedPerson> => {
        const { boardId } = request.params
        const { role } = await identifyCaller(request, boardId, { store: options.store, credentials })
        const { name } = parseBody(createPersonRequest, request.body)
        const person = credentials.issue(boardId, role)
        const joinedAt = options.now().getTime()
        await app.relay.withRoom({ boardId, kind: 'session' }, (room) =>
          writePerson(room.doc, { personId: person.personId, name, role, joinedAt }, SERVER_ORIGIN),
        )
        request.log.info({ boardId, role, personId: person.personId }, 'person joined')
        reply.code(201)
        return person
      },
    )
  },
  { name: 'atelier-people' },
)
