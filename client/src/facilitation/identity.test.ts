import { describe, expect, it, vi } from 'vitest'
import { personIdOf, personParams, requestIdentity, storedIdentity, storeIdentity } from './identity.js'

function memory() {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) }
}

describe('identity', () => {
  it('keeps one credential per board and reads the person id from it', () => {
    const store = memory()
    expect(personParams(store, 'board-a')).toEqual({})
    storeIdentity(store, 'board-a', { personId: 'p1', credential: 'p1.sig' })
    expect(storedIdentity(store, 'board-a')).toEqual({ personId: 'p1', credential: 'p1.sig' })
    expect(storedIdentity(store, 'board-b')).toBeNull()
    expect(personParams(store, 'board-a')).toEqual({ person: 'p1.sig' })
    expect(personIdOf('nodot')).toBeNull()
  })

  it('asks the relay with the board token and refuses a malformed answer', async () => {
    const ok = vi.fn(
      async () => new Response(JSON.stringify({ personId: 'p', credential: 'p.s' }), { status: 201 }),
    )
    await expect(requestIdentity('b', 'tok', 'Camille', ok)).resolves.toEqual({
      personId: 'p',
      credential: 'p.s',
    })
    const [url, init] = ok.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/boards/b/people')
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok')
    const bad = vi.fn(async () => new Response('{}', { status: 201 }))
    await expect(requestIdentity('b', 'tok', 'Camille', bad)).rejects.toThrow()
  })
})
