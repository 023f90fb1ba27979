import { ITEM_TYPES, type ItemSnapshot } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { CONNECTOR_COLOR, FRAME_STROKE } from '../../canvas/theme.js'
import { BOARD_BACKGROUND, regionToSvg } from './boardSvg.js'
import { escapeXml, itemToSvg, type SvgContext, type TextBox } from './itemSvg.js'

/** Lines as given, 10 units a character: the tests see exactly where each line is placed. */
const boxes: TextBox[] = []
const ctx = (items: ItemSnapshot[] = [], images: Record<string, string> = {}): SvgContext => ({
  layoutText: (box) => {
    boxes.push(box)
    return box.text.split('\n').map((text) => ({ text, width: text.length * 10 }))
  },
  lookup: (id) => items.find((item) => item.id === id),
  imageHref: (src) => images[src],
})

const note: ItemSnapshot = {
  id: 'n',
  type: 'note',
  x: 100,
  y: 50,
  w: 200,
  h: 200,
  color: '#ffd8a8',
  text: 'Équipe\nmotivée',
}

function attr(svg: string, element: string, name: string, index = 0): string | undefined {
  const matches = [...svg.matchAll(new RegExp(`<${element} [^>]*?${name}="([^"]*)"`, 'g'))]
  return matches[index]?.[1]
}

