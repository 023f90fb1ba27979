import { BOARD_ID_PATTERN, peopleMap, readMeta, writePerson } from '@atelier/shared'
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
  /** The person's identity on the board this one was imported from, to take it back here. */
  previous: z
    .strictObject({
      boardId: z
        .string({ error: 'previous.boardId must be a string' })
        .regex(BOARD_ID_PATTERN, 'previous.boardId is not a board id'),
      credential: z
        .string({ error: 'previous.credential must be a string' })
        .max(200, 'previous.credential is too long'),
    })
    .optional(),
})

/**
 * People: each person who opens a link gets a signed identity on that board
 * (`POST /api/boards/:boardId/people`, the board token as `Authorization: Bearer`). The relay
 * records the name in the session document (which participants cannot write), so reports and
 * exports name authors without trusting what a browser claims.
 *
 * On a board imported from a backup (its meta names the board it came from), a person may send
 * `previous`, their credential on that board: when it proves a person of the backup (on this
 * server, with the same link's role), they get the same person id back, and with it their notes
 * and the private notes they had not revealed. Anything else gets a new person, as usual.
 */
export const peoplePlugin = fp<PeoplePluginOptions>(
  async (app, options) => {
    app.post(
      '/api/boards/:boardId/people',
      { onRequest: app.boardAccess() },
      async (request, reply): Promise<IssuedPerson> => {
        const { boardId, role } = request.caller
        const { name, previous } = parseBody(createPersonRequest, request.body)
        const former =
          previous &&
          (await app.relay.withRoom(
            { boardId, kind: 'board' },
            (room) => readMeta(room.doc).importedFrom,
          )) === previous.boardId
            ? app.personCredentials.verify(previous.boardId, role, previous.credential)
            : null
        const joinedAt = options.now().getTime()
        const person = await app.relay.withRoom({ boardId, kind: 'session' }, (room) => {
          const people = peopleMap(room.doc)
          const returning = former !== null && people.has(former)
          if (!returning && people.size >= options.maxPeople) throw errors.boardFull(options.maxPeople)
          const issued = app.personCredentials.issue(boardId, role, returning ? former : undefined)
          writePerson(room.doc, { personId: issued.personId, name, role, joinedAt }, SERVER_ORIGIN)
          return issued
        })
        request.log.info(
          { boardId, role, personId: person.personId, returning: former !== null },
          'person joined',
        )
        reply.code(201)
        return person
      },
    )
  },
  { name: 'atelier-people', dependencies: ['atelier-auth', 'atelier-sync'] },
)
