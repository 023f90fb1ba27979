import { type ItemSnapshot, pointInItem, rotatedBounds } from '@atelier/shared'
import type { ReactNode } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { IndicatorProps, ItemUtil, SvgContext, TextBox, TextStyle } from './ItemUtil.js'
import { noteFontSize } from './noteText.js'
import { NOTE_FONT_FAMILY, NOTE_LINE_HEIGHT, NOTE_PADDING, SELECTION_COLOR } from './theme.js'

/** The selection colour and the draft's tint, for every type's indicator. */
export function indicatorStyle({ px, width, filled }: IndicatorProps) {
  return {
    stroke: SELECTION_COLOR,
    strokeWidth: width * px,
    ...(filled ? { fill: 'rgba(59,91,219,0.06)' } : {}),
  }
}

/** The item's box, turned with it. */
export function BoxIndicator(props: IndicatorProps) {
  const { item } = props
  return (
    <Rotated item={item}>
      <Rect width={item.w} height={item.h} {...indicatorStyle(props)} />
    </Rotated>
  )
}

/**
 * What the items drawn in their own box share (notes, free text, shapes, pictures): a box turned
 * around its centre that arrows attach to, selected when the marquee touches it.
 */
export const boxBehaviour = {
  outline: (item: ItemSnapshot) => ({ x: item.x, y: item.y, w: item.w, h: item.h }),
  ends: () => [],
  paintedBounds: (item: ItemSnapshot) => rotatedBounds(item, item.rotation),
  hitTest: (item: ItemSnapshot, point: { x: number; y: number }) =>
    pointInItem({ x: item.x, y: item.y, w: item.w, h: item.h, rotation: item.rotation ?? 0 }, point),
  resize: { keepRatio: false },
  marquee: 'intersect',
  snapTarget: true,
  Indicator: BoxIndicator,
} satisfies Partial<ItemUtil>

/** Rotation happens around the item's centre: the group is placed there and offset back. */
export function Rotated({ item, children }: { item: ItemSnapshot; children: ReactNode }) {
  return (
    <Group
      x={item.x + item.w / 2}
      y={item.y + item.h / 2}
      offsetX={item.w / 2}
      offsetY={item.h / 2}
      rotation={item.rotation ?? 0}
      listening={false}
    >
      {children}
    </Group>
  )
}

/**
 * The text box of a note, free text or shape `height` high, its font fitted up to `maxFontSize`:
 * the canvas, the editor and the SVG all take it from here.
 */
export function fittedTextBox(item: ItemSnapshot, height: number, maxFontSize = 28): TextBox {
  const text = item.text ?? ''
  return {
    text,
    width: item.w,
    height,
    padding: NOTE_PADDING,
    fontSize: noteFontSize(text, item.w, height, maxFontSize),
    lineHeight: NOTE_LINE_HEIGHT,
    wrap: 'word',
  }
}

/** A fitted text box on the canvas. */
export function BoxText({ box, style }: { box: TextBox; style: TextStyle }) {
  return (
    <Text
      text={box.text}
      width={box.width}
      height={box.height}
      padding={box.padding}
      fontSize={box.fontSize}
      lineHeight={box.lineHeight}
      fontFamily={NOTE_FONT_FAMILY}
      fill={style.color}
      align={style.align}
      verticalAlign={style.verticalAlign}
      wrap={box.wrap}
      ellipsis
      perfectDrawEnabled={false}
    />
  )
}

/** The same text box in SVG (nothing for an empty text). */
export function boxTextSvg(box: TextBox, style: TextStyle, ctx: SvgContext): string {
  return box.text === '' ? '' : ctx.text(box, style)
}
