/** Bytes as the drivers bind them (better-sqlite3 takes Buffers only), without copying. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** A plain copy of bytes read from the database, detached from the driver's buffers. */
export function fromColumn(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes)
}
