import * as Y from 'yjs'
import { isRole, type Role } from '../protocol/roles.js'

/**
 * Who joined the board, as the relay recorded it when it issued each person's identity. It lives
 * in the session document, which only the relay and facilitators write, so a participant cannot
 * rename someone else; exports and reports read names from here.
 */
interface PersonRecord {
  personId: string
  name: string
  role: Role
  joinedAt: number
}

export function peopleMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('people')
}

export function writePerson(doc: Y.Doc, person: PersonRecord, origin?: unknown): void {
  doc.transact(() => {
    const record = new Y.Map<unknown>()
    record.set('name', person.name)
    record.set('role', person.role)
    record.set('joinedAt', person.joinedAt)
    peopleMap(doc).set(person.personId, record)
  }, origin)
}

/** Everyone recorded, by person id; malformed entries are skipped. */
export function readPeople(doc: Y.Doc): Map<string, PersonRecord> {
  const people = new Map<string, PersonRecord>()
  for (const [personId, record] of peopleMap(doc)) {
    if (!(record instanceof Y.Map)) continue
    const name = record.get('name')
    const role = record.get('role')
    const joinedAt = record.get('joinedAt')
    if (typeof name !== 'string' || !isRole(role)) continue
    people.set(personId, { personId, name, role, joinedAt: typeof joinedAt === 'number' ? joinedAt : 0 })
  }
  return people
}
