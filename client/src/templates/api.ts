import type {
  CreateBoardResponse,
  CreateLibraryResponse,
  Lang,
  LibraryResponse,
  Template,
  TemplateSummary,
} from '@atelier/shared'
import { readJson } from '../sync/api.js'

/** Calls of the templates and libraries API (docs/api.md). */

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  return readJson<T>(await fetch(url, { referrerPolicy: 'no-referrer', ...init }))
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** A board laid out from a built-in template, its texts in `lang`. */
export function createBoardFromBuiltin(title: string, templateId: string, lang: Lang) {
  return call<CreateBoardResponse>('/api/boards', {
    method: 'POST',
    ...json({ title, templateId }, { 'accept-language': lang }),
  })
}

export function createBoardFromLibrary(
  library: { id: string; token: string },
  templateId: string,
  title: string,
  lang: Lang,
) {
  return call<CreateBoardResponse>(
    `/api/libraries/${encodeURIComponent(library.id)}/templates/${encodeURIComponent(templateId)}/boards`,
    { method: 'POST', ...json({ title }, { ...bearer(library.token), 'accept-language': lang }) },
  )
}

export function createLibrary(name: string) {
  return call<CreateLibraryResponse>('/api/libraries', { method: 'POST', ...json({ name }) })
}

export function fetchLibrary(library: { id: string; token: string }) {
  return call<LibraryResponse>(`/api/libraries/${encodeURIComponent(library.id)}`, {
    headers: bearer(library.token),
  })
}

export function addToLibrary(library: { id: string; token: string }, template: Template) {
  return call<TemplateSummary>(`/api/libraries/${encodeURIComponent(library.id)}/templates`, {
    method: 'POST',
    ...json(template, bearer(library.token)),
  })
}

export function replaceInLibrary(library: { id: string; token: string }, template: Template) {
  return call<TemplateSummary>(
    `/api/libraries/${encodeURIComponent(library.id)}/templates/${encodeURIComponent(template.id)}`,
    { method: 'PUT', ...json(template, bearer(library.token)) },
  )
}

export function removeFromLibrary(library: { id: string; token: string }, templateId: string) {
  return call<null>(
    `/api/libraries/${encodeURIComponent(library.id)}/templates/${encodeURIComponent(templateId)}`,
    { method: 'DELETE', headers: bearer(library.token) },
  )
}

/** Adds a template, or replaces the library's template of the same id when `replace` is set. */
export async function saveToLibrary(
  library: { id: string; token: string },
  template: Template,
  replace: boolean,
): Promise<TemplateSummary> {
  return replace ? replaceInLibrary(library, template) : addToLibrary(library, template)
}
