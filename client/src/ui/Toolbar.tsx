import { NOTE_COLORS } from '@atelier/shared'
import { useTranslation } from 'react-i18next'
import { useUndoState, useView } from '../store/hooks.js'
import { CommandButton } from './CommandButton.js'
import { FitIcon, MinusIcon, NoteIcon, PlusIcon, RedoIcon, SelectIcon, TrashIcon, UndoIcon } from './icons.js'
import type { BoardSessionModel } from './session.js'

export function Toolbar({ session }: { session: BoardSessionModel }) {
  const { t } = useTranslation()
  const { view, board, ctx, registry } = session
  const tool = useView(view, (s) => s.tool)
  const zoom = useView(view, (s) => s.camera.zoom)
  const noteColor = useView(view, (s) => s.noteColor)
  const hasSelection = useView(view, (s) => s.selection.length > 0)
  const undoState = useUndoState(board)
  const percent = Math.round(zoom * 100)
  const editable = !ctx.readOnly

  return (
    <nav className="toolbar" aria-label={t('toolbar.tools')}>
      {editable && (
        <>
          <div className="toolbar-group">
            <CommandButton
              session={session}
              command="selectTool"
              enabled
              pressed={tool === 'select'}
              icon={<SelectIcon />}
              testId="tool-select"
            />
            <CommandButton
              session={session}
              command="noteTool"
              enabled
              pressed={tool === 'note'}
              icon={<NoteIcon />}
              testId="tool-note"
            />
          </div>
          <fieldset className="toolbar-group palette">
            <legend className="visually-hidden">{t('toolbar.palette')}</legend>
            {NOTE_COLORS.map((color) => (
              <button
                key={color.id}
                type="button"
                className="swatch"
                data-testid={`color-${color.id}`}
                aria-label={t(`colors.${color.id}`)}
                aria-pressed={noteColor === color.value}
                title={t(`colors.${color.id}`)}
                style={{ background: color.value }}
                onClick={() => registry.run('setColor', ctx, { color: color.value })}
              />
            ))}
          </fieldset>
          <fieldset className="toolbar-group">
            <legend className="visually-hidden">{t('toolbar.history')}</legend>
            <CommandButton
              session={session}
              command="undo"
              enabled={undoState.canUndo}
              icon={<UndoIcon />}
              testId="undo"
            />
            <CommandButton
              session={session}
              command="redo"
              enabled={undoState.canRedo}
              icon={<RedoIcon />}
              testId="redo"
            />
            <CommandButton
              session={session}
              command="delete"
              enabled={hasSelection}
              icon={<TrashIcon />}
              testId="delete"
            />
          </fieldset>
        </>
      )}
      <fieldset className="toolbar-group">
        <legend className="visually-hidden">{t('toolbar.zoom')}</legend>
        <CommandButton session={session} command="zoomOut" enabled icon={<MinusIcon />} testId="zoom-out" />
        <button
          type="button"
          className="zoom-level"
          data-testid="zoom-level"
          aria-label={t('toolbar.zoomLevel', { percent })}
          title={t('commands.zoomTo100')}
          onClick={() => registry.run('zoomTo100', ctx)}
        >
          {percent} %
        </button>
        <CommandButton session={session} command="zoomIn" enabled icon={<PlusIcon />} testId="zoom-in" />
        <CommandButton session={session} command="zoomToFit" enabled icon={<FitIcon />} testId="zoom-fit" />
      </fieldset>
    </nav>
  )
}
