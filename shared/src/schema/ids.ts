const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * A random id of `bytes` bytes of entropy, URL-safe.
 * Uses getRandomValues rather than randomUUID: the latter is missing outside secure contexts,
 * and a lab may serve Atelier over plain HTTP on its intranet.
 */
export function randomId(bytes = 12): string {
  const values = globalThis.crypto.getRandomValues(new Uint8Array(bytes))
  let id = ''
  for (const value of values) id += ALPHABET[value & 63]
  // 6 bits per character: top up so the id carries at least `bytes * 8` bits.
  const extra = Math.ceil((bytes * 8) / 6) - bytes
  const more = globalThis.crypto.getRandomValues(new Uint8Array(extra))
  for (const value of more) id += ALPHABET[value & 63]
  return id
}
