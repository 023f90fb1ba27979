import type { ItemSnapshot } from '@atelier/shared'
import type { Progress } from '../jobs.js'
import { boardFontCss } from './boardFont.js'
import { regionToSvg } from './boardSvg.js'
import { type ExportRegion, type ExportScope, exportRegion } from './region.js'
import { konvaTextLayout } from './textLayout.js'

/** What the person chose in the export dialog for a picture or a PDF. */
export interface ImageExportSettings {
  scope: ExportScope
  /** Pixels per board unit of a PNG (SVG and PDF are vector and ignore it). */
  scale: 1 | 2
  background: boolean
}

/** The board as an export reads it. */
export interface ExportSource {
  /** Every item, in paint order. */
  items: readonly ItemSnapshot[]
  /** The board's title, for the file name and the PDF header. */
  title: string
  /** Where this browser loads an image item's file from (with the board token). */
  imageUrl?: ((src: string) => string) | undefined
}

/** The scope has nothing to draw (empty board, frame deleted, nothing selected). */
export class NothingToExport extends Error {
  constructor(scope: ExportScope) {
    super(`nothing to export in ${scope.kind}`)
    this.name = 'NothingToExport'
  }
}

/** A picture larger than browsers can hold in one canvas. */
export class ExportTooLarge extends Error {
  constructor(width: number, height: number) {
    super(`a ${width}×${height} pixel picture is larger than a browser canvas allows`)
    this.name = 'ExportTooLarge'
  }
}

/** Browsers refuse canvases beyond 16384 px a side; 64 Mpx (256 MB of pixels) is a safe ceiling on area. */
const MAX_SIDE = 16_384
const MAX_PIXELS = 64_000_000

function assertDrawable(width: number, height: number): void {
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS)
    throw new ExportTooLarge(width, height)
}

export function regionOf(source: ExportSource, scope: ExportScope): ExportRegion {
  const region = exportRegion(source.items, scope)
  if (!region) throw new NothingToExport(scope)
  return region
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('could not read an image'))
    reader.readAsDataURL(blob)
  })
}

/**
 * The region's images as data: URLs, so the SVG stands alone (and a picture drawn from it is not
 * blocked from loading them). An image that fails to load is drawn as the canvas's placeholder.
 */
export async function embedImages(
  items: readonly ItemSnapshot[],
  imageUrl: ((src: string) => string) | undefined,
  signal: AbortSignal,
  progress?: Progress,
): Promise<Map<string, string>> {
  const sources = [...new Set(items.flatMap((item) => (item.type === 'image' && item.src ? [item.src] : [])))]
  const embedded = new Map<string, string>()
  for (const [index, src] of sources.entries()) {
    signal.throwIfAborted()
    const response = await fetch(imageUrl ? imageUrl(src) : src, { signal, referrerPolicy: 'no-referrer' })
    if (response.ok) embedded.set(src, await readAsDataUrl(await response.blob()))
    else console.warn(`image ${src} left out of the export: HTTP ${response.status}`)
    progress?.(index + 1, sources.length)
  }
  return embedded
}

/** The board font's files a region's text needs: its scripts, and the semi-bold of frame titles. */
function regionFontCss(region: ExportRegion, signal: AbortSignal): Promise<string> {
  const texts = region.items.flatMap((item) => (item.text ? [item.text] : []))
  if (region.title) texts.push(region.title)
  const weights = new Set([400, ...(region.items.some((item) => item.type === 'frame') ? [600] : [])])
  return boardFontCss(texts, weights, signal)
}

/**
 * The SVG document of a region, images embedded, and the board's font too unless `embedFont` is
 * false (the PDF, whose converter sets text in the PDF's own fonts).
 */
export async function regionSvg(
  source: ExportSource,
  region: ExportRegion,
  options: { background: boolean; scale?: number; embedFont?: boolean },
  signal: AbortSignal,
  progress?: Progress,
): Promise<string> {
  const [images, fontFaces] = await Promise.all([
    embedImages(region.items, source.imageUrl, signal, progress),
    options.embedFont === false ? undefined : regionFontCss(region, signal),
  ])
  return regionToSvg(region, {
    background: options.background,
    scale: options.scale ?? 1,
    layoutText: konvaTextLayout,
    imageHref: (src) => images.get(src),
    ...(fontFaces ? { fontFaces } : {}),
  })
}

/** Draws an SVG document onto a canvas of `width`×`height` pixels and encodes it as PNG. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  assertDrawable(width, height)
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) throw new Error('this browser gave no 2D canvas to draw the picture on')
    context.drawImage(image, 0, 0, width, height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
        'image/png',
      ),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Pixel size of a region's PNG at a scale. */
export function pixelSize(region: ExportRegion, scale: number): { width: number; height: number } {
  return { width: Math.ceil(region.bounds.w * scale), height: Math.ceil(region.bounds.h * scale) }
}

export async function exportPng(
  source: ExportSource,
  settings: ImageExportSettings,
  signal: AbortSignal,
  progress: Progress,
): Promise<Blob> {
  const region = regionOf(source, settings.scope)
  const { width, height } = pixelSize(region, settings.scale)
  // Fail before fetching images when the picture cannot be drawn anyway.
  assertDrawable(width, height)
  const svg = await regionSvg(
    source,
    region,
    { background: settings.background, scale: settings.scale },
    signal,
    progress,
  )
  signal.throwIfAborted()
  return svgToPng(svg, width, height)
}

export async function exportSvg(
  source: ExportSource,
  settings: ImageExportSettings,
  signal: AbortSignal,
  progress: Progress,
): Promise<Blob> {
  const region = regionOf(source, settings.scope)
  const svg = await regionSvg(source, region, { background: settings.background }, signal, progress)
  return new Blob([svg], { type: 'image/svg+xml' })
}
