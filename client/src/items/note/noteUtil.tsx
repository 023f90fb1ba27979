import { type ItemSnapshot, NOTE_TEXT_COLOR } from '@atelier/shared'
import { Group, Rect, Text } from 'react-konva'
import { BoxText, boxBehaviour, boxTextSvg, fittedTextBox, Rotated } from '../box.js'
import type { ItemUtil, ItemViewProps, SvgContext, TextStyle } from '../ItemUtil.js'
import { LockBadge } from '../LockBadge.js'
import { attrs, placed } from '../svg.js'
import { NOTE_FONT_FAMILY, NOTE_PADDING, NOTE_RADIUS } from '../theme.js'

/** A sticky note: coloured paper with a flat shadow, its text fitted inside and its tags as chips. */

const PAPER = '#fff3a3'
/** Height of the band of tag chips at the foot of a tagged note. */
const TAG_BAND = 26
const TEXT_STYLE: TextStyle = { align: 'left', verticalAlign: 'top', color: NOTE_TEXT_COLOR }

/** Where each tag's chip goes along the foot of a note `width` wide (those that do not fit are left out). */
export function tagChips(tags: readonly string[], width: number): { label: string; x: number; w: number }[] {
  const chips: { label: string; x: number; w: number }[] = []
  let x = NOTE_PADDING
  for (const tag of tags) {
    const label = tag.length > 14 ? `${tag.slice(0, 13)}…` : tag
    const w = label.length * 6.6 + 14
    if (x + w > width - NOTE_PADDING) break
    chips.push({ label, x, w })
    x += w + 6
  }
  return chips
}

const tagBand = (item: ItemSnapshot) => ((item.tags ?? []).length > 0 ? TAG_BAND : 0)
/** The text fills the paper above the tags. */
const textBox = (item: ItemSnapshot) => fittedTextBox(item, item.h - tagBand(item))

function NoteView({ item, lifted, editing }: ItemViewProps) {
  const band = tagBand(item)
  const box = textBox(item)
  return (
    <Rotated item={item}>
      {/* Two flat offset rects instead of a blurred shadow: same look, a fraction of the cost. */}
      <Rect
        y={lifted ? 8 : 3}
        width={item.w}
        height={item.h}
        fill="rgba(31,41,51,0.07)"
        cornerRadius={NOTE_RADIUS + 2}
        perfectDrawEnabled={false}
      />
      <Rect
        y={1}
        width={item.w}
        height={item.h}
        fill="rgba(31,41,51,0.10)"
        cornerRadius={NOTE_RADIUS}
        perfectDrawEnabled={false}
      />
      <Rect
        width={item.w}
        height={item.h}
        fill={item.color ?? PAPER}
        cornerRadius={NOTE_RADIUS}
        perfectDrawEnabled={false}
      />
      {!editing && box.text !== '' && <BoxText box={box} style={TEXT_STYLE} />}
      {tagChips(item.tags ?? [], item.w).map((chip) => (
        <Group key={chip.label} x={chip.x} y={item.h - band}>
          <Rect
            width={chip.w}
            height={18}
            cornerRadius={9}
            fill="rgba(31,41,51,0.12)"
            perfectDrawEnabled={false}
          />
          <Text
            text={chip.label}
            x={7}
            y={3.5}
            fontSize={11}
            fontFamily={NOTE_FONT_FAMILY}
            fill={NOTE_TEXT_COLOR}
            perfectDrawEnabled={false}
          />
        </Group>
      ))}
      {item.locked && <LockBadge x={item.w - 22} y={6} />}
    </Rotated>
  )
}

function noteSvg(item: ItemSnapshot, ctx: SvgContext): string {
  const band = tagBand(item)
  let body = `<rect ${attrs({ y: 3, width: item.w, height: item.h, rx: NOTE_RADIUS + 2, fill: 'rgba(31,41,51,0.07)' })}/>`
  body += `<rect ${attrs({ y: 1, width: item.w, height: item.h, rx: NOTE_RADIUS, fill: 'rgba(31,41,51,0.10)' })}/>`
  body += `<rect ${attrs({ width: item.w, height: item.h, rx: NOTE_RADIUS, fill: item.color ?? PAPER })}/>`
  body += boxTextSvg(textBox(item), TEXT_STYLE, ctx)
  for (const chip of tagChips(item.tags ?? [], item.w)) {
    body += `<rect ${attrs({ x: chip.x, y: item.h - band, width: chip.w, height: 18, rx: 9, fill: 'rgba(31,41,51,0.12)' })}/>`
    body += `<g transform="translate(${chip.x + 7} ${item.h - band + 3.5})">${ctx.text(
      { text: chip.label, width: chip.w, height: 18, padding: 0, fontSize: 11, lineHeight: 1, wrap: 'none' },
      TEXT_STYLE,
    )}</g>`
  }
  return placed(item, body)
}

export const noteUtil: ItemUtil = {
  type: 'note',
  layer: 'content',
  ...boxBehaviour,
  View: NoteView,
  colorable: true,
  textEditing: {
    kind: 'box',
    labelKey: 'editor.label',
    style: TEXT_STYLE,
    textBox,
    background: (item) => item.color ?? PAPER,
  },
  far: { block: (item) => item.color ?? PAPER },
  toSvg: noteSvg,
}
