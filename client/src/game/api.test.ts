import { describe, expect, it } from 'vitest'
import { GameApi, GameRequestFailed } from './api.js'

function fakeFetch(
  status: number,
  body: unknown,
  seen: Array<{ url: string; init: RequestInit }>,
): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init })
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  }) as unknown as typeof fetch
}

describe('GameApi', () => {
  it('sends the board token and the person credential', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = []
    const api = new GameApi(
      'board-1',
      'tok',
      () => 'person.sig',
      fakeFetch(200, { answer: { optionIds: ['a'] } }, seen),
    )
    await expect(api.answer('poll/1', { optionIds: ['a'] })).resolves.toEqual({
      answer: { optionIds: ['a'] },
    })
    expect(seen[0]?.url).toBe('/api/boards/board-1/polls/poll%2F1/answers')
    expect(seen[0]?.init.headers).toMatchObject({
      authorization: 'Bearer tok',
      'x-atelier-person': 'person.sig',
      'content-type': 'application/json',
    })
  })

  it('turns a refusal into an error naming the rule', async () => {
    const api = new GameApi(
      'b',
      't',
      () => null,
      fakeFetch(409, { error: 'the poll is closed', reason: 'poll-closed' }, []),
    )
    const failure = await api.answer('p', { words: ['x'] }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(GameRequestFailed)
    expect(failure).toMatchObject({ status: 409, reason: 'poll-closed', message: 'the poll is closed' })
  })
})
