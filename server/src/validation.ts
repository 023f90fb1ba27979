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
