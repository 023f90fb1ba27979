import { peopleMap, writePerson } from '@atelier/shared'
import fp from 'fastify-plugin'
import { z } from 'zod'
import { errors } from '../errors.js'
import type { IssuedPerson } from '../people/credentials.js'
import { SERVER_ORIGIN } from '../sync/rooms.js'
import { parseBody } from '../validation.js'

export interface PeoplePluginOptions {
  now: () => Date
  /** People one board may hold: each is an entry in the session document every client loads. */
  maxPeople: number
}

const NAME_MAX_LENGTH = 80

const createPersonRequest = z.strictObject({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, 'name must not be empty')
    .max(NAME_MAX_LENGTH, `name must be at most ${NAME_MAX_LENGTH} characters`),
})

/**
 * People: each person who opens a link gets a signed identity on that board
 * (`POST /api/boards/:boardId/people`, the board token as `Authorization: Bearer`). The relay
 * records the name in the session document (which participants cannot write), so reports and
 * exports name authors without trusting what a browser claims.
 */
export const peoplePlugin = fp<PeoplePluginOptions>(
  async (app, options) => {
    app.post(
      '/api/boards/:boardId/people',
      { onRequest: app.boardAccess() },
      async (request, reply): Promise<IssuedPerson> => {
        const { boardId, role } = request.caller
        const { name } = parseBody(createPersonRequest, request.body)
        const person = app.personCredentials.issue(boardId, role)
        const joinedAt = options.now().getTime()
        await app.relay.withRoom({ boardId, kind: 'session' }, (room) => {
          if (peopleMap(room.doc).size >= options.maxPeople) throw errors.boardFull(options.maxPeople)
          writePerson(room.doc, { personId: person.personId, name, role, joinedAt }, SERVER_ORIGIN)
        })
        request.log.info({ boardId, role, personId: person.personId }, 'person joined')
        reply.code(201)
        return person
      },
    )
  },
  { name: 'atelier-people', dependencies: ['atelier-auth', 'atelier-sync'] },
)
