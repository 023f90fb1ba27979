import type { DocKind } from '@atelier/shared'
import type { ControlMessage } from './control.js'

/** What the cluster link sees of a room this node has loaded. */
export interface LinkedRoom {
  readonly name: string
  readonly boardId: string
  readonly kind: DocKind
  /**
   * Applies an update another node stored (its client's update with the corrections that node's
   * rules computed) and forwards it to this node's clients; it is never stored or judged again.
   * `byFacilitator`: its client ids become facilitators' ones here too.
   */
  applyRelayed(update: Uint8Array, byFacilitator: boolean): void
  /** Applies the presence of another node's clients and forwards it to this node's clients. */
  applyRelayedAwareness(update: Uint8Array): void
  /** Another node loaded the room: this node publishes its own clients' presence for it. */
  announcePresence(): void
  /** Applies what the store holds that the room may have missed (Redis lost it, a node died before relaying). */
  catchUp(): void
}

/**
 * How the nodes of one deployment reach each other (see docs/architecture.md, Several nodes). Absent
 * on a single node: the relay then never calls anything of it.
 */
export interface ClusterLink {
  /** Why this node cannot relay to the others, or null when it can. */
  readonly cause: string | null
  /**
   * The position of the room's stream now, read before the room reads the store: following from
   * it after the load misses nothing that was relayed (every entry was stored before it was
   * added). Null when Redis cannot be reached (the room catches up when it can again).
   */
  position(roomName: string): Promise<string | null>
  /** Reads the room's stream from `from` on, until `unfollow`. */
  follow(room: LinkedRoom, from: string | null): void
  unfollow(room: LinkedRoom): void
  /** Sends one stored update (client update and corrections merged) to the nodes that have the room. */
  publishUpdate(room: LinkedRoom, update: Uint8Array, byFacilitator: boolean): void
  /** Sends a presence change of this node's clients (an encoded awareness update). */
  publishAwareness(room: LinkedRoom, update: Uint8Array): void
  /** Sends a message to every node, this one included. */
  broadcast(message: ControlMessage): void
  /** Listens to the control messages of every node. */
  onControl(listener: (message: ControlMessage) => void): void
  close(): Promise<void>
}
