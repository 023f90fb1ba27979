import type { z } from 'zod'
import { errors, type HttpError } from './errors.js'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(issue: z.core.$ZodIssue, body: Record<string, unknown>): HttpError {
  if (issue.code === 'unrecognized_keys') return errors.unknownField(issue.keys[0] ?? '')
  const field = issue.path.join('.')
  if (issue.code === 'invalid_type' && issue.path.length === 1 && body[field] === undefined) {
    return errors.invalidField(`${field} is required`)
  }
  // Shared schemas word their messages with the field name; zod's defaults do not.
  return errors.invalidField(issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`)
}

/** Validates a JSON body against a zod object schema; throws a 400 naming the first problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (!isPlainObject(body)) throw errors.bodyNotObject()
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw issue ? describe(issue, body) : errors.invalidField('invalid body')
}

/**
 * The nesting depth of a JSON text, scanned without parsing it (so without recursion), or
 * Infinity as soon as it passes `limit`.
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c)
        i++ // backslash: the next character is escaped
      else if (char === 0x22) inString = false
      continue
    }
    if (char === 0x22) inString = true
    else if (char === 0x7b || char === 0x5b) {
      depth++
      if (depth > limit) return Number.POSITIVE_INFINITY
      if (depth > deepest) deepest = depth
    } else if (char === 0x7d || char === 0x5d) depth--
  }
  return deepest
}

/** Deepest nesting a JSON body may have: templates are a few levels deep; validating deeper recurses. */
export const MAX_JSON_DEPTH = 64
