import type { ItemInit } from '@atelier/shared'
import { expect } from 'vitest'
import * as Y from 'yjs'
import { createRegistry } from '../src/commands/registry.js'
import type { CommandContext } from '../src/commands/types.js'
import { paintLayerOf } from '../src/items/registry.js'
import { featureCommands } from '../src/pages/boardCommands.js'
import { BoardStore } from '../src/store/BoardStore.js'
import { ViewStore } from '../src/store/ViewStore.js'
import { PointerController, type PointerInput } from '../src/tools/PointerController.js'

/**
 * Headless editor for tests, after tldraw's TestEditor: real stores, registry and pointer
 * controller, driven by fake pointer events in screen pixels (camera at the origin, zoom 1,
 * so screen and board coordinates are the same unless a test moves the camera).
 */
export class TestEditor {
  readonly doc = new Y.Doc()
  readonly board = new BoardStore(this.doc, paintLayerOf)
  readonly view = new ViewStore({ camera: { x: 0, y: 0, zoom: 1 }, viewport: { width: 1000, height: 800 } })
  readonly registry = createRegistry(featureCommands)
  readonly ctx: CommandContext
  readonly pointer: PointerController
  private shift = false
  private type: PointerInput['pointerType'] = 'mouse'

  constructor(perms: { readOnly?: boolean; facilitator?: boolean } = {}) {
    this.ctx = {
      board: this.board,
      view: this.view,
      readOnly: perms.readOnly ?? false,
      facilitator: perms.facilitator ?? false,
      author: 'me',
    }
    this.pointer = new PointerController(this.ctx, this.registry, (n) => `Section ${n}`)
  }

  /** Creates items (remote-origin-free, as a template would) and returns their ids. */
  create(...inits: ItemInit[]): string[] {
    return this.board.create(inits)
  }

  withShift(shift = true): this {
    this.shift = shift
    return this
  }

  touch(): this {
    this.type = 'touch'
    return this
  }

  pointerDown(x: number, y: number, button = 0): this {
    this.pointer.down(this.input(x, y, button))
    return this
  }

  pointerMove(x: number, y: number): this {
    this.pointer.move(this.input(x, y))
    return this
  }

  pointerUp(x: number, y: number): this {
    this.pointer.up(this.input(x, y))
    return this
  }

  /** Press, move in a few steps, release: a drag as a hand does it. */
  drag(from: [number, number], to: [number, number]): this {
    this.pointerDown(...from)
    for (const t of [0.25, 0.5, 0.75, 1])
      this.pointerMove(from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t)
    return this.pointerUp(...to)
  }

  click(x: number, y: number): this {
    return this.pointerDown(x, y).pointerUp(x, y)
  }

  setTool(tool: ReturnType<ViewStore['getState']>['tool']): this {
    this.view.set({ tool })
    return this
  }

  expectToBeIn(state: string): this {
    expect(this.pointer.state).toBe(state)
    return this
  }

  selection(): readonly string[] {
    return this.view.getState().selection
  }

  item(id: string) {
    return this.board.getItem(id)
  }

  private input(x: number, y: number, button = 0): PointerInput {
    return { pointerId: 1, screen: { x, y }, button, shiftKey: this.shift, pointerType: this.type }
  }
}
