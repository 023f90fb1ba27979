import { HttpError } from '../errors.js'

/** The answers of the libraries API that the shared catalogue (errors.ts) does not have. */
export const libraryErrors = {
  unauthorized: () => new HttpError(401, 'a valid token of this library is required'),
  templateNotFound: (templateId: string) => new HttpError(404, `no template "${templateId}" in this library`),
  templateExists: (templateId: string) =>
    new HttpError(409, `this library already holds a template "${templateId}"; replace it with PUT`),
  idMismatch: (templateId: string) => new HttpError(400, `id: must be "${templateId}", the id in the URL`),
  invalidTemplate: (message: string) => new HttpError(400, message),
} as const
