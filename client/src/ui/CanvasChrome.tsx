import './canvas.css'
import { ExportDialog } from '../exports/ExportDialog.js'
import { ExportProgress } from '../exports/ExportProgress.js'
import { ThemePanel } from '../themes/ThemePanel.js'
import { CommandPalette } from './CommandPalette.js'
import { ContextMenu } from './ContextMenu.js'
import { HoverCard } from './HoverCard.js'
import { Minimap } from './Minimap.js'
import { SearchPanel } from './SearchPanel.js'
import { ShortcutHelp } from './ShortcutHelp.js'
import { StyleBar } from './StyleBar.js'
import { useClipboardEvents } from './useClipboardEvents.js'

/** Everything around the canvas that reads the command registry: one mount point for BoardSession. */
export function CanvasChrome() {
  useClipboardEvents()
  return (
    <>
      <HoverCard />
      <StyleBar />
      <Minimap />
      <SearchPanel />
      <ThemePanel />
      <ContextMenu />
      <CommandPalette />
      <ShortcutHelp />
      <ExportDialog />
      <ExportProgress />
    </>
  )
}
