import type { IncomingMessage } from 'node:http'
import helmet from '@fastify/helmet'
import fp from 'fastify-plugin'

/** The sockets of the page's own server, whatever name the lab serves it under. */
function ownSockets(request: IncomingMessage): string {
  const host = request.headers.host
  return host ? `ws://${host} wss://${host}` : ''
}

/**
 * Security headers on every answer, and a Content-Security-Policy that lets the page talk to its
 * own server only: scripts, styles, fonts and requests from this origin, its own WebSocket,
 * images from this origin plus `data:` (QR codes, template thumbnails) and `blob:` (files being
 * exported). A lab can show that the browser reaches nothing else.
 */
export const securityHeadersPlugin = fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", (request) => ownSockets(request)],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'self'"],
        },
      },
      // Labs often serve Atelier over plain HTTP on their own network: HSTS is the TLS proxy's call.
      strictTransportSecurity: false,
    })
  },
  { name: 'atelier-security-headers' },
)
