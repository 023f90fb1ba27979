/**
 * The IndexedDB database that holds a board's local copy, shared by the copy itself
 * (`localCopy.ts`) and the page's entry (`main.tsx`, which reads only the preview picture).
 * No imports: the page's entry reads it before the app's bundle loads.
 */

/** y-indexeddb's layout (a database per board, rows of updates), so copies it wrote still open. */
export const UPDATES = 'updates'
/** The preview picture of the board, drawn while the copy decodes (added in version 2). */
export const PREVIEW = 'preview'
export const PICTURE_KEY = 'picture'
const VERSION = 2

export function localCopyName(boardId: string): string {
  return `atelier-${boardId}`
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

export function openLocalDatabase(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, VERSION)
  req.onupgradeneeded = () => {
    const db = req.result
    if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true })
    if (!db.objectStoreNames.contains(PREVIEW)) db.createObjectStore(PREVIEW)
  }
  return request(req)
}

/**
 * What the board looked like at the camera it opens at, for a window of this size: drawn over
 * the page by the entry (main.tsx) while the copy decodes. A picture only, never read as data.
 */
export interface PreviewPicture {
  width: number
  height: number
  pixelRatio: number
  image: Blob
}

function isPicture(value: unknown): value is PreviewPicture {
  if (typeof value !== 'object' || value === null) return false
  const picture = value as Partial<PreviewPicture>
  return (
    typeof picture.width === 'number' &&
    typeof picture.height === 'number' &&
    typeof picture.pixelRatio === 'number' &&
    picture.image instanceof Blob
  )
}

/**
 * What the page's entry reads before the app starts: the stored picture, or null (none yet, or a
 * database without one), and whether the copy holds no update at all (new on this device).
 */
export async function readOpening(name: string): Promise<{ picture: PreviewPicture | null; empty: boolean }> {
  const db = await openLocalDatabase(name)
  try {
    const transaction = db.transaction([PREVIEW, UPDATES], 'readonly')
    const [value, updates] = await Promise.all([
      request(transaction.objectStore(PREVIEW).get(PICTURE_KEY)),
      request(transaction.objectStore(UPDATES).count()),
    ])
    return { picture: isPicture(value) ? value : null, empty: updates === 0 }
  } finally {
    db.close()
  }
}

/** The stored picture, or null (none yet, or a database without one). */
export async function readPreviewPicture(name: string): Promise<PreviewPicture | null> {
  return (await readOpening(name)).picture
}

export async function writePreviewPicture(db: IDBDatabase, picture: PreviewPicture): Promise<void> {
  await request(db.transaction(PREVIEW, 'readwrite').objectStore(PREVIEW).put(picture, PICTURE_KEY))
}

let painted: Promise<boolean> = Promise.resolve(false)

/** Set by the entry (main.tsx): resolves once the preview is on screen (false if there is none). */
export function announcePreview(onScreen: Promise<boolean>): void {
  painted = onScreen.catch((error: unknown) => {
    console.error('the preview of the board could not be drawn', error)
    return false
  })
}

/** Whether a preview was drawn (the copy then decodes only after it has been painted). */
export function previewPainted(): Promise<boolean> {
  return painted
}

const emptyCopies = new Map<string, Promise<boolean>>()

/** Set by the entry (main.tsx): whether the copy `name` held nothing when the page opened. */
export function announceCopyEmpty(name: string, empty: Promise<boolean>): void {
  emptyCopies.set(
    name,
    empty.catch(() => false),
  )
}

/** Resolves true if the entry found the copy `name` empty; false if it held something or was not read. */
export function copyFoundEmpty(name: string): Promise<boolean> {
  return emptyCopies.get(name) ?? Promise.resolve(false)
}
