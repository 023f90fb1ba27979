import fs from 'node:fs'
import path from 'node:path'
import { IMAGE_MAX_BYTES } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { detectImageType } from '../src/images/detect.js'
import { BACKEND, createBoard, onCleanup, openTestStore, testConfig } from './helpers.js'

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 7),
])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(16)])
const GIF = Buffer.from('GIF89a......', 'latin1')
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])

async function setup() {
  const config = testConfig()
  const app = buildApp(config)
  onCleanup(() => app.close())
  const board = await createBoard(app)
  const upload = (
    body: Buffer | string,
    token: string | null = board.tokens.participant,
    type = 'image/png',
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/images`,
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: body,
    })
  return { app, board, upload, config }
}

describe('image type detection', () => {
  it('recognises png, jpeg, gif and webp by their magic bytes only', () => {
    expect(detectImageType(PNG)).toBe('image/png')
    expect(detectImageType(JPEG)).toBe('image/jpeg')
    expect(detectImageType(GIF)).toBe('image/gif')
    expect(detectImageType(WEBP)).toBe('image/webp')
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(detectImageType(Buffer.from('RIFF....WAVE'))).toBeNull()
    expect(detectImageType(Buffer.alloc(0))).toBeNull()
  })
})

describe('image upload', () => {
  it('stores an image from a writer and serves it back to board members only', async () => {
    const { app, board, upload } = await setup()
    const response = await upload(PNG)
    expect(response.statusCode).toBe(201)
    const { id, src } = response.json() as { id: string; src: string }
    expect(src).toBe(`/api/boards/${board.id}/images/${id}`)
    expect(src).not.toContain('token')

    const asObserver = await app.inject({ url: `${src}?token=${board.tokens.observer}` })
    expect(asObserver.statusCode).toBe(200)
    expect(asObserver.headers['content-type']).toBe('image/png')
    expect(asObserver.headers['x-content-type-options']).toBe('nosniff')
    expect(asObserver.rawPayload.equals(PNG)).toBe(true)

    expect((await app.inject({ url: src })).statusCode).toBe(401)
    const other = await createBoard(app, 'Autre')
    expect((await app.inject({ url: `${src}?token=${other.tokens.facilitator}` })).statusCode).toBe(401)
    // Another board's token does not open this board's image under its own id either.
    expect(
      (await app.inject({ url: `/api/boards/${other.id}/images/${id}?token=${other.tokens.facilitator}` }))
        .statusCode,
    ).toBe(404)
  })

  it('stores the same picture once (content-addressed): a file under DATA_DIR, or a row in PostgreSQL', async () => {
    const { board, upload, config } = await setup()
    const first = (await upload(PNG)).json() as { id: string }
    const second = (await upload(PNG, board.tokens.facilitator)).json() as { id: string }
    expect(second.id).toBe(first.id)
    expect(await (await openTestStore(config)).images.list(board.id)).toEqual([first.id])
    expect(fs.existsSync(path.join(config.dataDir, 'images', board.id, first.id))).toBe(BACKEND === 'sqlite')
  })

  it('accepts every allowed type whatever the declared content type', async () => {
    const { upload } = await setup()
    for (const body of [JPEG, GIF, WEBP])
      expect((await upload(body, undefined, 'application/octet-stream')).statusCode).toBe(201)
  })

  it('refuses other files, even named as images', async () => {
    const { upload } = await setup()
    const svg = await upload('<svg onload="alert(1)"/>', undefined, 'image/png')
    expect(svg.statusCode).toBe(415)
    expect(svg.json()).toEqual({ error: 'body must be a PNG, JPEG, GIF or WebP image' })
    expect((await upload(Buffer.alloc(0))).statusCode).toBe(415)
  })

  it('refuses files over the size limit with 413', async () => {
    const { upload } = await setup()
    const big = Buffer.concat([PNG, Buffer.alloc(IMAGE_MAX_BYTES)])
    const response = await upload(big)
    expect(response.statusCode).toBe(413)
    expect(response.json().error).toMatch(/10 MiB/)
  })

  it('needs a writer token of this board', async () => {
    const { board, upload } = await setup()
    expect((await upload(PNG, null)).statusCode).toBe(401)
    expect((await upload(PNG, 'x'.repeat(43))).statusCode).toBe(401)
    const observer = await upload(PNG, board.tokens.observer)
    expect(observer.statusCode).toBe(403)
  })

  it('answers 404 for a malformed or unknown image id', async () => {
    const { app, board } = await setup()
    const token = board.tokens.participant
    expect(
      (await app.inject({ url: `/api/boards/${board.id}/images/..%2F..%2Fatelier.db?token=${token}` }))
        .statusCode,
    ).toBe(404)
    expect(
      (await app.inject({ url: `/api/boards/${board.id}/images/${'a'.repeat(64)}?token=${token}` }))
        .statusCode,
    ).toBe(404)
  })
})
