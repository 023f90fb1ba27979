import { boundsOf, cloneItems, copyable, type ItemInit, type ItemSnapshot, type Point } from '@atelier/shared'
import { withGroups } from '../store/selection.js'
import { authorOf, boardCenter, hasSelection, modifiable, writable } from './helpers.js'
import type { ClipboardLike, Command, CommandContext } from './types.js'

/**
 * Copy/paste goes through the system clipboard as text: a JSON payload that another Atelier
 * board (another tab, another server) recognises, and that any other program simply sees as
 * text. Plain text pasted from elsewhere becomes notes, one per line.
 */
export const CLIPBOARD_KIND = 'atelier/items'

export interface ClipboardPayload {
  kind: typeof CLIPBOARD_KIND
  version: 1
  items: ItemSnapshot[]
}

/** Last copy of this tab: used when the browser refuses to read the clipboard (menu, palette). */
let lastCopied: string | null = null

export function serializeItems(items: readonly ItemSnapshot[]): string {
  const payload: ClipboardPayload = { kind: CLIPBOARD_KIND, version: 1, items: [...items] }
  return JSON.stringify(payload)
}

export function parsePayload(text: string): ItemSnapshot[] | null {
  if (!text.trimStart().startsWith('{')) return null
  try {
    const parsed = JSON.parse(text) as Partial<ClipboardPayload>
    if (parsed.kind !== CLIPBOARD_KIND || !Array.isArray(parsed.items)) return null
    return parsed.items.filter(
      (item): item is ItemSnapshot =>
        typeof item === 'object' &&
        item !== null &&
        typeof item.id === 'string' &&
        typeof item.type === 'string',
    )
  } catch {
    return null
  }
}

/** What a copy takes: the selection with its groups, plus arrows whose both ends are copied. */
function copiedItems(ctx: CommandContext): ItemSnapshot[] {
  const ids = new Set(withGroups(ctx.board, ctx.view.getState().selection))
  for (const item of ctx.board.getItems().values()) {
    if (item.type === 'connector' && item.from && item.to && ids.has(item.from) && ids.has(item.to))
      ids.add(item.id)
  }
  return ctx.board.pick(ctx.board.getItemIds().filter((id) => ids.has(id)))
}

function writeClipboard(text: string, clipboard?: ClipboardLike): void {
  lastCopied = text
  if (clipboard) clipboard.setData('text/plain', text)
  else void navigator.clipboard?.writeText(text).catch(() => undefined)
}

/** Items re-created with fresh ids, centred on `at`; arrows keep only ends that came along. */
export function pasteItems(ctx: CommandContext, items: readonly ItemSnapshot[], at: Point): string[] {
  const bounds = boundsOf(items.filter((item) => item.type !== 'connector'))
  const offset = bounds
    ? { x: Math.round(at.x - (bounds.x + bounds.w / 2)), y: Math.round(at.y - (bounds.y + bounds.h / 2)) }
    : { x: 0, y: 0 }
  // Pasted elsewhere (maybe on another board), an arrow whose end was not copied has nothing to join.
  const { items: copies } = cloneItems(items.map(copyable), { offset, outside: 'drop' })
  return ctx.board.create(copies.map((item) => ({ ...item, ...authorOf(ctx) })))
}

/** One note per non-empty line, laid out in rows of five around `at`. */
export function pasteLines(ctx: CommandContext, text: string, at: Point): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 200)
  const size = 200
  const gap = 24
  const columns = Math.min(5, lines.length)
  const rows = Math.ceil(lines.length / 5)
  const left = at.x - (columns * (size + gap) - gap) / 2
  const top = at.y - (rows * (size + gap) - gap) / 2
  const color = ctx.view.getState().noteColor
  return ctx.board.create(
    lines.map((line, i) => ({
      type: 'note' as const,
      x: Math.round(left + (i % 5) * (size + gap)),
      y: Math.round(top + Math.floor(i / 5) * (size + gap)),
      w: size,
      h: size,
      text: line,
      color,
      ...authorOf(ctx),
    })),
  )
}

