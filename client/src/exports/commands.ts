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

function fileName(ctx: CommandContext, settings: ImageExportSettings, extension: string): string {
  const { scope } = settings
  const frame = scope.kind === 'frame' ? ctx.board.getItem(scope.frameId)?.text : undefined
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
function drawnExport(id: string, extension: string, work: () => Promise<Work>): Command {
  return {
    id,
    labelKey: `exports.commands.${id}`,
    group: 'export',
    enabled: (ctx) => !exportRunning() && ctx.board.getItemIds().length > 0,
    run(ctx) {
      const settings = currentImageSettings(ctx)
      const source = exportSource(ctx)
      runExportJob(`exports.commands.${id}`, async (progress, signal) =>
        (await work())(source, settings, signal, progress),
      )
        .then((blob) => {
          if (blob) saveFile(blob, fileName(ctx, settings, extension))
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
export const exportPdfCommand = drawnExport('exportPdf', 'pdf', async () => {
  const { exportPdf } = await import('./pdf/boardPdf.js')
  const format = new Intl.DateTimeFormat(i18next.language, { dateStyle: 'long', timeStyle: 'short' })
  const labels = {
    date: format.format(new Date()),
    page: (n: number, total: number) => i18next.t('exports.pdf.page', { n, total }),
  }
  return (source, settings, signal, progress) => exportPdf(source, settings, labels, signal, progress)
})

export const exportCommands: readonly Command[] = [
  openExport,
  exportPngCommand,
  exportSvgCommand,
  exportPdfCommand,
]
