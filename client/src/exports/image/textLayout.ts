import Konva from 'konva'
import type { TextBox } from '../../items/ItemUtil.js'
import type { TextLine } from '../../items/svg.js'
import { NOTE_FONT_FAMILY } from '../../items/theme.js'

/**
 * Lines of a text box broken by Konva itself, with the props the canvas's Text nodes get: the
 * export wraps, shrinks and ellipsises exactly where the board does on this browser.
 */
export function konvaTextLayout(box: TextBox): readonly TextLine[] {
  const node = new Konva.Text({
    text: box.text,
    width: box.width,
    height: box.height,
    padding: box.padding,
    fontSize: box.fontSize,
    lineHeight: box.lineHeight,
    fontFamily: NOTE_FONT_FAMILY,
    fontStyle: box.fontStyle ?? 'normal',
    wrap: box.wrap,
    ellipsis: true,
  })
  const lines = node.textArr.map((line) => ({ text: line.text, width: line.width }))
  node.destroy()
  return lines
}
