import { randomInt } from 'node:crypto'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@atelier/shared'

/** How long a code opens its board when the facilitator does not say otherwise. */
export const JOIN_CODE_VALIDITY_DAYS = 7
export const JOIN_CODE_VALIDITY_MS = JOIN_CODE_VALIDITY_DAYS * 24 * 60 * 60 * 1000

/** Six characters drawn uniformly from the 31 that cannot be mistaken for another (≈ 29.7 bits). */
export function newJoinCode(): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]
  return code
}
