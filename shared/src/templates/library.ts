import { z } from 'zod'
import { TITLE_MAX_LENGTH } from '../api/boards.js'
import type { Template } from './format.js'

/** HTTP API of lab libraries (docs/api.md): request schemas and response bodies. */

export const LIBRARY_NAME_MAX_LENGTH = 100

const libraryName = z
  .string({ error: 'name must be a string' })
  .trim()
  .min(1, 'name must not be empty')
  .max(LIBRARY_NAME_MAX_LENGTH, `name must be at most ${LIBRARY_NAME_MAX_LENGTH} characters`)

/** POST /api/libraries and PATCH /api/libraries/:libraryId. */
export const libraryRequest = z.strictObject({ name: libraryName })
export type LibraryRequest = z.infer<typeof libraryRequest>

/** POST /api/libraries/:libraryId/templates/:templateId/boards. */
export const boardFromTemplateRequest = z.strictObject({
  title: z
    .string({ error: 'title must be a string' })
    .trim()
    .min(1, 'title must not be empty')
    .max(TITLE_MAX_LENGTH, `title must be at most ${TITLE_MAX_LENGTH} characters`),
})

/** 201 of POST /api/libraries: the token is shown once; only its hash is stored. */
export interface CreateLibraryResponse {
  id: string
  name: string
  token: string
}

/** GET /api/libraries/:libraryId: the library and its template files, oldest first. */
export interface LibraryResponse {
  id: string
  name: string
  templates: Template[]
}
