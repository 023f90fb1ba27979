import { describe, expect, it, vi } from 'vitest'
import { PersonIdentity, personIdOf, requestIdentity, storedIdentity, storeIdentity } from './identity.js'

function memory() {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) }
}

describe('identity', () => {
  it('keeps one credential per board and reads the person id from it', () => {
    const store = memory()
    storeIdentity(store, 'board-a', { personId: 'p1', credential: 'p1.sig' })
    expect(storedIdentity(store, 'board-a')).toEqual({ personId: 'p1', credential: 'p1.sig' })
    expect(storedIdentity(store, 'board-b')).toBeNull()
    expect(personIdOf('nodot')).toBeNull()
  })

  it('asks the relay with the board token and refuses a malformed answer', async () => {
    const ok = vi.fn(
      async () => new Response(JSON.stringify({ personId: 'p', credential: 'p.s' }), { status: 201 }),
    )
    await expect(requestIdentity('b', 'tok', { name: 'Camille' }, ok)).resolves.toEqual({
      personId: 'p',
      credential: 'p.s',
    })
    const [url, init] = ok.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/boards/b/people')
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok')
    const bad = vi.fn(async () => new Response('{}', { status: 201 }))
    await expect(requestIdentity('b', 'tok', { name: 'Camille' }, bad)).rejects.toThrow()
  })

  it('is the device id until the relay issues a credential on joining, asked for once', async () => {
    const store = memory()
    const issued = { personId: 'relay-id', credential: 'relay-id.sig' }
    const request = vi.fn(async () => issued)
    const identity = new PersonIdentity('board-a', 'tok', store, request)
    const deviceId = identity.personId
    expect(identity.credential).toBeNull()
    const seen: string[] = []
    identity.subscribe(() => seen.push(identity.personId))
    await Promise.all([identity.join(' Camille '), identity.join('Camille')])
    expect(request).toHaveBeenCalledTimes(1)
    expect(request).toHaveBeenCalledWith('board-a', 'tok', { name: 'Camille' })
    expect(identity.getSnapshot()).toEqual({ ...issued, name: 'Camille', failed: false })
    expect(seen).toEqual([deviceId, 'relay-id'])
    // The next visit on this device knows both: the name and the board's credential.
    const again = new PersonIdentity('board-a', 'tok', store, request)
    expect(again.getSnapshot()).toMatchObject({ ...issued, name: 'Camille' })
    await again.join('Camille')
    expect(request).toHaveBeenCalledTimes(1)
    // Another board of the same device starts from the device id.
    expect(new PersonIdentity('board-b', 'tok', store, request).personId).toBe(deviceId)
  })

  it('on a board imported from another, sends the identity this device had there', async () => {
    const store = memory()
    storeIdentity(store, 'board-original', { personId: 'ana', credential: 'ana.sig' })
    const request = vi.fn(async () => ({ personId: 'ana', credential: 'ana.new-sig' }))
    const identity = new PersonIdentity('board-copy', 'tok', store, request, async () => 'board-original')
    await identity.join('Ana')
    expect(request).toHaveBeenCalledWith('board-copy', 'tok', {
      name: 'Ana',
      previous: { boardId: 'board-original', credential: 'ana.sig' },
    })
    expect(identity.personId).toBe('ana')
  })

  it('reports a refused credential and keeps the device id', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const identity = new PersonIdentity('b', 'tok', memory(), async () => {
      throw new Error('people endpoint answered 503')
    })
    await identity.join('Ann')
    expect(identity.getSnapshot()).toMatchObject({ credential: null, failed: true, name: 'Ann' })
    expect(errors).toHaveBeenCalledOnce()
    errors.mockRestore()
    await expect(identity.join('  ')).rejects.toThrow('non-empty name')
  })
})
