import type { z } from 'zod'
import { type Template, templateSchema } from './format.js'
import { migrateTemplateJson } from './migrations.js'

/** `agenda[2].durationMinutes` from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out || '(template)'
}

/** One line per problem, each naming the field: `agenda[2].durationMinutes: must be a positive number`. */
function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ')
      return `${formatIssuePath(issue.path)}: unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`
    }
    return `${formatIssuePath(issue.path)}: ${issue.message}`
  })
}

/** A template file that does not follow the format. `errors` has one line per problem. */
export class TemplateValidationError extends Error {
  constructor(readonly errors: readonly string[]) {
    const shown = errors.slice(0, 5).join('; ')
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''
    super(`invalid template: ${shown}${more}`)
    this.name = 'TemplateValidationError'
  }
}

export type SafeParseTemplateResult = { ok: true; template: Template } | { ok: false; errors: string[] }

/** Migrates then validates a template file; never throws. */
export function safeParseTemplate(json: unknown): SafeParseTemplateResult {
  const result = templateSchema.safeParse(migrateTemplateJson(json))
  if (result.success) return { ok: true, template: result.data }
  return { ok: false, errors: formatIssues(result.error.issues) }
}

/** Migrates then validates a template file; throws a TemplateValidationError naming each bad field. */
export function parseTemplate(json: unknown): Template {
  const result = safeParseTemplate(json)
  if (!result.ok) throw new TemplateValidationError(result.errors)
  return result.template
}

/** The JSON a lab saves to its library (pretty-printed, stable key order of the template). */
export function serializeTemplate(template: Template): string {
  return `${JSON.stringify(template, null, 2)}\n`
}
