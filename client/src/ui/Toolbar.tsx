import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import type { CommandId } from '../commands/registry.js'
import { useView } from '../store/hooks.js'
import { toolAllowed } from '../store/selection.js'
import type { ToolId } from '../store/ViewStore.js'
import { CommandButton } from './CommandButton.js'
import {
  CommandIcon,
  ConnectorIcon,
  DiamondIcon,
  EllipseIcon,
  FitIcon,
  FrameIcon,
  HandIcon,
  HighlighterIcon,
  KeyboardIcon,
  MinusIcon,
  NoteIcon,
  PenIcon,
  PlusIcon,
  RectangleIcon,
  RedoIcon,
  SearchIcon,
  SelectIcon,
  TextIcon,
  UndoIcon,
} from './icons.js'

const TOOLS: { tool: ToolId; icon: ReactNode; write: boolean; keyboardCommand?: CommandId }[] = [
  { tool: 'select', icon: <SelectIcon />, write: false },
  { tool: 'hand', icon: <HandIcon />, write: false },
  // From the keyboard the note tool adds a note in view, open to type (as N on the canvas does).
  { tool: 'note', icon: <NoteIcon />, write: true, keyboardCommand: 'createNote' },
  { tool: 'text', icon: <TextIcon />, write: true },
  { tool: 'rectangle', icon: <RectangleIcon />, write: true },
  { tool: 'ellipse', icon: <EllipseIcon />, write: true },
  { tool: 'diamond', icon: <DiamondIcon />, write: true },
  { tool: 'frame', icon: <FrameIcon />, write: true },
  { tool: 'connector', icon: <ConnectorIcon />, write: true },
  { tool: 'pen', icon: <PenIcon />, write: true },
  { tool: 'highlighter', icon: <HighlighterIcon />, write: true },
]

/** The tool rail: every button is a registry command (label, shortcut, enablement from there). */
export function Toolbar() {
  const session = useSession()
  const { t } = useTranslation()
  const { view, ctx, registry } = session
  const tool = useView(view, (s) => s.tool)
  const zoom = useView(view, (s) => Math.round(s.camera.zoom * 100))
  // Re-rendered when the facilitator changes the participants' tools.
  useView(view, (s) => s.participantRules)
  const editable = !ctx.readOnly

  return (
    <>
      <nav className="toolbar canvas-rail" aria-label={t('toolbar.tools')}>
        <div className="toolbar-group" role="toolbar" aria-label={t('canvas.toolbar.tools')}>
          {TOOLS.filter((entry) => (editable || !entry.write) && toolAllowed(ctx, entry.tool)).map(
            (entry) => (
              <CommandButton
                key={entry.tool}
                command={`${entry.tool}Tool`}
                pressed={tool === entry.tool}
                icon={entry.icon}
                testId={`tool-${entry.tool}`}
                {...(entry.keyboardCommand ? { keyboardCommand: entry.keyboardCommand } : {})}
              />
            ),
          )}
        </div>
        {editable && (
          <div className="toolbar-group" role="toolbar" aria-label={t('toolbar.history')}>
            <CommandButton command="undo" icon={<UndoIcon />} testId="undo" />
            <CommandButton command="redo" icon={<RedoIcon />} testId="redo" />
          </div>
        )}
      </nav>
      <nav className="view-bar" aria-label={t('canvas.toolbar.view')}>
        <div className="toolbar-group" role="toolbar" aria-label={t('toolbar.zoom')}>
          <CommandButton command="zoomOut" icon={<MinusIcon />} testId="zoom-out" />
          <button
            type="button"
            className="zoom-level"
            data-testid="zoom-level"
            aria-label={t('toolbar.zoomLevel', { percent: zoom })}
            title={t('commands.zoomTo100')}
            onClick={() => registry.run('zoomTo100', ctx)}
          >
            {zoom} %
          </button>
          <CommandButton command="zoomIn" icon={<PlusIcon />} testId="zoom-in" />
          <CommandButton command="zoomToFit" icon={<FitIcon />} testId="zoom-fit" />
        </div>
        <div className="toolbar-group view-help" role="toolbar" aria-label={t('canvas.toolbar.help')}>
          <CommandButton command="openSearch" icon={<SearchIcon />} testId="open-search" />
          <CommandButton command="openPalette" icon={<CommandIcon />} testId="open-palette" />
          <CommandButton command="openHelp" icon={<KeyboardIcon />} testId="open-help" />
        </div>
      </nav>
    </>
  )
}
