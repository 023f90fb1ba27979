import '../ui/canvas.css'
import { PlacesPanel } from '../places/PlacesPanel.js'
import { ThemePanel } from '../themes/ThemePanel.js'
import { CommandPalette } from '../ui/CommandPalette.js'
import { ContextMenu } from '../ui/ContextMenu.js'
import { HoverCard } from '../ui/HoverCard.js'
import { Minimap } from '../ui/Minimap.js'
import { SearchPanel } from '../ui/SearchPanel.js'
import { ShortcutHelp } from '../ui/ShortcutHelp.js'
import { StyleBar } from '../ui/StyleBar.js'
import { useClipboardEvents } from '../ui/useClipboardEvents.js'

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
      <PlacesPanel />
      <ContextMenu />
      <CommandPalette />
      <ShortcutHelp />
    </>
  )
}
