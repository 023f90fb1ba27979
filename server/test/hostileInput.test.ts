import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { redactUrl } from '../src/logging.js'
import { createBoard, onCleanup, tempDir, testConfig } from './helpers.js'

/** Collects the server's JSON log lines. */
function logged() {
  const lines: string[] = []
  return { lines, stream: { write: (line: string) => lines.push(line) } }
}

describe('log redaction', () => {
  it.each([
    ['/api/boards/b?token=T1', '/api/boards/b?token=[redacted]'],
    ['/api/boards/b?%74oken=T1', '/api/boards/b?%74oken=[redacted]'],
    ['/api/boards/b?TOKEN=T1&x=1', '/api/boards/b?TOKEN=[redacted]&x=1'],
    ['/sync/b?token=T1&person=P1', '/sync/b?token=[redacted]&person=[redacted]'],
    ['/sync/b?p%65rson=P1', '/sync/b?p%65rson=[redacted]'],
    ['/a?x=1&tok%65n=T1#frag', '/a?x=1&tok%65n=[redacted]#frag'],
    ['/a?%zz=1&token=T1', '/a?%zz=1&token=[redacted]'],
  ])('redacts %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected)
  })

  it('logs no token nor person credential, however the query spells them', async () => {
    const log = logged()
    const app = buildApp(testConfig({ logLevel: 'info' }), { logStream: log.stream })
    onCleanup(() => app.close())
    const board = await createBoard(app)
    const token = board.tokens.participant
    await app.inject({ method: 'GET', url: `/api/boards/${board.id}?%74oken=${token}` })
    await app.inject({ method: 'GET', url: `/sync/${board.id}?token=${token}&person=secret-credential` })
    const text = log.lines.join('')
    expect(text).toContain(`/api/boards/${board.id}?%74oken=[redacted]`)
    expect(text).not.toContain(token)
    expect(text).not.toContain('secret-credential')
  })
})

describe('JSON bodies', () => {
  it('answers 400 to a template nested thousands of levels deep', async () => {
    const app = buildApp(testConfig())
    onCleanup(() => app.close())
    const library = (
      await app.inject({ method: 'POST', url: '/api/libraries', payload: { name: 'Lab' } })
    ).json()
    const deep = `{"id":"deep","items":${'['.repeat(20_000)}${']'.repeat(20_000)}}`
    const response = await app.inject({
      method: 'POST',
      url: `/api/libraries/${library.id}/templates`,
      headers: { authorization: `Bearer ${library.token}`, 'content-type': 'application/json' },
      payload: deep,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: 'body is nested more than 64 levels deep' })
  })
})

const serverDir = path.resolve(import.meta.dirname, '..')

/** Makes a directory read-only for this process: a read-only bind mount (root), else permissions. */
function makeReadOnly(dir: string): 'mounted' | 'chmod' | null {
  try {
    execFileSync('mount', ['--bind', '-o', 'ro', dir, dir], { stdio: 'ignore' })
    execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'ignore' })
    return 'mounted'
  } catch {
    fs.chmodSync(dir, 0o500)
    try {
      fs.mkdirSync(path.join(dir, 'probe'))
      return null
    } catch {
      return 'chmod'
    }
  }
}

describe('a data directory that cannot be written', () => {
  it('stops the start with one line naming DATA_DIR and the cause', (context) => {
    const dataDir = path.join(tempDir(), 'data')
    fs.mkdirSync(dataDir)
    const how = makeReadOnly(dataDir)
    // Root without the right to mount: nothing here can make a directory read-only.
    if (how === null) return context.skip()
    onCleanup(() => {
      if (how === 'mounted') execFileSync('umount', [dataDir])
    })
    const run = spawnSync(
      process.execPath,
      ['--conditions=@atelier/source', '--import', 'tsx', 'src/main.ts'],
      {
        cwd: serverDir,
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 25_000,
      },
    )
    expect(run.status).toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Cannot use DATA_DIR .*data: (it is read-only|permission denied)$/)
    // Starting tsx on a busy machine takes seconds.
  }, 30_000)
})
