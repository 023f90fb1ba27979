/**
 * One entry of a room's stream: which node added it, what it is, and its bytes. Fields are kept
 * short: every update of every board crosses Redis once per node that has the board loaded.
 */
export type StreamEntry =
  /**
   * A stored update: the client's update merged with the corrections of the receiving node's rules;
   * `facilitator` when a facilitator wrote it (nobody else may then write under its client ids).
   */
  | { node: string; type: 'update'; data: Uint8Array; facilitator: boolean }
  /** A presence change of the adding node's clients (an encoded awareness update). */
  | { node: string; type: 'awareness'; data: Uint8Array }
  /** The adding node just loaded the room and asks the others for their clients' presence. */
  | { node: string; type: 'presence-query' }

const TYPE_CODES = { update: 'u', awareness: 'a', 'presence-query': 'q' } as const
const TYPES_BY_CODE = new Map<string, StreamEntry['type']>(
  Object.entries(TYPE_CODES).map(([type, code]) => [code, type as StreamEntry['type']]),
)

export class MalformedEntry extends Error {
  override name = 'MalformedEntry'
}

/** The XADD field-value arguments of an entry. */
export function entryFields(entry: StreamEntry): (string | Buffer)[] {
  const fields: (string | Buffer)[] = ['n', entry.node, 't', TYPE_CODES[entry.type]]
  if (entry.type !== 'presence-query') fields.push('d', Buffer.from(entry.data))
  if (entry.type === 'update' && entry.facilitator) fields.push('f', '1')
  return fields
}

/** Reads an entry's fields as XREAD returns them; throws MalformedEntry naming the problem. */
export function decodeEntry(fields: readonly Buffer[]): StreamEntry {
  if (fields.length % 2 !== 0) throw new MalformedEntry('odd number of fields')
  const values = new Map<string, Buffer>()
  for (let i = 0; i < fields.length; i += 2) {
    values.set(String(fields[i]), fields[i + 1] as Buffer)
  }
  const node = values.get('n')?.toString()
  if (!node) throw new MalformedEntry('no node')
  const code = values.get('t')?.toString() ?? ''
  const type = TYPES_BY_CODE.get(code)
  if (!type) throw new MalformedEntry(`unknown type ${JSON.stringify(code)}`)
  if (type === 'presence-query') return { node, type }
  const data = values.get('d')
  if (!data) throw new MalformedEntry(`${type} without data`)
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.length)
  if (type === 'awareness') return { node, type, data: bytes }
  return { node, type, data: bytes, facilitator: values.get('f')?.toString() === '1' }
}

/** Stream ids are `milliseconds-sequence`; the lower of two, by their numbers. */
export function lowerStreamId(a: string, b: string): string {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map(BigInt)
  const [bMs = 0n, bSeq = 0n] = b.split('-').map(BigInt)
  if (aMs !== bMs) return aMs < bMs ? a : b
  return aSeq <= bSeq ? a : b
}
