import type { FastifyRequest } from 'fastify'

/** Query parameters that carry a secret: board tokens and person credentials. */
const SECRET_PARAMETERS = new Set(['token', 'person'])

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' ')).toLowerCase()
  } catch {
    return name.toLowerCase()
  }
}

/**
 * The URL with the values of secret query parameters replaced. Names are compared once decoded,
 * as the server's query parser reads them: `?%74oken=` is a token too.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?')
  if (queryStart < 0) return url
  const fragmentStart = url.indexOf('#', queryStart)
  const queryEnd = fragmentStart < 0 ? url.length : fragmentStart
  const query = url
    .slice(queryStart + 1, queryEnd)
    .split('&')
    .map((part) => {
      const equals = part.indexOf('=')
      const name = equals < 0 ? part : part.slice(0, equals)
      return SECRET_PARAMETERS.has(decodedName(name)) ? `${name}=[redacted]` : part
    })
    .join('&')
  return `${url.slice(0, queryStart + 1)}${query}${url.slice(queryEnd)}`
}

/** Fastify's request serializer, with the secrets taken out of the URL. */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    remoteAddress: request.ip,
  }
}
