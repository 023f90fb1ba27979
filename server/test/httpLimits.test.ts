import net from 'node:net'
import { IMAGE_MAX_BYTES, peopleMap, roomName } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import type { Limits } from '../src/config.js'
import { readDocument } from '../src/store/documents.js'
import { createBoard, listen, onCleanup, openTestStore, testConfig } from './helpers.js'

function png(fill: number, bytes = 800): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(bytes - 8, fill),
  ])
}

async function start(limits: Partial<Limits> = {}) {
  const config = testConfig({ limits })
  const store = await openTestStore(config)
  const app = buildApp(config, { store })
  onCleanup(() => app.close())
  return { app, store, board: await createBoard(app) }
}

/**
 * Sends the head of an upload announcing a 10 MiB body, then only its first kilobyte, and resolves
 * with the status line the server answers: an answer that comes means the server did not wait
 * for (nor hold) the body.
 */
function statusBeforeBody(port: number, path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    onCleanup(() => socket.destroy())
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1')
      const line = answer.split('\r\n')[0]
      if (answer.includes('\r\n') && line) resolve(line)
    })
    socket.on('error', reject)
    const head = [
      `POST ${path} HTTP/1.1`,
      'host: 127.0.0.1',
      'content-type: image/png',
      `content-length: ${IMAGE_MAX_BYTES}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ]
    socket.write(`${head.join('\r\n')}\r\n\r\n`)
    socket.write(png(1, 1024))
  })
}

describe('HTTP limits', () => {
  it('refuses image uploads without a writer token before reading their bodies, 40 at once', async () => {
    const { app, board } = await start()
    const { http } = await listen(app)
    const port = Number(new URL(http).port)
    const path = `/api/boards/${board.id}/images`
    const anonymous = await Promise.all(Array.from({ length: 40 }, () => statusBeforeBody(port, path, {})))
    expect(new Set(anonymous)).toEqual(new Set(['HTTP/1.1 401 Unauthorized']))
    expect(await statusBeforeBody(port, path, { authorization: `Bearer ${board.tokens.observer}` })).toBe(
      'HTTP/1.1 403 Forbidden',
    )
  })

  it('refuses before reading it an upload whose announced size would pass the quota', async () => {
    const { app, board } = await start({ imageBytesPerBoard: 1024 * 1024 })
    const { http } = await listen(app)
    const path = `/api/boards/${board.id}/images`
    const status = await statusBeforeBody(Number(new URL(http).port), path, {
      authorization: `Bearer ${board.tokens.participant}`,
    })
    expect(status).toBe('HTTP/1.1 413 Payload Too Large')
  })

  it("keeps a board's images within its quota", async () => {
    const { app, board } = await start({ imageBytesPerBoard: 2000 })
    const upload = (body: Buffer) =>
      app.inject({
        method: 'POST',
        url: `/api/boards/${board.id}/images`,
        headers: { 'content-type': 'image/png', authorization: `Bearer ${board.tokens.participant}` },
        payload: body,
      })
    expect((await upload(png(1))).statusCode).toBe(201)
    expect((await upload(png(1))).statusCode).toBe(201)
    expect((await upload(png(2))).statusCode).toBe(201)
    const over = await upload(png(3))
    expect(over.statusCode).toBe(413)
    expect(over.json().error).toBe("this board's images would exceed its quota of 1 KiB")
    const other = await createBoard(app, 'Autre')
    const elsewhere = await app.inject({
      method: 'POST',
      url: `/api/boards/${other.id}/images`,
      headers: { 'content-type': 'image/png', authorization: `Bearer ${other.tokens.participant}` },
      payload: png(3),
    })
    expect(elsewhere.statusCode).toBe(201)
  })

  it('answers 429 with Retry-After to an address creating boards too fast; other routes carry on', async () => {
    const { app } = await start({ boardsPerMinute: 3 })
    // start() created one board already.
    const create = () => app.inject({ method: 'POST', url: '/api/boards', payload: { title: 'Encore' } })
    expect((await create()).statusCode).toBe(201)
    expect((await create()).statusCode).toBe(201)
    const refused = await create()
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.json().error).toMatch(/^too many requests; try again in /)
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
  })

  it('caps the people of a board: one link cannot grow the session document without bound', async () => {
    const { app, store, board } = await start({ peoplePerBoard: 3 })
    const join = (name: string) =>
      app.inject({
        method: 'POST',
        url: `/api/boards/${board.id}/people`,
        headers: { authorization: `Bearer ${board.tokens.observer}` },
        payload: { name },
      })
    for (const name of ['Ana', 'Ben', 'Cléo']) expect((await join(name)).statusCode).toBe(201)
    const refused = await join('Dan')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error).toBe('this board already holds 3 people, its limit')
    const session = await readDocument(store, roomName(board.id, 'session'))
    expect(peopleMap(session).size).toBe(3)
  })
})
