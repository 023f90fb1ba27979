import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { peopleMap, readPeople, writePerson } from './people.js'

describe('people of a session', () => {
  it('round-trips the people the relay records', () => {
    const doc = new Y.Doc()
    writePerson(doc, { personId: 'p1', name: 'Camille', role: 'facilitator', joinedAt: 5 })
    writePerson(doc, { personId: 'p2', name: 'Yanis', role: 'participant', joinedAt: 6 })
    expect([...readPeople(doc).values()].map((p) => [p.name, p.role])).toEqual([
      ['Camille', 'facilitator'],
      ['Yanis', 'participant'],
    ])
  })

  it('skips entries that are not people', () => {
    const doc = new Y.Doc()
    const odd = new Y.Map<unknown>()
    odd.set('name', 'Mallory')
    odd.set('role', 'admin')
    peopleMap(doc).set('p3', odd)
    expect(readPeople(doc).size).toBe(0)
  })
})
