import {
  type SafeParseTemplateResult,
  safeParseTemplate,
  serializeTemplate,
  type Template,
} from '@atelier/shared'

/** Template `.json` files: what labs mail to each other. */

export function templateFileName(template: Template): string {
  return `${template.id}.json`
}

/** Reads a file's text as a template file: migrated and validated, or the errors naming each field. */
export function readTemplateFile(text: string): SafeParseTemplateResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      errors: [`(file): not JSON — ${error instanceof Error ? error.message : String(error)}`],
    }
  }
  return safeParseTemplate(json)
}

/** Saves a template as a `.json` file through the browser's download. */
export function downloadTemplate(template: Template): void {
  const blob = new Blob([serializeTemplate(template)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = templateFileName(template)
  document.body.append(link)
  link.click()
  link.remove()
  // The click has started the download; the URL is no longer needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
