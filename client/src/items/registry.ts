import type { ItemType } from '@atelier/shared'
import { type PaintLayerOf, paintOrder } from '../store/order.js'
import { connectorUtil } from './connector/connectorUtil.js'
import { frameUtil } from './frame/frameUtil.js'
import type { ItemUtil } from './ItemUtil.js'
import { imageUtil } from './image/imageUtil.js'
import { noteUtil } from './note/noteUtil.js'
import { shapeUtil } from './shape/shapeUtil.js'
import { strokeUtil } from './stroke/strokeUtil.js'
import { textUtil } from './text/textUtil.js'

/**
 * One util per item type of the schema: the compiler refuses a type without one. Built on first
 * use, because a connector asks the registry for its ends' outlines: the two modules import each
 * other, and whichever loads first must not find the other half-initialised.
 */
let utils: Record<ItemType, ItemUtil> | null = null

const allUtils = (): Record<ItemType, ItemUtil> => ({
  note: noteUtil,
  text: textUtil,
  shape: shapeUtil,
  frame: frameUtil,
  connector: connectorUtil,
  stroke: strokeUtil,
  image: imageUtil,
})

export function itemUtil(type: ItemType): ItemUtil {
  utils ??= allUtils()
  return utils[type]
}

/** Each type's paint layer, for the board store's order. */
export const paintLayerOf: PaintLayerOf = (type) => itemUtil(type).layer

/** The board's paint order, for items outside the board store (a past version's preview). */
export const comparePaintOrder = paintOrder(paintLayerOf)
