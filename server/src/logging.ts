import type { FastifyRequest } from 'fastify'

/** Links carry their token in the query string (sync URLs, exports): never let one reach the logs. */
export function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]')
}

/** Fastify's request serializer, with the token taken out of the URL. */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactToken(request.url),
    remoteAddress: request.ip,
  }
}
