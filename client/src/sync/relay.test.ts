import { describe, expect, it } from 'vitest'
import { relaySyncUrl } from './relay.js'

describe('the relay sync endpoint', () => {
  it('is on the page’s host, over TLS when the page is', () => {
    expect(relaySyncUrl({ protocol: 'https:', host: 'atelier.example.fr' })).toBe(
      'wss://atelier.example.fr/sync',
    )
    expect(relaySyncUrl({ protocol: 'http:', host: 'localhost:3000' })).toBe('ws://localhost:3000/sync')
  })
})
