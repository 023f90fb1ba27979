import { screenToBoard } from '@atelier/shared'
import { useEffect } from 'react'
import { useSession } from '../board/context.js'
import { isTypingTarget } from '../commands/shortcuts.js'

/**
 * Ctrl/Cmd+C, X, V go through the browser's own clipboard events (the only way to read and
 * write the system clipboard without a permission prompt); each one runs the registry command.
 */
export function useClipboardEvents(): void {
  const session = useSession()
  useEffect(() => {
    const { registry, ctx, view, pointer } = session
    const handler = (id: 'copy' | 'cut' | 'paste') => (event: ClipboardEvent) => {
      if (isTypingTarget(event.target) || !event.clipboardData) return
      const last = pointer.lastScreen
      const at = id === 'paste' && last ? screenToBoard(view.getState().camera, last) : undefined
      if (registry.run(id, ctx, { clipboard: event.clipboardData, ...(at ? { at } : {}) }))
        event.preventDefault()
    }
    const onCopy = handler('copy')
    const onCut = handler('cut')
    const onPaste = handler('paste')
    document.addEventListener('copy', onCopy)
    document.addEventListener('cut', onCut)
    document.addEventListener('paste', onPaste)
    return () => {
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('cut', onCut)
      document.removeEventListener('paste', onPaste)
    }
  }, [session])
}
