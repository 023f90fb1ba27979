import * as decoding from 'lib0/decoding'

/**
 * A complete reading of a Yjs update (format v1, as y-websocket sends it), done before the update
 * touches a document. Yjs itself reads the structs, integrates them, and only then reads the
 * delete set, ignoring what follows: a truncated update is half-applied before it throws, and
 * trailing bytes go unnoticed. This reader goes through every byte first, so the relay applies an
 * update only when all of it is well formed.
 */

/** An update the relay refuses to apply: the sender is closed with 1003. */
export class MalformedUpdate extends Error {
  override name = 'MalformedUpdate'
}

/** A struct id: (client, clock). */
export interface StructId {
  client: number
  clock: number
}

/** One struct of an update, as far as the relay's checks need it. */
export interface DecodedStruct {
  kind: 'item' | 'gc' | 'skip'
  id: StructId
  length: number
  /** Item to the left (and right) when it was created; null for GC, skips and items at a start. */
  origin: StructId | null
  rightOrigin: StructId | null
  /** Root type name (`items`…) when the item sits directly in a root type. */
  parentKey: string | null
  /** Id of the item holding the parent type, when the item is nested. */
  parentId: StructId | null
  /** The map key of the item, when its parent is a map. */
  parentSub: string | null
  /** Yjs content ref (1 deleted … 8 any); 0 for GC and skips. */
  contentRef: number
  /** For type content: the type ref (0 array, 1 map, 2 text…). */
  typeRef: number | null
}

export interface DeleteRange {
  client: number
  clock: number
  length: number
}

export interface DecodedUpdate {
  /** Structs by client, each client's in clock order. */
  structs: Map<number, DecodedStruct[]>
  deletes: DeleteRange[]
}

/** Deepest nesting of an `any` value (map values, array entries) or embedded JSON the relay accepts. */
export const MAX_VALUE_DEPTH = 64

const BITS5 = 31
const HAS_ORIGIN = 128
const HAS_RIGHT_ORIGIN = 64
const HAS_PARENT_SUB = 32

export const CONTENT_DELETED = 1
const CONTENT_JSON = 2
export const CONTENT_BINARY = 3
const CONTENT_STRING = 4
const CONTENT_EMBED = 5
const CONTENT_FORMAT = 6
export const CONTENT_TYPE = 7
export const CONTENT_ANY = 8
const CONTENT_DOC = 9
const SKIP = 10

/** Yjs' type refs: array, map, text; then its XML types (element, fragment, hook, text), up to 6. */
const ATELIER_TYPE_REFS = 3
const YJS_TYPE_REFS = 7

/** As lib0 decodes strings for Yjs: the same string lengths (a BOM is kept), invalid UTF-8 refused. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** lib0's reads do not stop at the end of a view (they may read the bytes that follow it in the buffer). */
class Reader {
  private readonly decoder: decoding.Decoder
  constructor(bytes: Uint8Array) {
    this.decoder = decoding.createDecoder(bytes)
  }

  private checked<T>(value: T): T {
    if (this.decoder.pos > this.decoder.arr.length) throw new MalformedUpdate('update ends too early')
    return value
  }

  uint(): number {
    if (this.decoder.pos >= this.decoder.arr.length) throw new MalformedUpdate('update ends too early')
    return this.checked(decoding.readVarUint(this.decoder))
  }

  byte(): number {
    if (this.decoder.pos >= this.decoder.arr.length) throw new MalformedUpdate('update ends too early')
    return decoding.readUint8(this.decoder)
  }

  /** A string as Yjs reads it (UTF-8, invalid sequences replaced). */
  string(): string {
    const length = this.uint()
    const start = this.decoder.pos
    this.skip(length)
    try {
      return utf8.decode(this.decoder.arr.subarray(start, start + length))
    } catch (error) {
      throw new MalformedUpdate('invalid UTF-8 in an update', { cause: error })
    }
  }

  bytes(): void {
    const length = this.uint()
    this.skip(length)
  }

  skip(count: number): void {
    if (this.decoder.pos + count > this.decoder.arr.length) throw new MalformedUpdate('update ends too early')
    this.decoder.pos += count
  }

  int(): void {
    if (this.decoder.pos >= this.decoder.arr.length) throw new MalformedUpdate('update ends too early')
    this.checked(decoding.readVarInt(this.decoder))
  }

  get done(): boolean {
    return this.decoder.pos === this.decoder.arr.length
  }
}

function readId(reader: Reader): StructId {
  return { client: reader.uint(), clock: reader.uint() }
}

/** Reads one lib0 `any` value, refusing nesting deeper than MAX_VALUE_DEPTH. */
function readAny(reader: Reader, depth: number): void {
  if (depth > MAX_VALUE_DEPTH) throw new MalformedUpdate('value nested too deeply')
  const tag = reader.byte()
  switch (tag) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      break
    case 125:
      reader.int()
      break
    case 124:
      reader.skip(4)
      break
    case 123:
    case 122:
      reader.skip(8)
      break
    case 119:
      reader.string()
      break
    case 118: {
      const size = reader.uint()
      for (let i = 0; i < size; i++) {
        reader.string()
        readAny(reader, depth + 1)
      }
      break
    }
    case 117: {
      const size = reader.uint()
      for (let i = 0; i < size; i++) readAny(reader, depth + 1)
      break
    }
    case 116:
      reader.bytes()
      break
    default:
      throw new MalformedUpdate(`unknown value tag ${tag}`)
  }
}

