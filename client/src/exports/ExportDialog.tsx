import type { ItemSnapshot } from '@atelier/shared'
import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { useView } from '../store/hooks.js'
import { CloseIcon } from '../ui/icons.js'
import { Modal } from '../ui/Modal.js'
import { useCommandEnabled } from '../ui/useCommand.js'
import { regionToSvg } from './image/boardSvg.js'
import { type ExportScope, exportRegion, framesInReadingOrder } from './image/region.js'
import { konvaTextLayout } from './image/textLayout.js'
import { exportLinks } from './links.js'
import { pdfPages } from './pdf/pdfPages.js'
import { type ExportSettings, setExportSettings, useExportSettings } from './settings.js'
import './exports.css'

/** The export dialog, open while the view's panel is 'export'. */
export function ExportDialog() {
  const { view } = useSession()
  const open = useView(view, (s) => s.panel === 'export')
  return open ? <ExportDialogBody /> : null
}

function ExportDialogBody() {
  const { t, i18n } = useTranslation()
  const { view, board, ctx, registry, boardId, token } = useSession()
  const settings = useExportSettings()
  const selection = useView(view, (s) => s.selection)
  const close = () => view.set({ panel: null })
  // The board as it is when the dialog opens: the preview does not redraw on every remote keystroke.
  const items = useMemo(() => board.pick(board.getItemIds()), [board])
  const frames = useMemo(() => framesInReadingOrder(items), [items])
  const scope = settings.scope
  // A frame deleted since it was chosen falls back to the whole board.
  const frameGone = scope.kind === 'frame' && !frames.some((frame) => frame.id === scope.frameId)
  const effective: ExportSettings['scope'] =
    frameGone || (scope.kind === 'selection' && selection.length === 0) ? { kind: 'board' } : scope
  const semicolon = settings.semicolon ?? i18n.language !== 'en'
  const links = exportLinks(boardId, token, i18n.language, {
    semicolon,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  })
  const ids = useId()

  const setScope = (kind: ExportSettings['scope']['kind']) => {
    if (kind === 'frame') {
      const first = frames[0]
      if (first) setExportSettings({ scope: { kind: 'frame', frameId: first.id } })
    } else setExportSettings({ scope: { kind } })
  }
  const exportWith = (command: string) => {
    if (effective !== scope) setExportSettings({ scope: effective })
    registry.run(command, ctx)
    close()
  }

  return (
    <Modal labelledBy={`${ids}-title`} onClose={close} testId="export-dialog">
      <div className="modal-body export-dialog">
        <div className="modal-header">
          <h2 id={`${ids}-title`}>{t('exports.title')}</h2>
          <button type="button" className="icon-button" aria-label={t('exports.close')} onClick={close}>
            <CloseIcon />
          </button>
        </div>
        <section aria-labelledby={`${ids}-picture`}>
          <h3 id={`${ids}-picture`}>{t('exports.picture')}</h3>
          <div className="export-grid">
            <div className="export-choices">
              <fieldset>
                <legend>{t('exports.scope')}</legend>
                <label>
                  <input
                    type="radio"
                    name={`${ids}-scope`}
                    checked={effective.kind === 'board'}
                    onChange={() => setScope('board')}
                    data-testid="export-scope-board"
                  />
                  {t('exports.scopes.board')}
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${ids}-scope`}
                    checked={effective.kind === 'frame'}
                    disabled={frames.length === 0}
                    onChange={() => setScope('frame')}
                    data-testid="export-scope-frame"
                  />
                  {t('exports.scopes.frame')}
                </label>
                {effective.kind === 'frame' && (
                  <label className="export-frame-pick">
                    <span>{t('exports.frame')}</span>
                    <select
                      value={effective.frameId}
                      onChange={(event) =>
                        setExportSettings({ scope: { kind: 'frame', frameId: event.target.value } })
                      }
                      data-testid="export-frame"
                    >
                      {frames.map((frame) => (
                        <option key={frame.id} value={frame.id}>
                          {frame.text || t('exports.untitledFrame')}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <label>
                  <input
                    type="radio"
                    name={`${ids}-scope`}
                    checked={effective.kind === 'selection'}
                    disabled={selection.length === 0}
                    onChange={() => setScope('selection')}
                    data-testid="export-scope-selection"
                  />
                  {t('exports.scopes.selection', { count: selection.length })}
                </label>
              </fieldset>
              <label>
                <span>{t('exports.scale')}</span>
                <select
                  value={settings.scale}
                  onChange={(event) => setExportSettings({ scale: event.target.value === '2' ? 2 : 1 })}
                  data-testid="export-scale"
                >
                  <option value="1">{t('exports.scales.1')}</option>
                  <option value="2">{t('exports.scales.2')}</option>
                </select>
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={settings.background}
                  onChange={(event) => setExportSettings({ background: event.target.checked })}
                  data-testid="export-background"
                />
                {t('exports.background')}
              </label>
            </div>
            <Preview items={items} selection={selection} scope={effective} background={settings.background} />
          </div>
          <div className="export-actions">
            <ExportAction command="exportPng" label="PNG" onRun={exportWith} />
            <ExportAction command="exportSvg" label="SVG" onRun={exportWith} />
            <ExportAction command="exportPdf" label="PDF" onRun={exportWith} />
            {registry.has('exportStepsPdf') && (
              <ExportAction
                command="exportStepsPdf"
                label={t('exports.stepsPdf')}
                testId="export-steps-pdf"
                onRun={exportWith}
              />
            )}
          </div>
          {registry.has('exportStepsPdf') && <p className="muted">{t('exports.stepsPdfHelp')}</p>}
        </section>
        <section aria-labelledby={`${ids}-data`}>
          <h3 id={`${ids}-data`}>{t('exports.data')}</h3>
          <div className="export-links">
            <a className="button" href={links.csv} download data-testid="export-csv">
              {t('exports.csv')}
            </a>
            <label>
              <input
                type="checkbox"
                checked={semicolon}
                onChange={(event) => setExportSettings({ semicolon: event.target.checked })}
                data-testid="export-semicolon"
              />
              {t('exports.semicolon')}
            </label>
            <a className="button" href={links.xlsx} download data-testid="export-xlsx">
              {t('exports.xlsx')}
            </a>
          </div>
        </section>
        <section aria-labelledby={`${ids}-report`}>
          <h3 id={`${ids}-report`}>{t('exports.report')}</h3>
          <div className="export-links">
            <a className="button" href={links.report.md} download data-testid="export-report">
              {t('exports.reportMd')}
            </a>
            <a className="button" href={links.report.pdf} download data-testid="export-report-pdf">
              {t('exports.reportPdf')}
            </a>
            <a className="button" href={links.report.docx} download data-testid="export-report-docx">
              {t('exports.reportDocx')}
            </a>
            <a className="button" href={links.report.odt} download data-testid="export-report-odt">
              {t('exports.reportOdt')}
            </a>
          </div>
        </section>
        {ctx.facilitator && (
          <section aria-labelledby={`${ids}-backup`}>
            <h3 id={`${ids}-backup`}>{t('exports.backup')}</h3>
            <p className="muted">{t('exports.backupHelp')}</p>
            <a className="button" href={links.backup} download data-testid="export-backup">
              {t('exports.backupLink')}
            </a>
          </section>
        )}
      </div>
    </Modal>
  )
}

function ExportAction({
  command,
  label,
  testId = `export-${label.toLowerCase()}`,
  onRun,
}: {
  command: string
  label: string
  testId?: string
  onRun: (command: string) => void
}) {
  const { t } = useTranslation()
  const session = useSession()
  const enabled = useCommandEnabled(command)
  return (
    <button
      type="button"
      className="button primary"
      disabled={!enabled}
      title={t(session.registry.get(command).labelKey)}
      onClick={() => onRun(command)}
      data-testid={testId}
    >
      {label}
    </button>
  )
}

/** A thumbnail of exactly what will be exported (images as placeholders), and the PDF's page count. */
function Preview({
  items,
  selection,
  scope,
  background,
}: {
  items: readonly ItemSnapshot[]
  selection: readonly string[]
  scope: ExportSettings['scope']
  background: boolean
}) {
  const { t } = useTranslation()
  const resolved = useMemo<ExportScope>(
    () => (scope.kind === 'selection' ? { kind: 'selection', ids: selection } : scope),
    [scope, selection],
  )
  const region = useMemo(() => exportRegion(items, resolved), [items, resolved])
  const pages = useMemo(() => pdfPages(items, resolved).length, [items, resolved])
  const src = useMemo(() => {
    if (!region) return null
    const svg = regionToSvg(region, { background, layoutText: konvaTextLayout, imageHref: () => undefined })
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  }, [region, background])
  const what =
    scope.kind === 'frame'
      ? (items.find((item) => item.id === scope.frameId)?.text ?? t('exports.untitledFrame'))
      : t(`exports.scopes.${scope.kind}`, { count: 0 })
  return (
    <figure className="export-preview" data-testid="export-preview">
      <figcaption>{t('exports.preview')}</figcaption>
      {src ? (
        <img src={src} alt={t('exports.previewAlt', { what })} className={background ? '' : 'checkered'} />
      ) : (
        <p className="muted">{t('exports.previewEmpty')}</p>
      )}
      {region && <p className="muted">{t('exports.pdfPages', { count: pages })}</p>}
    </figure>
  )
}
