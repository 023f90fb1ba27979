import './canvas.css'
import { CommandPalette } from './CommandPalette.js'
import { ContextMenu } from './ContextMenu.js'
import { HoverCard } from './HoverCard.js'
import { Minimap } from './Minimap.js'
import { SearchPanel } from './SearchPanel.js'
import { ShortcutHelp } from './ShortcutHelp.js'
import { StyleBar } from './StyleBar.js'
import type { BoardSessionModel } from './session.js'
import { useClipboardEvents } from './useClipboardEvents.js'

/** Everything around the canvas that reads the command registry: one mount point for BoardSession. */
export function CanvasChrome({ session }: { session: BoardSessionModel }) {
  useClipboardEvents(session)
  return (
    <>
      <HoverCard session={session} />
      <StyleBar session={session} />
      <Minimap session={session} />
      <SearchPanel session={session} />
      <ContextMenu session={session} />
      <CommandPalette session={session} />
      <ShortcutHelp session={session} />
    </>
  )
}