function readJson(reader: Reader): void {
  let value: unknown
  try {
    value = JSON.parse(reader.string())
  } catch (error) {
    throw new MalformedUpdate('invalid JSON in an update', { cause: error })
  }
  if (!depthWithin(value, MAX_VALUE_DEPTH)) throw new MalformedUpdate('value nested too deeply')
}

function depthWithin(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true
  if (depth === 0) return false
  return Object.values(value).every((child) => depthWithin(child, depth - 1))
}

/** Reads an item's content; returns its length in clock units and its type ref. */
function readContent(reader: Reader, ref: number): { length: number; typeRef: number | null } {
  switch (ref) {
    case CONTENT_DELETED:
      return { length: reader.uint(), typeRef: null }
    case CONTENT_BINARY:
      reader.bytes()
      return { length: 1, typeRef: null }
    case CONTENT_STRING:
      return { length: reader.string().length, typeRef: null }
    case CONTENT_EMBED:
      readJson(reader)
      return { length: 1, typeRef: null }
    case CONTENT_FORMAT:
      reader.string()
      readJson(reader)
      return { length: 1, typeRef: null }
    case CONTENT_TYPE: {
      const typeRef = reader.uint()
      if (typeRef >= YJS_TYPE_REFS) throw new MalformedUpdate(`unknown type ref ${typeRef}`)
      // XML types have no place in Atelier's documents, and a crafted one (holding null) breaks reading them.
      if (typeRef >= ATELIER_TYPE_REFS) throw new MalformedUpdate(`XML type ${typeRef}`)
      return { length: 1, typeRef }
    }
    case CONTENT_ANY: {
      const length = reader.uint()
      for (let i = 0; i < length; i++) readAny(reader, 1)
      return { length, typeRef: null }
    }
    case CONTENT_JSON:
      // Written by Yjs 12 only; this relay has never stored it.
      throw new MalformedUpdate('legacy JSON content')
    case CONTENT_DOC:
      // Subdocuments have no place in Atelier's documents.
      throw new MalformedUpdate('subdocument content')
    default:
      throw new MalformedUpdate(`unknown content ref ${ref}`)
  }
}

function readStruct(reader: Reader, id: StructId): DecodedStruct {
  const info = reader.byte()
  const ref = info & BITS5
  const bare = { id, origin: null, rightOrigin: null, parentKey: null, parentId: null, parentSub: null }
  if (ref === 0 || ref === SKIP) {
    return { ...bare, kind: ref === 0 ? 'gc' : 'skip', length: reader.uint(), contentRef: 0, typeRef: null }
  }
  const origin = info & HAS_ORIGIN ? readId(reader) : null
  const rightOrigin = info & HAS_RIGHT_ORIGIN ? readId(reader) : null
  const placedByNeighbours = origin !== null || rightOrigin !== null
  let parentKey: string | null = null
  let parentId: StructId | null = null
  if (!placedByNeighbours) {
    if (reader.uint() === 1) parentKey = reader.string()
    else parentId = readId(reader)
  }
  const parentSub = !placedByNeighbours && info & HAS_PARENT_SUB ? reader.string() : null
  const { length, typeRef } = readContent(reader, ref)
  return {
    kind: 'item',
    id,
    length,
    origin,
    rightOrigin,
    parentKey,
    parentId,
    parentSub,
    contentRef: ref,
    typeRef,
  }
}

/**
 * Reads a whole update: every struct, the delete set, and nothing after it. Throws
 * MalformedUpdate on anything Yjs would stumble on or silently ignore (a truncated update, trailing
 * bytes, a client listed twice, an empty struct or deletion, content Atelier never writes).
 */
export function decodeUpdate(bytes: Uint8Array): DecodedUpdate {
  try {
    return readUpdate(new Reader(bytes))
  } catch (error) {
    // lib0 throws its own errors on some cut varints: the update is malformed all the same.
    if (error instanceof MalformedUpdate) throw error
    throw new MalformedUpdate('unreadable update', { cause: error })
  }
}

function readUpdate(reader: Reader): DecodedUpdate {
  const structs = new Map<number, DecodedStruct[]>()
  const clients = reader.uint()
  for (let c = 0; c < clients; c++) {
    const count = reader.uint()
    const client = reader.uint()
    let clock = reader.uint()
    if (structs.has(client)) throw new MalformedUpdate(`client ${client} listed twice`)
    const list: DecodedStruct[] = []
    structs.set(client, list)
    for (let i = 0; i < count; i++) {
      const struct = readStruct(reader, { client, clock })
      if (struct.length === 0) throw new MalformedUpdate('empty struct')
      list.push(struct)
      clock += struct.length
    }
  }
  const deletes: DeleteRange[] = []
  const deleteClients = reader.uint()
  for (let c = 0; c < deleteClients; c++) {
    const client = reader.uint()
    const count = reader.uint()
    for (let i = 0; i < count; i++) {
      const clock = reader.uint()
      const length = reader.uint()
      // Yjs never writes one, and parks one beyond its state as pending, then fails re-encoding it.
      if (length === 0) throw new MalformedUpdate(`empty deletion of client ${client}`)
      deletes.push({ client, clock, length })
    }
  }
  if (!reader.done) throw new MalformedUpdate('trailing bytes after the update')
  return { structs, deletes }
}
