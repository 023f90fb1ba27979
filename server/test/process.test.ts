import { spawn } from 'node:child_process'
import { CloseCode, createItem, readItems } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { connectSynced, createBoardOver, tempDir, waitFor } from './helpers.js'
import { serverDir, spawnServer } from './serverProcess.js'

describe('server process', () => {
  it('stops with exit code 1 and a one-line error on an invalid setting', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@atelier/source', '--import', 'tsx', 'src/main.ts'],
      {
        cwd: serverDir,
        env: { PATH: process.env.PATH, PORT: 'abc', DATA_DIR: tempDir() },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const code = await new Promise((resolve) => child.once('exit', resolve))
    expect(code).toBe(1)
    expect(stderr).toBe('Invalid setting PORT: expected an integer 0-65535, got "abc"\n')
    // Starting tsx in a child process can take seconds on a loaded machine.
  }, 30_000)

  it('loses no forwarded update on SIGKILL, and closes with 1012 then exits 0 on SIGTERM', async () => {
    const dataDir = tempDir()
    const first = await spawnServer(dataDir)
    const board = await createBoardOver(first.http)
    const writer = await connectSynced(first.sync, board.id, board.tokens.participant)
    const reader = await connectSynced(first.sync, board.id, board.tokens.observer)

    const id = createItem(writer.doc, { type: 'note', x: 10, y: 20, text: 'survives kill -9' })
    await waitFor(() => readItems(reader.doc).some((item) => item.id === id), 'the relay to forward the note')
    first.child.kill('SIGKILL')
    expect((await first.exited).signal).toBe('SIGKILL')
    writer.destroy()
    reader.destroy()

    const second = await spawnServer(dataDir)
    const fresh = await connectSynced(second.sync, board.id, board.tokens.facilitator)
    expect(readItems(fresh.doc).find((item) => item.id === id)?.text).toBe('survives kill -9')

    const closeCodes: number[] = []
    fresh.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code)
    })
    second.child.kill('SIGTERM')
    expect(await second.exited).toEqual({ code: 0, signal: null })
    await waitFor(() => closeCodes.length > 0, 'the client to see the close')
    expect(closeCodes[0]).toBe(CloseCode.serviceRestart)
  }, 30_000)
})