/** Pastes text (payload or plain lines) at `at`; returns the new ids. */
export function pasteText(ctx: CommandContext, text: string, at: Point): string[] {
  const items = parsePayload(text)
  return items ? pasteItems(ctx, items, at) : pasteLines(ctx, text, at)
}

export const copy: Command = {
  id: 'copy',
  labelKey: 'commands.copy',
  group: 'edit',
  shortcuts: [{ key: 'c', mod: true }],
  clipboardEvent: 'copy',
  contextMenu: true,
  enabled: hasSelection,
  run(ctx, args) {
    writeClipboard(serializeItems(copiedItems(ctx)), args?.clipboard)
  },
}

export const cut: Command = {
  id: 'cut',
  labelKey: 'commands.cut',
  group: 'edit',
  shortcuts: [{ key: 'x', mod: true }],
  clipboardEvent: 'cut',
  contextMenu: true,
  enabled: (ctx) => modifiable(ctx).length > 0,
  run(ctx, args) {
    writeClipboard(serializeItems(copiedItems(ctx)), args?.clipboard)
    ctx.board.deleteItems(modifiable(ctx).map((item) => item.id))
    ctx.view.set({ selection: [], editingId: null })
  },
}

export const paste: Command = {
  id: 'paste',
  labelKey: 'commands.paste',
  group: 'edit',
  shortcuts: [{ key: 'v', mod: true }],
  clipboardEvent: 'paste',
  contextMenu: true,
  enabled: writable,
  run(ctx, args) {
    const at = args?.at ?? boardCenter(ctx)
    const done = (ids: string[]) => {
      if (ids.length > 0) ctx.view.set({ selection: ids, editingId: null, tool: 'select' })
    }
    const clipboard = args?.clipboard
    if (clipboard) {
      const files = Array.from(clipboard.files ?? []).filter((file) => file.type.startsWith('image/'))
      if (files.length > 0) {
        void insertImages(ctx, files, at).then(done)
        return
      }
      const text = clipboard.getData('text/plain')
      if (text) done(pasteText(ctx, text, at))
      return
    }
    // From a menu: the async clipboard API may be refused; this tab's last copy still works.
    const fallback = () => (lastCopied ? done(pasteText(ctx, lastCopied, at)) : undefined)
    if (!navigator.clipboard?.readText) return fallback()
    navigator.clipboard
      .readText()
      .then((text) => (text ? done(pasteText(ctx, text, at)) : fallback()), fallback)
  },
}

/** Largest side of a pasted image on the board, so a photo does not cover the whole workshop. */
const IMAGE_MAX_SIDE = 480

async function imageSize(file: Blob): Promise<{ w: number; h: number }> {
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, IMAGE_MAX_SIDE / Math.max(bitmap.width, bitmap.height))
    const size = { w: Math.round(bitmap.width * scale), h: Math.round(bitmap.height * scale) }
    bitmap.close()
    return size
  } catch {
    return { w: IMAGE_MAX_SIDE, h: Math.round(IMAGE_MAX_SIDE * 0.75) }
  }
}

/** Uploads image files and places them side by side at `at`; failed uploads are skipped. */
export async function insertImages(
  ctx: CommandContext,
  files: readonly Blob[],
  at: Point,
): Promise<string[]> {
  const upload = ctx.uploadImage
  if (!upload || ctx.readOnly) return []
  const placed: ItemInit[] = []
  let x = at.x
  for (const file of files) {
    try {
      const [src, size] = await Promise.all([upload(file), imageSize(file)])
      placed.push({
        type: 'image',
        x: Math.round(x - size.w / 2),
        y: Math.round(at.y - size.h / 2),
        ...size,
        src,
        ...authorOf(ctx),
      })
      x += size.w + 24
    } catch {
      // The uploader tells the person about a refused file; the other files still go in.
    }
  }
  return ctx.board.create(placed)
}
