import { SYNC_PREFIX } from '@atelier/shared'
import type { WebsocketProvider } from 'y-websocket'

/** The relay's sync endpoint on this page's host (`wss:` under HTTPS). */
export function relaySyncUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${SYNC_PREFIX}`
}

/** Reopens a room's socket with this person's credential, so the relay knows who writes. */
export function reopenAs(provider: WebsocketProvider, credential: string): void {
  if (provider.params.person === credential) return
  provider.params = { ...provider.params, person: credential }
  // Not connecting yet (a board waits for its local copy): the first connection carries it.
  if (!provider.shouldConnect) return
  provider.disconnect()
  provider.connect()
}
