/** Every error the HTTP API answers with: one place for status codes and wording. */

export const BODY_LIMIT_BYTES = 64 * 1024

const MIB = 1024 * 1024

/** A size as people read it: whole MiB from one MiB up, whole KiB below. */
export function sizeLabel(bytes: number): string {
  return bytes >= MIB ? `${Math.floor(bytes / MIB)} MiB` : `${Math.floor(bytes / 1024)} KiB`
}

export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message)
  }
}

export const errors = {
  bodyNotJson: () => new HttpError(400, 'body must be JSON'),
  bodyNotObject: () => new HttpError(400, 'body must be a JSON object'),
  bodyTooDeep: (maxDepth: number) => new HttpError(400, `body is nested more than ${maxDepth} levels deep`),
  bodyTooLarge: () => new HttpError(400, `body is larger than ${sizeLabel(BODY_LIMIT_BYTES)}`),
  /** A file sent as raw bytes (an image, a backup) over its own limit. */
  bodyOver: (what: string, maxBytes: number) =>
    new HttpError(413, `${what} is larger than ${sizeLabel(maxBytes)}`),
  invalidField: (message: string) => new HttpError(400, message),
  unknownField: (name: string) => new HttpError(400, `unknown field "${name}"`),
  unknownTemplate: (templateId: string) => new HttpError(400, `unknown templateId "${templateId}"`),
  unauthorized: () => new HttpError(401, 'a valid token of this board is required'),
  personRequired: () => new HttpError(401, 'a valid person credential of this board is required'),
  forbidden: (message: string) => new HttpError(403, message),
  notFound: () => new HttpError(404, 'not found'),
  tooManyRequests: (retryAfterSeconds: number) =>
    new HttpError(429, `too many requests; try again in ${retryAfterSeconds} s`),
  upgradeRequired: () => new HttpError(426, 'this endpoint expects a WebSocket upgrade'),
  boardFull: (maxPeople: number) =>
    new HttpError(403, `this board already holds ${maxPeople} people, its limit`),
  storeUnavailable: (cause: string) => new HttpError(503, `the server cannot save right now (${cause})`),
  internal: () => new HttpError(500, 'internal server error'),
} as const

/** Fastify's own errors (body parsing) mapped onto the catalogue; null for any other error. */
export function fromFastifyError(code: string | undefined): HttpError | null {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errors.bodyNotJson()
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.bodyTooLarge()
    default:
      return null
  }
}
