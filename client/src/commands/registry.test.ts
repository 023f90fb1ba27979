import i18next from 'i18next'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { TestEditor } from '../../test/TestEditor.js'
import core from '../i18n/locales/fr/core.json'
import { currentToasts, dismissToast } from '../lib/toasts.js'
import type { Command } from './types.js'

/** A promise the test settles when it chooses. */
function deferred() {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

/** A command that asks the server something: each run waits for the promise the test gives it. */
function requestCommand(extra: Partial<Command> = {}) {
  const pending: ReturnType<typeof deferred>[] = []
  const run = vi.fn(() => {
    const request = deferred()
    pending.push(request)
    return request.promise
  })
  const command: Command = {
    id: 'exportBoard',
    labelKey: 'commands.exportBoard',
    group: 'export',
    enabled: () => true,
    run,
    ...extra,
  }
  const editor = new TestEditor()
  editor.registry.register([command])
  return { editor, registry: editor.registry, ctx: editor.ctx, run, pending }
}

beforeAll(async () => {
  await i18next.init({
    lng: 'fr',
    resources: {
      fr: {
        translation: {
          ...core,
          commands: { ...core.commands, exportBoard: 'Exporter le tableau' },
          exportFailed: 'Impossible d’exporter le tableau pour le moment.',
        },
      },
    },
  })
})

afterEach(() => {
  for (const toast of currentToasts()) dismissToast(toast.id)
  vi.restoreAllMocks()
})

describe('a command that returns a promise', () => {
  it('is busy until its promise settles, and reports success to whoever awaits it', async () => {
    const { registry, ctx, pending } = requestCommand()
    const busyChanges = vi.fn()
    registry.subscribeBusy(busyChanges)
    const done = registry.runToEnd('exportBoard', ctx)
    expect(registry.isBusy('exportBoard', ctx)).toBe(true)
    expect(busyChanges).toHaveBeenCalledTimes(1)
    pending[0]?.resolve()
    expect(await done).toBe(true)
    expect(registry.isBusy('exportBoard', ctx)).toBe(false)
    expect(busyChanges).toHaveBeenCalledTimes(2)
    expect(currentToasts()).toEqual([])
  })

  it('does not run again while it is busy, and runs again once it has settled', async () => {
    const { registry, ctx, run, pending } = requestCommand()
    expect(registry.run('exportBoard', ctx)).toBe(true)
    expect(registry.run('exportBoard', ctx)).toBe(false)
    expect(await registry.runToEnd('exportBoard', ctx)).toBe(false)
    expect(run).toHaveBeenCalledTimes(1)
    pending[0]?.resolve()
    await vi.waitFor(() => expect(registry.isBusy('exportBoard', ctx)).toBe(false))
    expect(registry.run('exportBoard', ctx)).toBe(true)
    expect(run).toHaveBeenCalledTimes(2)
  })

  it('shows a failure in French, naming the command, and is free again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { registry, ctx, pending } = requestCommand()
    const done = registry.runToEnd('exportBoard', ctx)
    pending[0]?.reject(new Error('503 Service Unavailable'))
    expect(await done).toBe(false)
    expect(currentToasts()).toMatchObject([
      { kind: 'error', message: '« Exporter le tableau » n’a pas abouti. Réessayez dans un instant.' },
    ])
    expect(console.error).toHaveBeenCalledWith('command exportBoard failed', expect.any(Error))
    expect(registry.isBusy('exportBoard', ctx)).toBe(false)
  })

  it("shows the command's own failure message when it has one", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { registry, ctx, pending } = requestCommand({ failureKey: 'exportFailed' })
    const done = registry.runToEnd('exportBoard', ctx)
    pending[0]?.reject(new Error('nope'))
    await done
    expect(currentToasts().map((toast) => toast.message)).toEqual([
      'Impossible d’exporter le tableau pour le moment.',
    ])
  })

  it('keeps a command that returns nothing as it was: run at once, never busy', async () => {
    const { registry, ctx } = requestCommand()
    const run = vi.fn()
    registry.register([{ id: 'ping', labelKey: 'commands.ping', group: 'help', enabled: () => true, run }])
    expect(registry.run('ping', ctx)).toBe(true)
    expect(run).toHaveBeenCalledTimes(1)
    expect(registry.isBusy('ping', ctx)).toBe(false)
    expect(await registry.runToEnd('ping', ctx)).toBe(true)
  })
})
