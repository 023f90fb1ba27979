// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { renderInBoard } from '../../test/render.js'
import { TestEditor } from '../../test/TestEditor.js'
import { CommandButton } from '../ui/CommandButton.js'
import { type FacilitationActions, facilitationCommands } from './commands.js'
import type { FacilitationModel } from './FacilitationModel.js'
import { FollowController } from './FollowController.js'
import { SessionStore } from './SessionStore.js'
import { TimerWidget } from './TimerWidget.js'

/** A facilitator's board with the facilitation commands in its registry, and no connection. */
function setup() {
  const editor = new TestEditor({ facilitator: true })
  const now = () => 1_000_000
  const session = new SessionStore(new Y.Doc(), now)
  let muted = false
  const chime = { isMuted: () => muted, setMuted: (value: boolean) => (muted = value), play: () => undefined }
  const model = {
    role: 'facilitator',
    isFacilitator: true,
    session,
    clock: { now },
    follow: new FollowController(editor.view, () => 'me'),
    chime,
    getLocal: () => ({ privateNotes: null, compose: { at: null, nonce: 0 }, hand: false, muted }),
    subscribeLocal: () => () => undefined,
    goToStep: () => undefined,
    goToNextStep: vi.fn(),
    toggleFollowMe: () => undefined,
    bringEveryoneHere: () => undefined,
    toggleHand: () => undefined,
    react: () => undefined,
  } satisfies FacilitationActions & Record<string, unknown>
  editor.registry.register(facilitationCommands(model))
  const dom = renderInBoard(editor)
  cleanups.push(dom.unmount)
  return { model: model as unknown as FacilitationModel, actions: model, session, ...dom }
}

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

describe('panel buttons are registry commands', () => {
  it("the timer's buttons run the registry's commands, and show only while the command is enabled", async () => {
    const { model, session, render, button, click } = setup()
    await render(<TimerWidget model={model} />)
    expect(button('timer-pause')).toBeNull()

    await click('timer-start-5')
    expect(session.getSnapshot().timer).toMatchObject({ status: 'running', durationMs: 5 * 60_000 })
    // The command says pause is possible now, resume is not: one shows, the other is left out.
    expect(button('timer-pause')).not.toBeNull()
    expect(button('timer-resume')).toBeNull()

    await click('timer-pause')
    expect(session.getSnapshot().timer.status).toBe('paused')
    expect(button('timer-pause')).toBeNull()
    expect(button('timer-resume')).not.toBeNull()
  })

  it('a button is disabled while its command is, and follows the session without a re-render of its panel', async () => {
    const { actions, session, render, button, click } = setup()
    await render(
      <CommandButton command="agenda.next" className="button" testId="next">
        Next
      </CommandButton>,
    )
    expect(button('next')?.disabled).toBe(true)
    const step = { id: 's1', title: 'One', instructions: '', durationMinutes: 3, mode: 'open' } as const
    await act(() => session.setAgenda([step]))
    expect(button('next')?.disabled).toBe(false)
    expect(button('next')?.textContent).toBe('Next')
    await click('next')
    expect(actions.goToNextStep).toHaveBeenCalledTimes(1)
  })
})
