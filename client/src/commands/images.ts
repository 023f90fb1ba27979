import { imagesPath, type UploadImageResponse } from '@atelier/shared'
import i18next from 'i18next'
import { showToast } from '../lib/toasts.js'

/**
 * Image items store a server path without any token (the document is shared with every role
 * and exported); the token is added only when this browser loads or uploads the file.
 */
export function imageUploader(boardId: string, token: string) {
  const prefix = `${imagesPath(boardId)}/`
  return {
    async upload(file: Blob): Promise<string> {
      const response = await fetch(imagesPath(boardId), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': file.type || 'application/octet-stream',
        },
        body: file,
      })
      if (!response.ok) {
        showToast('error', i18next.t('canvas.imageFailed'))
        throw new Error(`upload refused: ${response.status}`)
      }
      const { src } = (await response.json()) as UploadImageResponse
      return src
    },
    url(src: string): string {
      return src.startsWith(prefix) ? `${src}?token=${encodeURIComponent(token)}` : src
    },
  }
}