describe('item SVG', () => {
  it('has a drawing for every item type', () => {
    for (const type of ITEM_TYPES) expect(typeof itemToSvg[type]).toBe('function')
  })

  it('draws a note as the canvas does: shadows, its colour, its lines at the fitted font size', () => {
    boxes.length = 0
    const svg = itemToSvg.note(note, ctx())
    expect(svg).toMatch(/^<g transform="translate\(100 50\)">/)
    expect([...svg.matchAll(/<rect /g)]).toHaveLength(3)
    expect(attr(svg, 'rect', 'fill', 2)).toBe('#ffd8a8')
    expect(boxes[0]).toMatchObject({
      text: 'Équipe\nmotivée',
      width: 200,
      height: 200,
      padding: 14,
      wrap: 'word',
    })
    const fontSize = boxes[0]?.fontSize ?? 0
    expect(fontSize).toBeGreaterThan(8)
    const spans = [...svg.matchAll(/<tspan x="([^"]+)" y="([^"]+)">([^<]*)<\/tspan>/g)]
    expect(spans.map((s) => s[3])).toEqual(['Équipe', 'motivée'])
    expect(spans.map((s) => Number(s[1]))).toEqual([14, 14])
    // Two lines one line height apart, the first centred in its line below the padding.
    const [first = 0, second = 0] = spans.map((s) => Number(s[2]))
    expect(second - first).toBeCloseTo(fontSize * 1.25, 1)
    expect(first).toBeCloseTo(14 + (fontSize * 1.25) / 2 + 0.35 * fontSize, 1)
  })

  it("centres a shape's text both ways and draws its outline", () => {
    const shape: ItemSnapshot = {
      id: 's',
      type: 'shape',
      shape: 'ellipse',
      x: 0,
      y: 0,
      w: 200,
      h: 100,
      text: 'Oui',
    }
    const svg = itemToSvg.shape(shape, ctx())
    expect(svg).toContain('<ellipse cx="100" cy="50" rx="100" ry="50"')
    const x = Number(attr(svg, 'tspan', 'x'))
    expect(x).toBeCloseTo(14 + (200 - 30 - 28) / 2)
    expect(itemToSvg.shape({ ...shape, shape: 'diamond' }, ctx())).toContain(
      '<polygon points="100 0 200 50 100 100 0 50"',
    )
  })

  it('turns a rotated item around its centre', () => {
    expect(itemToSvg.note({ ...note, rotation: 30 }, ctx())).toMatch(
      /^<g transform="translate\(100 50\) rotate\(30 100 100\)">/,
    )
  })

  it('escapes markup and drops characters XML forbids, in text and in tags', () => {
    const svg = itemToSvg.note({ ...note, text: 'a <b> & "c"\u0007', tags: ['R&D'] }, ctx())
    expect(svg).toContain('a &lt;b&gt; &amp; &quot;c&quot;</tspan>')
    expect(svg).toContain('>R&amp;D</text>')
    expect(svg).not.toContain('\u0007')
    expect(escapeXml('\u0000x\ty\n')).toBe('x\ty\n')
  })

  it('draws a frame with its outline and its title above it', () => {
    const svg = itemToSvg.frame(
      { id: 'f', type: 'frame', x: 0, y: 100, w: 400, h: 300, text: 'Forces' },
      ctx(),
    )
    expect(attr(svg, 'rect', 'stroke')).toBe(FRAME_STROKE)
    expect(svg).toContain('font-weight="bold"')
    expect(svg).toMatch(/translate\(0 71\.2\)/)
    expect(svg).toContain('>Forces</tspan>')
  })

  it('draws a pen stroke through its points, a highlighter translucent', () => {
    const stroke: ItemSnapshot = {
      id: 'p',
      type: 'stroke',
      x: 5,
      y: 6,
      w: 10,
      h: 10,
      points: [0, 0, 10, 0, 10, 10],
      color: '#e03131',
    }
    const svg = itemToSvg.stroke(stroke, ctx())
    expect(attr(svg, 'path', 'd')).toBe('M0 0L10 0L10 10')
    expect(attr(svg, 'path', 'transform')).toBe('translate(5 6)')
    expect(svg).not.toContain('opacity')
    expect(itemToSvg.stroke({ ...stroke, strokeWidth: 16 }, ctx())).toContain('opacity="0.45"')
    expect(itemToSvg.stroke({ ...stroke, points: [] }, ctx())).toBe('')
  })

  it("embeds an image's data, or draws the placeholder the canvas shows", () => {
    const image: ItemSnapshot = { id: 'i', type: 'image', x: 0, y: 0, w: 50, h: 40, src: '/img/a.png' }
    expect(
      attr(itemToSvg.image(image, ctx([], { '/img/a.png': 'data:image/png;base64,AAAA' })), 'image', 'href'),
    ).toBe('data:image/png;base64,AAAA')
    expect(itemToSvg.image(image, ctx())).toContain('fill="#e9ecef"')
  })

  it('draws a connector between its ends with the arrow head at the target', () => {
    const a: ItemSnapshot = { id: 'a', type: 'note', x: 0, y: 0, w: 100, h: 100 }
    const b: ItemSnapshot = { id: 'b', type: 'note', x: 300, y: 0, w: 100, h: 100 }
    const connector: ItemSnapshot = { id: 'c', type: 'connector', x: 0, y: 0, w: 0, h: 0, from: 'a', to: 'b' }
    const svg = itemToSvg.connector(connector, ctx([a, b]))
    expect(attr(svg, 'line', 'stroke')).toBe(CONNECTOR_COLOR)
    expect(Number(attr(svg, 'line', 'y1'))).toBe(50)
    const tip = attr(svg, 'polygon', 'points')?.split(' ').map(Number)
    // The head's point is where the line would end: on b's left side, level with the centres.
    expect(tip?.[0]).toBeLessThanOrEqual(300)
    expect(tip?.[0]).toBeGreaterThan(290)
    expect(tip?.[1]).toBe(50)
    expect(Number(attr(svg, 'line', 'x2'))).toBeCloseTo((tip?.[0] ?? 0) - 12)
    expect(itemToSvg.connector({ ...connector, to: 'gone' }, ctx([a]))).toBe('')
  })
})

describe('region SVG', () => {
  const region = { bounds: { x: -24, y: -24, w: 248, h: 248 }, items: [note], title: 'Forces & co' }

  it('is one document in board units, scaled by its declared size, with the board background on request', () => {
    const svg = regionToSvg(region, {
      background: true,
      scale: 2,
      layoutText: ctx().layoutText,
      imageHref: () => undefined,
    })
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" version="1.1" width="496" height="496" viewBox="-24 -24 248 248"/,
    )
    expect(svg).toContain(`fill="${BOARD_BACKGROUND}"`)
    expect(svg).toContain('<title>Forces &amp; co</title>')
    expect(svg).toContain('font-family="system-ui')
    expect(svg.trim().endsWith('</svg>')).toBe(true)
  })

  it('is transparent without the background', () => {
    const svg = regionToSvg(region, {
      background: false,
      layoutText: ctx().layoutText,
      imageHref: () => undefined,
    })
    expect(svg).not.toContain(BOARD_BACKGROUND)
  })
})
