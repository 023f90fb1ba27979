import { ITEM_TYPES, type ItemSnapshot } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import type { SvgContext, TextBox } from './ItemUtil.js'
import { itemUtil } from './registry.js'
import { escapeXml, linesSvg } from './svg.js'
import { CONNECTOR_COLOR, FRAME_STROKE } from './theme.js'

/** Lines as given, 10 units a character: the tests see exactly where each line is placed. */
const boxes: TextBox[] = []
const layoutText = (box: TextBox) => {
  boxes.push(box)
  return box.text.split('\n').map((text) => ({ text, width: text.length * 10 }))
}
const ctx = (items: ItemSnapshot[] = [], images: Record<string, string> = {}): SvgContext => ({
  text: (box, style) => linesSvg(layoutText(box), box, style, 'sans-serif'),
  lookup: (id) => items.find((item) => item.id === id),
  imageHref: (src) => images[src],
  unit: 0,
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
    for (const type of ITEM_TYPES) expect(typeof itemUtil(type).toSvg).toBe('function')
  })

  it('draws a note as the canvas does: shadows, its colour, its lines at the fitted font size', () => {
    boxes.length = 0
    const svg = itemUtil('note').toSvg(note, ctx())
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
    const svg = itemUtil('shape').toSvg(shape, ctx())
    expect(svg).toContain('<ellipse cx="100" cy="50" rx="100" ry="50"')
    const x = Number(attr(svg, 'tspan', 'x'))
    expect(x).toBeCloseTo(14 + (200 - 30 - 28) / 2)
    expect(itemUtil('shape').toSvg({ ...shape, shape: 'diamond' }, ctx())).toContain(
      '<polygon points="100 0 200 50 100 100 0 50"',
    )
  })

  it('turns a rotated item around its centre', () => {
    expect(itemUtil('note').toSvg({ ...note, rotation: 30 }, ctx())).toMatch(
      /^<g transform="translate\(100 50\) rotate\(30 100 100\)">/,
    )
  })

  it('escapes markup and drops characters XML forbids, in text and in tags', () => {
    const svg = itemUtil('note').toSvg({ ...note, text: 'a <b> & "c"\u0007', tags: ['R&D'] }, ctx())
    expect(svg).toContain('a &lt;b&gt; &amp; &quot;c&quot;</tspan>')
    expect(svg).toContain('>R&amp;D</tspan>')
    expect(svg).not.toContain('\u0007')
    expect(escapeXml('\u0000x\ty\n')).toBe('x\ty\n')
  })

  it('draws a frame with its outline and its title above it', () => {
    const svg = itemUtil('frame').toSvg(
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
    const svg = itemUtil('stroke').toSvg(stroke, ctx())
    expect(attr(svg, 'path', 'd')).toBe('M0 0L10 0L10 10')
    expect(attr(svg, 'path', 'transform')).toBe('translate(5 6)')
    expect(svg).not.toContain('opacity')
    expect(itemUtil('stroke').toSvg({ ...stroke, strokeWidth: 16 }, ctx())).toContain('opacity="0.45"')
    expect(itemUtil('stroke').toSvg({ ...stroke, points: [] }, ctx())).toBe('')
  })

  it("embeds an image's data, or draws the placeholder the canvas shows", () => {
    const image: ItemSnapshot = { id: 'i', type: 'image', x: 0, y: 0, w: 50, h: 40, src: '/img/a.png' }
    expect(
      attr(
        itemUtil('image').toSvg(image, ctx([], { '/img/a.png': 'data:image/png;base64,AAAA' })),
        'image',
        'href',
      ),
    ).toBe('data:image/png;base64,AAAA')
    expect(itemUtil('image').toSvg(image, ctx())).toContain('fill="#e9ecef"')
  })

  it('draws a connector between its ends with the arrow head at the target', () => {
    const a: ItemSnapshot = { id: 'a', type: 'note', x: 0, y: 0, w: 100, h: 100 }
    const b: ItemSnapshot = { id: 'b', type: 'note', x: 300, y: 0, w: 100, h: 100 }
    const connector: ItemSnapshot = { id: 'c', type: 'connector', x: 0, y: 0, w: 0, h: 0, from: 'a', to: 'b' }
    const svg = itemUtil('connector').toSvg(connector, ctx([a, b]))
    expect(attr(svg, 'line', 'stroke')).toBe(CONNECTOR_COLOR)
    expect(Number(attr(svg, 'line', 'y1'))).toBe(50)
    const tip = attr(svg, 'polygon', 'points')?.split(' ').map(Number)
    // The head's point is where the line would end: on b's left side, level with the centres.
    expect(tip?.[0]).toBeLessThanOrEqual(300)
    expect(tip?.[0]).toBeGreaterThan(290)
    expect(tip?.[1]).toBe(50)
    expect(Number(attr(svg, 'line', 'x2'))).toBeCloseTo((tip?.[0] ?? 0) - 12)
    expect(itemUtil('connector').toSvg({ ...connector, to: 'gone' }, ctx([a]))).toBe('')
  })
})
