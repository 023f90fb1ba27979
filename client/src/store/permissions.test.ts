import type { ItemSnapshot } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { canModify, toolAllowed } from './selection.js'
import { ViewStore } from './ViewStore.js'

const note = (author?: string, locked = false): ItemSnapshot => ({
  id: 'n',
  type: 'note',
  x: 0,
  y: 0,
  w: 200,
  h: 200,
  ...(author ? { author } : {}),
  ...(locked ? { locked } : {}),
})

describe('what a participant may change', () => {
  it("offers nobody else's items while own items only is on, as the relay enforces", () => {
    const view = new ViewStore({ participantRules: { tools: ['note'], ownItemsOnly: true } })
    const ann = { readOnly: false, author: 'ann', view }
    expect(canModify(ann, note('ann'))).toBe(true)
    expect(canModify(ann, note('bob'))).toBe(false)
    expect(canModify(ann, note())).toBe(true)
    expect(canModify(ann, note('ann', true))).toBe(false)
    view.set({ participantRules: { tools: ['note'], ownItemsOnly: false } })
    expect(canModify(ann, note('bob'))).toBe(true)
    expect(canModify({ ...ann, facilitator: true }, note('bob', true))).toBe(true)
    expect(canModify({ ...ann, readOnly: true }, note('ann'))).toBe(false)
  })

  it('gives the writing tools the facilitator chose, and always selection and the hand', () => {
    const view = new ViewStore({ participantRules: { tools: ['note', 'text', 'pen'], ownItemsOnly: true } })
    const perms = { readOnly: false, view }
    expect(['select', 'hand', 'note', 'text', 'pen'].every((tool) => toolAllowed(perms, tool as never))).toBe(
      true,
    )
    expect(toolAllowed(perms, 'rectangle')).toBe(false)
    expect(toolAllowed(perms, 'connector')).toBe(false)
    expect(toolAllowed({ readOnly: false, view: new ViewStore() }, 'connector')).toBe(true)
  })
})
