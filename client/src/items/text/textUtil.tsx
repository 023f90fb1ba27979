import { type ItemSnapshot, NOTE_TEXT_COLOR } from '@atelier/shared'
import { BoxText, boxBehaviour, boxTextSvg, fittedTextBox, Rotated } from '../box.js'
import type { ItemUtil, ItemViewProps, SvgContext, TextStyle } from '../ItemUtil.js'
import { LockBadge } from '../LockBadge.js'
import { placed } from '../svg.js'
import { NOTE_PADDING } from '../theme.js'

/** Free text: no background, the text fitted in its box. */

const TEXT_STYLE: TextStyle = { align: 'left', verticalAlign: 'top', color: NOTE_TEXT_COLOR }
/** Free text may be a little larger than a note's: it is often a heading. */
const textBox = (item: ItemSnapshot) => fittedTextBox(item, item.h, 32)

function TextView({ item, editing }: ItemViewProps) {
  const box = textBox(item)
  return (
    <Rotated item={item}>
      {!editing && box.text !== '' && <BoxText box={box} style={TEXT_STYLE} />}
      {/* Before the text, in the margin: a short label in a wide box left the padlock far from any word. */}
      {item.locked && <LockBadge x={-20} y={NOTE_PADDING - 2} />}
    </Rotated>
  )
}

function textSvg(item: ItemSnapshot, ctx: SvgContext): string {
  return placed(item, boxTextSvg(textBox(item), TEXT_STYLE, ctx))
}

export const textUtil: ItemUtil = {
  type: 'text',
  layer: 'content',
  ...boxBehaviour,
  View: TextView,
  colorable: false,
  textEditing: {
    kind: 'box',
    labelKey: 'canvas.textLabel',
    style: TEXT_STYLE,
    textBox,
    removeWhenEmpty: true,
  },
  // A faint block: from afar free text is a grey smudge, as its letters would be.
  far: { block: () => 'rgba(31,41,51,0.25)' },
  toSvg: textSvg,
}
