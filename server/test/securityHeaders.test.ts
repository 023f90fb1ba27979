import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { onCleanup, tempDir, testConfig } from './helpers.js'

function appWithClient() {
  const staticDir = tempDir()
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Atelier</title>')
  const app = buildApp(testConfig({ staticDir }))
  onCleanup(() => app.close())
  return app
}

describe('security headers', () => {
  it('serves the page with a Content-Security-Policy that allows only its own origin and sockets', async () => {
    const app = appWithClient()
    const response = await app.inject({
      method: 'GET',
      url: '/b/some-board',
      headers: { host: 'lab.example:8080' },
    })
    expect(response.statusCode).toBe(200)
    const policy = String(response.headers['content-security-policy'])
    const directives = new Map(
      policy.split(';').map((part) => {
        const [name = '', ...sources] = part.trim().split(/\s+/)
        return [name, sources] as const
      }),
    )
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'ws://lab.example:8080',
      'wss://lab.example:8080',
    ])
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(policy).not.toContain('upgrade-insecure-requests')
  })

  it('sends the usual security headers on API answers too', async () => {
    const app = appWithClient()
    const response = await app.inject({ method: 'GET', url: '/healthz' })
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(response.headers['referrer-policy']).toBe('no-referrer')
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin')
  })
})
