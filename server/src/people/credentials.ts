import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { PERSON_ID_PATTERN, type Role } from '@atelier/shared'

/** A person's identity on one board, vouched for by the server's signature. */
export interface IssuedPerson {
  personId: string
  /** `<personId>.<signature>`: what the client keeps and sends back. */
  credential: string
}

/** HMAC-SHA256 is 32 bytes: 43 base64url characters. */
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** 16 random bytes, base64url: 22 characters, 128 bits, the shape of PERSON_ID_PATTERN. */
export function newPersonId(): string {
  return randomBytes(16).toString('base64url')
}

/**
 * Signs and checks person credentials. A credential binds a person id to one board and one role,
 * so it cannot be moved to another board nor used with another link's token, and the server needs
 * no table of people: the signature is the proof.
 */
export class PersonCredentials {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('the credential secret must be at least 32 bytes')
  }

  /** A new person on the board, or (`personId`) one whose identity another credential proved. */
  issue(boardId: string, role: Role, personId: string = newPersonId()): IssuedPerson {
    return { personId, credential: `${personId}.${this.sign(boardId, personId, role)}` }
  }

  /** The person id a credential proves on this board with this role, or null for anything else. */
  verify(boardId: string, role: Role, credential: string | null | undefined): string | null {
    if (!credential) return null
    const [personId, signature, ...rest] = credential.split('.')
    if (!personId || !signature || rest.length > 0) return null
    if (!PERSON_ID_PATTERN.test(personId) || !SIGNATURE_PATTERN.test(signature)) return null
    const expected = Buffer.from(this.sign(boardId, personId, role), 'base64url')
    return timingSafeEqual(expected, Buffer.from(signature, 'base64url')) ? personId : null
  }

  private sign(boardId: string, personId: string, role: Role): string {
    // Every field has a fixed alphabet without "\n", so the joined message is unambiguous.
    return createHmac('sha256', this.secret).update(`${boardId}\n${personId}\n${role}`).digest('base64url')
  }
}
