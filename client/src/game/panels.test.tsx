// @vitest-environment happy-dom
import { readSprint } from '@atelier/shared'
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { gameParts } from '../../test/gameParts.js'
import { renderInBoard } from '../../test/render.js'
import { gameCommands } from './commands.js'
import type { GameModel } from './GameModel.js'
import { PodiumTab } from './Podium.js'
import { ScoresTab } from './ScoresTab.js'
import { TeamsTab } from './TeamsTab.js'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

const NOBODY: readonly never[] = []

/** The game panel of a board whose registry holds the game's commands, without any connection. */
function setup(facilitator = true, relay: Partial<Pick<GameModel, 'joinTeam'>> = {}) {
  const parts = gameParts({ facilitator })
  const session = { getSnapshot: () => parts.session.getSnapshot(), subscribe: parts.session.subscribe }
  const game = {
    isFacilitator: facilitator,
    canPlay: true,
    getSnapshot: parts.state.getSnapshot,
    subscribe: parts.state.subscribe,
    moves: parts.moves,
    sprint: parts.sprint,
    personId: () => 'me',
    facilitation: { people: { getPeople: () => NOBODY, subscribePeople: () => () => undefined }, session },
    ...relay,
  } as unknown as GameModel
  parts.editor.registry.register(gameCommands(game, (key) => key))
  const dom = renderInBoard(parts.editor)
  cleanups.push(dom.unmount)
  return { ...parts, game, ...dom }
}

describe('game panel buttons are registry commands', () => {
  it('the podium buttons show and hide the podium for everyone, "hide" only while it shows', async () => {
    const { game, render, button, click, state } = setup()
    await render(<PodiumTab game={game} />)
    expect(button('podium-hide')).toBeNull()
    await click('podium-show')
    expect(state.getSnapshot().podium).not.toBeNull()
    expect(state.getSnapshot().history).toHaveLength(1)
    await click('podium-hide')
    expect(state.getSnapshot().podium).toBeNull()
    expect(button('podium-hide')).toBeNull()
  })

  it('the sprint button starts a sprint of the minutes typed, then gives way to "end"', async () => {
    const { game, render, button, click, doc } = setup()
    await render(<ScoresTab game={game} />)
    expect(button('sprint-end')).toBeNull()
    await click('sprint-start')
    expect(readSprint(doc)).toMatchObject({ endedAt: null })
    expect(button('sprint-start')).toBeNull()
    await click('sprint-end')
    expect(readSprint(doc)?.endedAt).not.toBeNull()
  })

  it("a participant's registry refuses the facilitator's commands", async () => {
    const { game, render, button, click, state } = setup(false)
    await render(<PodiumTab game={game} />)
    expect(button('podium-show')?.disabled).toBe(true)
    await click('podium-show')
    expect(state.getSnapshot().podium).toBeNull()
  })

  it("a participant's join button is busy and disabled while the relay answers, then free again", async () => {
    let answer!: () => void
    const joinTeam = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          answer = resolve
        }),
    )
    const { game, render, button, click, moves, flush } = setup(false, { joinTeam })
    moves.addTeam('Bleus')
    flush()
    await render(<TeamsTab game={game} />)
    const join = () => button('team-join-Bleus')
    expect(join()?.disabled).toBe(false)
    await click('team-join-Bleus')
    await click('team-join-Bleus')
    expect(joinTeam).toHaveBeenCalledTimes(1)
    expect(join()?.disabled).toBe(true)
    expect(join()?.getAttribute('aria-busy')).toBe('true')
    await act(async () => answer())
    expect(join()?.disabled).toBe(false)
    expect(join()?.hasAttribute('aria-busy')).toBe(false)
  })
})
