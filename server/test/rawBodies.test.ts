import { IMAGE_MAX_BYTES } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { BACKUP_MAX_BYTES } from '../src/backup/format.js'
import { createBoard, onCleanup, testConfig } from './helpers.js'

async function setup() {
  const app = buildApp(testConfig())
  onCleanup(() => app.close())
  const board = await createBoard(app)
  return { app, board }
}

describe('raw bodies (images, backups)', () => {
  it('refuses an image over its limit with a 413 naming what and the limit', async () => {
    const { app, board } = await setup()
    const response = await app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/images`,
      headers: { 'content-type': 'image/png', authorization: `Bearer ${board.tokens.participant}` },
      payload: Buffer.alloc(IMAGE_MAX_BYTES + 1),
    })
    expect(response.statusCode).toBe(413)
    expect(response.json()).toEqual({ error: 'image is larger than 10 MiB' })
  })

  it('refuses a backup over its limit with a 413 naming what and the limit', async () => {
    const { app } = await setup()
    const response = await app.inject({
      method: 'POST',
      url: '/api/boards/import',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(BACKUP_MAX_BYTES + 1),
    })
    expect(response.statusCode).toBe(413)
    expect(response.json()).toEqual({ error: 'backup is larger than 64 MiB' })
  })

  it('takes any declared type as bytes, and leaves the route to judge them', async () => {
    const { app, board } = await setup()
    const asJson = await app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/images`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.participant}` },
      payload: '{"not": "an image"}',
    })
    expect(asJson.statusCode).toBe(415)
    expect(asJson.json()).toEqual({ error: 'body must be a PNG, JPEG, GIF or WebP image' })
    const wrongType = await app.inject({
      method: 'POST',
      url: '/api/boards/import',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    })
    expect(wrongType.statusCode).toBe(400)
    expect(wrongType.json()).toEqual({ error: 'body must be a backup file sent as application/octet-stream' })
  })

  it('keeps JSON routes on their own parser and limit', async () => {
    const { app } = await setup()
    const response = await app.inject({
      method: 'POST',
      url: '/api/boards',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x'.repeat(IMAGE_MAX_BYTES / 100) }),
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: 'body is larger than 64 KiB' })
  })
})
