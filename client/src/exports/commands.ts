import type { AgendaStep } from '@atelier/shared'
import i18next from 'i18next'
import type { Command, CommandContext } from '../commands/types.js'
import { showToast } from '../lib/toasts.js'
import { fileStem, saveFile } from './download.js'
import {
  type ExportSource,
  ExportTooLarge,
  exportPng,
  exportSvg,
  type ImageExportSettings,
  NothingToExport,
} from './image/imageExport.js'
import type { ExportScope } from './image/region.js'
import { exportRunning, type Progress, runExportJob } from './jobs.js'
import { stepPages } from './pdf/pdfPages.js'
import { getExportSettings } from './settings.js'

/** The dialog's choices, with "the selection" read now. */
export function currentImageSettings(ctx: CommandContext): ImageExportSettings {
  const { scope, scale, background } = getExportSettings()
  const resolved: ExportScope =
    scope.kind === 'selection' ? { kind: 'selection', ids: ctx.view.getState().selection } : scope
  return { scope: resolved, scale, background }
}

export function exportSource(ctx: CommandContext): ExportSource {
  return {
    items: ctx.board.pick(ctx.board.getItemIds()),
    title: ctx.board.getTitle() || i18next.t('board.untitled'),
    imageUrl: ctx.imageUrl,
  }
}

function fileName(
  ctx: CommandContext,
  settings: ImageExportSettings,
  extension: string,
  part?: string,
): string {
  const { scope } = settings
  const frame = part ?? (scope.kind === 'frame' ? ctx.board.getItem(scope.frameId)?.text : undefined)
  const scale = extension === 'png' && settings.scale === 2 ? '@2x' : ''
  return `${fileStem(ctx.board.getTitle(), frame)}${scale}.${extension}`
}

function failureMessage(error: unknown): string {
  if (error instanceof NothingToExport) return i18next.t('exports.errors.nothing')
  if (error instanceof ExportTooLarge) return i18next.t('exports.errors.tooLarge')
  return i18next.t('exports.errors.failed', {
    reason: error instanceof Error ? error.message : String(error),
  })
}

type Work = (
  source: ExportSource,
  settings: ImageExportSettings,
  signal: AbortSignal,
  progress: Progress,
) => Promise<Blob>

/** An export of the board drawn in this browser: runs as the one export job, then downloads. */
function drawnExport(
  id: string,
  extension: string,
  work: () => Promise<Work>,
  options: {
    /** Whether there is anything to export (default: the board has items). */
    ready?: (ctx: CommandContext) => boolean
    /** Added to the file name (default: the exported frame's name). */
    part?: () => string
  } = {},
): Command {
  return {
    id,
    labelKey: `exports.commands.${id}`,
    group: 'export',
    enabled: (ctx) => !exportRunning() && (options.ready?.(ctx) ?? ctx.board.getItemIds().length > 0),
    run(ctx) {
      const settings = currentImageSettings(ctx)
      const source = exportSource(ctx)
      runExportJob(`exports.commands.${id}`, async (progress, signal) =>
        (await work())(source, settings, signal, progress),
      )
        .then((blob) => {
          if (blob) saveFile(blob, fileName(ctx, settings, extension, options.part?.()))
        })
        .catch((error: unknown) => {
          console.error(error)
          showToast('error', failureMessage(error))
        })
    },
  }
}

export const openExport: Command = {
  id: 'openExport',
  labelKey: 'exports.commands.openExport',
  group: 'export',
  shortcuts: [{ code: 'KeyE', mod: true, shift: true }],
  enabled: () => true,
  run: (ctx) => ctx.view.set({ panel: 'export', menu: null }),
}

export const exportPngCommand = drawnExport('exportPng', 'png', async () => exportPng)
export const exportSvgCommand = drawnExport('exportSvg', 'svg', async () => exportSvg)
/** The PDF code (and jsPDF with it) loads on the first PDF export, not with the board. */
function pdfLabels() {
  const format = new Intl.DateTimeFormat(i18next.language, { dateStyle: 'long', timeStyle: 'short' })
  return {
    date: format.format(new Date()),
    page: (n: number, total: number) => i18next.t('exports.pdf.page', { n, total }),
  }
}

export const exportPdfCommand = drawnExport('exportPdf', 'pdf', async () => {
  const { exportPdf } = await import('./pdf/boardPdf.js')
  const labels = pdfLabels()
  return (source, settings, signal, progress) => exportPdf(source, settings, labels, signal, progress)
})

/**
 * The PDF with one page per agenda step (the step's frame, under its number and title). The
 * agenda lives in the session document, so the facilitation layer registers this command with
 * a way to read it.
 */
export function exportStepsPdfCommand(agenda: () => readonly AgendaStep[]): Command {
  return drawnExport(
    'exportStepsPdf',
    'pdf',
    async () => {
      const { pdfOfPages } = await import('./pdf/boardPdf.js')
      const labels = pdfLabels()
      return (source, settings, signal, progress) => {
        const pages = stepPages(source.items, agenda())
        if (pages.length === 0) throw new NothingToExport(settings.scope)
        return pdfOfPages(source, pages, labels, signal, progress)
      }
    },
    {
      ready: (ctx) => stepPages(ctx.board.pick(ctx.board.getItemIds()), agenda()).length > 0,
      part: () => i18next.t('exports.stepsFile'),
    },
  )
}

export const exportCommands: readonly Command[] = [
  openExport,
  exportPngCommand,
  exportSvgCommand,
  exportPdfCommand,
]
