/** Hands a file to the browser's downloads, named `filename`. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own copy once started; a minute leaves slow browsers time to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** A file name from a board or frame title: letters, digits and dashes, accents kept, never empty. */
export function fileStem(...parts: readonly (string | undefined)[]): string {
  const words = parts
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return words || 'atelier'
}
