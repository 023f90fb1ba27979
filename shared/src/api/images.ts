/** Image upload: `POST /api/boards/:boardId/images` with a writer's token, raw bytes as the body. */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024

const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const
export type ImageMimeType = (typeof IMAGE_MIME_TYPES)[number]

/** Path of a board's image collection; an image is `${imagesPath(boardId)}/${imageId}`. */
export function imagesPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/images`
}

/** Answer of a successful upload: `src` is what an image item stores (no token in it). */
export interface UploadImageResponse {
  id: string
  src: string
}
