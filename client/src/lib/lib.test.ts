import { describe, expect, it } from 'vitest'
import { CursorPublisher } from '../presence/cursor.js'
import { assignColor, initials, PERSON_COLORS } from '../presence/palette.js'
import { readPresence } from '../presence/types.js'
import { deriveStatus } from '../sync/status.js'
import { boardLink, joinLink, parseRoute } from './links.js'
import { type KeyValueStore, readRecent, rememberBoard, replaceRecentToken } from './storage.js'
import { transformIndex } from './textDelta.js'

function memoryStore(): KeyValueStore {
  const map = new Map<string, string>()
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) }
}

describe('links', () => {
  it('puts the token in the fragment and reads it back', () => {
    const link = boardLink('https://atelier.example', 'abcdefghijklmnop', 'tok/en+1')
    expect(link).toBe('https://atelier.example/b/abcdefghijklmnop#tok%2Fen%2B1')
    const url = new URL(link)
    expect(parseRoute(url.pathname, url.hash)).toEqual({
      page: 'board',
      boardId: 'abcdefghijklmnop',
      token: 'tok/en+1',
    })
  })
  it('routes landing, missing token and unknown paths', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'landing' })
    expect(parseRoute('/b/abc', '')).toEqual({ page: 'board', boardId: 'abc', token: null })
    expect(parseRoute('/b/abc', '#%E0%A4%A')).toEqual({ page: 'board', boardId: 'abc', token: null })
    expect(parseRoute('/nope', '')).toEqual({ page: 'notFound' })
  })
  it('routes join links with or without a code', () => {
    expect(joinLink('https://atelier.example.fr', 'K7QF3M')).toBe('https://atelier.example.fr/j/K7QF3M')
    expect(parseRoute('/j/K7QF3M', '')).toEqual({ page: 'join', code: 'K7QF3M' })
    expect(parseRoute('/j/k7q%20f3m/', '')).toEqual({ page: 'join', code: 'k7q f3m' })
    expect(parseRoute('/j', '')).toEqual({ page: 'join', code: null })
    expect(parseRoute('/j/', '')).toEqual({ page: 'join', code: null })
    expect(parseRoute('/j/a/b', '')).toEqual({ page: 'notFound' })
  })
})

describe('recent boards', () => {
  it('keeps the most recent first and never downgrades a facilitator entry', () => {
    const store = memoryStore()
    const tokens = { facilitator: 'f', participant: 'p', observer: 'o' }
    rememberBoard(store, { id: 'a', title: 'A', role: 'facilitator', token: 'f', tokens }, 1)
    rememberBoard(store, { id: 'b', title: 'B', role: 'participant', token: 'p2' }, 2)
    rememberBoard(store, { id: 'a', title: 'A2', role: 'participant', token: 'p' }, 3)
    const list = readRecent(store)
    expect(list.map((b) => b.id)).toEqual(['a', 'b'])
    expect(list[0]).toMatchObject({ role: 'facilitator', token: 'f', tokens, title: 'A2' })
  })
  it('records a replaced link on the board this browser created, and only there', () => {
    const store = memoryStore()
    const tokens = { facilitator: 'f', participant: 'p', observer: 'o' }
    rememberBoard(store, { id: 'a', title: 'A', role: 'facilitator', token: 'f', tokens }, 1)
    rememberBoard(store, { id: 'b', title: 'B', role: 'participant', token: 'p2' }, 2)
    expect(replaceRecentToken(store, 'a', 'participant', 'p-new')).toEqual({
      ...tokens,
      participant: 'p-new',
    })
    expect(readRecent(store).find((b) => b.id === 'a')?.tokens?.participant).toBe('p-new')
    expect(replaceRecentToken(store, 'b', 'participant', 'x')).toBeUndefined()
    expect(replaceRecentToken(store, 'missing', 'observer', 'x')).toBeUndefined()
  })
  it('survives corrupt storage', () => {
    const store = memoryStore()
    store.setItem('atelier.recentBoards', '{not json')
    expect(readRecent(store)).toEqual([])
  })
})

describe('presence', () => {
  it('assigns the least-used colour, stable for one person', () => {
    const first = assignColor('alice', [])
    expect(assignColor('alice', [])).toBe(first)
    const taken = PERSON_COLORS.filter((c) => c !== PERSON_COLORS[3])
    expect(assignColor('bob', taken)).toBe(PERSON_COLORS[3])
  })
  it('makes initials', () => {
    expect(initials('Marie Curie')).toBe('MC')
    expect(initials(' zoé ')).toBe('Z')
    expect(initials('Jean de La Fontaine')).toBe('JF')
    expect(initials('Marc (DG)')).toBe('MD')
    expect(initials('(DG)')).toBe('D')
    expect(initials('Élodie-Anne « EA »')).toBe('ÉE')
    expect(initials('  ')).toBe('')
  })
  it('validates remote awareness states', () => {
    expect(
      readPresence({
        user: { id: 'x', name: 'A', color: '#000', role: 'participant' },
        cursor: { x: 1, y: 2 },
      }),
    ).toEqual({
      user: { id: 'x', name: 'A', color: '#000', role: 'participant' },
      cursor: { x: 1, y: 2 },
    })
    expect(readPresence({ user: { id: 'x', name: 'A', color: '#000', role: 'admin' } })).toBeNull()
    expect(readPresence(null)).toBeNull()
  })
  it('publishes the cursor at most once per frame, and only after joining', () => {
    const fields: unknown[] = []
    let state: Record<string, unknown> | null = null
    const frames: (() => void)[] = []
    const publisher = new CursorPublisher(
      { getLocalState: () => state, setLocalStateField: (_f, v) => fields.push(v) },
      (fn) => frames.push(fn),
      () => undefined,
    )
    publisher.update({ x: 1, y: 1 })
    frames.shift()?.()
    expect(fields).toEqual([])
    state = { user: {} }
    publisher.update({ x: 2, y: 2 })
    publisher.update({ x: 3, y: 3 })
    expect(frames).toHaveLength(1)
    frames.shift()?.()
    expect(fields).toEqual([{ x: 3, y: 3 }])
  })
})

describe('connection status', () => {
  it('derives the badge from socket, history and network', () => {
    expect(deriveStatus({ socket: 'connecting', everConnected: false, online: true })).toBe('connecting')
    expect(deriveStatus({ socket: 'connected', everConnected: true, online: true })).toBe('connected')
    expect(deriveStatus({ socket: 'disconnected', everConnected: true, online: true })).toBe('reconnecting')
    expect(deriveStatus({ socket: 'connected', everConnected: true, online: false })).toBe('offline')
    expect(deriveStatus({ socket: 'disconnected', everConnected: true, online: true, stopped: true })).toBe(
      'stopped',
    )
  })
})

describe('transformIndex', () => {
  it('shifts a caret after remote inserts and deletes before it', () => {
    expect(transformIndex(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8)
    expect(transformIndex(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5)
    expect(transformIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3)
    expect(transformIndex(5, [{ retain: 3 }, { delete: 10 }])).toBe(3)
    expect(transformIndex(2, [{ retain: 4 }, { insert: 'x' }])).toBe(2)
  })
})
