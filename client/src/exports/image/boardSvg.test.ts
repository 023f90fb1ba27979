import type { ItemSnapshot } from '@atelier/shared'
import { describe, expect, it } from 'vitest'
import { BOARD_BACKGROUND, regionToSvg } from './boardSvg.js'
import { fontFaceCss } from './fontFaces.js'

const note: ItemSnapshot = { id: 'n', type: 'note', x: 100, y: 50, w: 200, h: 200, text: 'Équipe' }
const layoutText = ({ text }: { text: string }) => [{ text, width: text.length * 10 }]

describe('region SVG', () => {
  const region = { bounds: { x: -24, y: -24, w: 248, h: 248 }, items: [note], title: 'Forces & co' }

  it('is one document in board units, scaled by its declared size, with the board background on request', () => {
    const svg = regionToSvg(region, {
      background: true,
      scale: 2,
      layoutText,
      imageHref: () => undefined,
    })
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" version="1.1" width="496" height="496" viewBox="-24 -24 248 248"/,
    )
    expect(svg).toContain(`fill="${BOARD_BACKGROUND}"`)
    expect(svg).toContain('<title>Forces &amp; co</title>')
    expect(svg).toContain('font-family="&quot;Noto Sans&quot;, system-ui')
    expect(svg).not.toContain('@font-face')
    expect(svg.trim().endsWith('</svg>')).toBe(true)
  })

  it('is transparent without the background', () => {
    const svg = regionToSvg(region, {
      background: false,
      layoutText,
      imageHref: () => undefined,
    })
    expect(svg).not.toContain(BOARD_BACKGROUND)
  })

  it('embeds the font faces it is given in a style of its own', () => {
    const fontFaces = fontFaceCss('Noto Sans', [
      {
        file: { weight: 400, unicodeRange: 'U+0000-00FF', url: 'x' },
        dataUrl: 'data:font/woff2;base64,d09GMgAB',
      },
    ])
    const svg = regionToSvg(region, { background: false, layoutText, imageHref: () => undefined, fontFaces })
    const style = /<defs><style><!\[CDATA\[([\s\S]*?)\]\]><\/style><\/defs>/.exec(svg)?.[1]
    expect(style).toContain(
      '@font-face{font-family:"Noto Sans";font-style:normal;font-weight:400;src:url(data:font/woff2;base64,d09GMgAB) format("woff2");unicode-range:U+0000-00FF}',
    )
  })
})
