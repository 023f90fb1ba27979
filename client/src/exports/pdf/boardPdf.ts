import { NOTE_TEXT_COLOR } from '@atelier/shared'
import {
  type ExportSource,
  type ImageExportSettings,
  NothingToExport,
  regionSvg,
} from '../image/imageExport.js'
import type { ExportRegion } from '../image/region.js'
import type { Progress } from '../jobs.js'
import { A4_LANDSCAPE, placeOnPage } from './pageLayout.js'
import { pdfPages } from './pdfPages.js'

/** Words of the header and footer, in the person's language. */
export interface PdfLabels {
  /** The date line, already formatted. */
  date: string
  /** "Page 2 / 5". */
  page(n: number, total: number): string
}

/**
 * The board as a PDF, A4 landscape, one page per frame: each page is the frame's SVG converted
 * to PDF vector graphics (jsPDF + svg2pdf.js, loaded only when someone exports), under a header
 * with the board's title, the frame's name and the date, on white paper (no board background). Text uses the PDF's standard Helvetica,
 * whose character set covers French; the line breaks are the canvas's own.
 */
export function exportPdf(
  source: ExportSource,
  settings: ImageExportSettings,
  labels: PdfLabels,
  signal: AbortSignal,
  progress: Progress,
): Promise<Blob> {
  const pages = pdfPages(source.items, settings.scope)
  if (pages.length === 0) throw new NothingToExport(settings.scope)
  return pdfOfPages(source, pages, labels, signal, progress)
}

/** The PDF of given pages (a region each, its title in the header): frames, or agenda steps. */
export async function pdfOfPages(
  source: ExportSource,
  pages: readonly ExportRegion[],
  labels: PdfLabels,
  signal: AbortSignal,
  progress: Progress,
): Promise<Blob> {
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')])
  const page = A4_LANDSCAPE
  const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true })
  doc.setProperties({ title: source.title, creator: 'Atelier' })
  // svg2pdf measures and resolves styles through the DOM: the SVG is attached, out of sight, while it converts.
  const host = document.createElement('div')
  host.style.cssText = 'position:fixed;left:-100000px;top:0;visibility:hidden'
  document.body.append(host)
  try {
    for (const [index, region] of pages.entries()) {
      signal.throwIfAborted()
      if (index > 0) doc.addPage('a4', 'landscape')
      doc.setTextColor(NOTE_TEXT_COLOR)
      doc.setFont('helvetica', 'bold')
      doc.setFontSize(15)
      doc.text(source.title, page.margin, page.margin + 5)
      doc.setFont('helvetica', 'normal')
      doc.setFontSize(10)
      doc.text(labels.date, page.width - page.margin, page.margin + 5, { align: 'right' })
      if (region.title) doc.text(region.title, page.margin, page.margin + 11)
      doc.setDrawColor('#868e96')
      doc.setLineWidth(0.2)
      doc.line(
        page.margin,
        page.margin + page.header - 2,
        page.width - page.margin,
        page.margin + page.header - 2,
      )
      doc.text(labels.page(index + 1, pages.length), page.width - page.margin, page.height - page.margin, {
        align: 'right',
      })
      // Paper is the background: a grey board behind every page would only cost toner.
      const svg = await regionSvg(source, region, { background: false, embedFont: false }, signal)
      const element = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement
      host.replaceChildren(element)
      const place = placeOnPage(region.bounds, page)
      await svg2pdf(element, doc, { x: place.x, y: place.y, width: place.width, height: place.height })
      progress(index + 1, pages.length)
    }
  } finally {
    host.remove()
  }
  return doc.output('blob')
}
