import { act, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import type { BoardSessionModel } from '../src/board/BoardSession.js'
import { SessionProvider } from '../src/board/context.js'
import type { TestEditor } from './TestEditor.js'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

/**
 * Renders components of an open board into the test's DOM (happy-dom), over a `TestEditor`'s
 * stores and registry. Call `unmount` when done.
 */
export function renderInBoard(editor: TestEditor) {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true
  const board = { registry: editor.registry, ctx: editor.ctx, view: editor.view, board: editor.board }
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  const button = (testId: string) => container.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)
  return {
    container,
    render: (ui: ReactNode) =>
      act(() =>
        root.render(<SessionProvider session={board as unknown as BoardSessionModel}>{ui}</SessionProvider>),
      ),
    button,
    click: (testId: string) => act(() => button(testId)?.click()),
    unmount: () => act(() => root.unmount()),
  }
}
