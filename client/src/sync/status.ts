export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped'

export interface LinkFacts {
  /** Last status the WebSocket provider reported. */
  socket: 'connecting' | 'connected' | 'disconnected'
  /** Whether this tab has been connected at least once since opening the board. */
  everConnected: boolean
  /** navigator.onLine: false when the device has no network at all. */
  online: boolean
  /** This tab stopped syncing: the relay refuses what it holds (`BoardConnection.onRefused`). */
  stopped?: boolean
}

/** What the status badge shows; pure so the mapping is tested rather than eyeballed. */
export function deriveStatus(facts: LinkFacts): ConnectionStatus {
  if (facts.stopped) return 'stopped'
  if (!facts.online) return 'offline'
  if (facts.socket === 'connected') return 'connected'
  return facts.everConnected ? 'reconnecting' : 'connecting'
}
