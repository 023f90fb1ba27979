import { writeFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from '../fixtures/a11y.js'
import { BoardPage } from '../fixtures/board.js'
import { CanvasPage } from '../fixtures/canvas.js'
import {
  ExportPage,
  pdfPageCount,
  pdfText,
  pngPixels,
  type Rgba,
  screenPixel,
  textRenderingDistances,
} from '../fixtures/exports.js'
import { createBoardFromTemplate } from '../fixtures/game.js'

/** Same colour give or take anti-aliasing and colour rounding. */
function expectSameColour(actual: Rgba | undefined, expected: Rgba | undefined, where: string): void {
  if (!actual || !expected) throw new Error(`no pixel at ${where}`)
  const difference = Math.max(...actual.map((value, channel) => Math.abs(value - (expected[channel] ?? 0))))
  expect(difference, `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(6)
}

/** Frame titles take 18 × 1.6 board units above the frame; exports keep 24 units of margin. */
const TITLE_BAND = 28.8
const MARGIN = 24

test('the PNG of a frame is the frame as the board shows it, at 1× and 2×', async ({ browser }, testInfo) => {
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Atelier — parcours usager')
  await facilitator.joinAs('Camille')
  const canvas = new CanvasPage(facilitator)
  const page = facilitator.page

  await canvas.useTool('frame')
  await canvas.drag([260, 200], [900, 640])
  await canvas.expectItemCount('frame', 1)
  await facilitator.addNoteAt(420, 360, 'Accueil en mairie')
  await facilitator.addNoteAt(740, 360, 'Rendez-vous en ligne')
  await canvas.expectItemCount('note', 2)
  await canvas.useTool('connector')
  await canvas.drag([420, 360], [740, 360])
  await canvas.expectItemCount('connector', 1)
  await page.keyboard.press('Escape')
  await page.mouse.move(1200, 700)

  const [frame] = await canvas.itemsOfType('frame')
  const notes = await canvas.itemsOfType('note')
  if (!frame || notes.length !== 2) throw new Error('frame or notes missing')
  // Inside each note away from its text and the arrow; the frame's empty floor; the margin.
  const samples: [number, number][] = [
    ...notes.map((note): [number, number] => [note.x + note.w - 6, note.y + note.h - 20]),
    [frame.x + 20, frame.y + frame.h - 20],
  ]
  const onScreen: Rgba[] = []
  for (const [x, y] of samples) onScreen.push(await screenPixel(page, ...(await canvas.toScreen(x, y))))

  const exporter = new ExportPage(facilitator)
  await exporter.open()
  await expect(page.getByTestId('export-preview').locator('img')).toBeVisible()
  await exporter.chooseFrame('Section 1')
  const png = await exporter.download('export-png')
  expect(png.name).toBe('Atelier-parcours-usager-Section-1.png')
  await writeFile(testInfo.outputPath('frame.png'), png.bytes)
  await testInfo.attach('frame.png', { path: testInfo.outputPath('frame.png') })

  const left = frame.x - MARGIN
  const top = frame.y - TITLE_BAND - MARGIN
  const at = (scale: number) =>
    [...samples, [frame.x - MARGIN / 2, frame.y + frame.h / 2] as [number, number]].map(
      ([x, y]): [number, number] => [Math.round((x - left) * scale), Math.round((y - top) * scale)],
    )
  const once = await pngPixels(page, png.bytes, at(1))
  expect(once.width).toBe(Math.ceil(frame.w + 2 * MARGIN))
  expect(once.height).toBe(Math.ceil(frame.h + TITLE_BAND + 2 * MARGIN))
  for (const [i, point] of samples.entries())
    expectSameColour(once.pixels[i], onScreen[i], `(${point}) at 1×`)
  // The margin shows the board's background.
  expectSameColour(once.pixels[samples.length], [0xf5, 0xf6, 0xf8, 255], 'margin at 1×')

  await exporter.open()
  await exporter.setScale(2)
  await exporter.setBackground(false)
  const twice = await exporter.download('export-png')
  expect(twice.name).toBe('Atelier-parcours-usager-Section-1@2x.png')
  const doubled = await pngPixels(page, twice.bytes, at(2))
  expect(doubled.width).toBe(Math.ceil((frame.w + 2 * MARGIN) * 2))
  for (const [i, point] of samples.entries())
    expectSameColour(doubled.pixels[i], onScreen[i], `(${point}) at 2×`)
  // Without the background, the margin is transparent.
  expect(doubled.pixels[samples.length]?.[3]).toBe(0)

  await exporter.open()
  const svg = await exporter.download('export-svg')
  const text = svg.bytes.toString('utf8')
  expect(text).toContain('<svg xmlns="http://www.w3.org/2000/svg"')
  expect(text).toContain('Accueil')
  expect(text).toContain('<polygon')
  await facilitator.close()
})

test('the PDF of a board has one page per frame with the title, the frames and the notes as text', async ({
  browser,
  baseURL,
}, testInfo) => {
  const links = await createBoardFromTemplate(baseURL ?? '', 'Diagnostic FFOM du service', 'swot-ffom')
  const facilitator = await BoardPage.open(browser)
  await facilitator.page.goto(links.facilitator)
  await facilitator.joinAs('Camille')
  const canvas = new CanvasPage(facilitator)
  await expect.poll(async () => (await canvas.itemsOfType('frame')).length).toBeGreaterThan(1)
  const frames = await canvas.itemsOfType('frame')
  const notes = (await canvas.itemsOfType('note')).filter((note) => note.text.trim() !== '')

  // By keyboard only: the shortcut opens the dialog, Enter on the focused PDF button exports.
  const page = facilitator.page
  await page.getByTestId('board-canvas').focus()
  await page.keyboard.press('Control+Shift+E')
  await expect(page.getByTestId('export-dialog')).toBeVisible()
  await expectNoSeriousViolations(page, 'export dialog')
  const exporter = new ExportPage(facilitator)
  await page.getByTestId('export-scope-board').focus()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('export-preview')).toContainText(`${frames.length} pages`)
  await page.getByTestId('export-pdf').focus()
  const pdf = await exporter.downloadWith(() => page.keyboard.press('Enter'))
  expect(pdf.name).toBe('Diagnostic-FFOM-du-service.pdf')
  await writeFile(testInfo.outputPath('board.pdf'), pdf.bytes)
  await testInfo.attach('board.pdf', { path: testInfo.outputPath('board.pdf') })

  expect(pdfPageCount(pdf.bytes)).toBe(frames.length)
  const text = pdfText(pdf.bytes)
  expect(text).toContain('Diagnostic FFOM du service')
  expect(text).toContain(`Page 1 / ${frames.length}`)
  for (const frame of frames.filter((f) => f.text)) expect(text).toContain(frame.text)
  // Each note's first word is on some page (its lines are the canvas's lines).
  for (const note of notes) expect(text).toContain(note.text.trim().split(/\s+/)[0])
  await facilitator.close()
})

test('the PDF per agenda step has one page per step, headed by the step, showing its frame', async ({
  browser,
  baseURL,
}, testInfo) => {
  const links = await createBoardFromTemplate(baseURL ?? '', 'Idéation accueil', 'ideation')
  const facilitator = await BoardPage.open(browser)
  await facilitator.page.goto(links.facilitator)
  await facilitator.joinAs('Camille')
  const page = facilitator.page
  // The ideation agenda: five steps, each bringing everyone to a frame (two share "familles").
  await expect(page.getByTestId('agenda-go-4')).toBeVisible()
  const exporter = new ExportPage(facilitator)
  await exporter.open()
  await expect(page.getByTestId('export-steps-pdf')).toBeEnabled()
  const pdf = await exporter.download('export-steps-pdf')
  expect(pdf.name).toBe('Idéation-accueil-étapes.pdf')
  await writeFile(testInfo.outputPath('steps.pdf'), pdf.bytes)
  await testInfo.attach('steps.pdf', { path: testInfo.outputPath('steps.pdf') })
  expect(pdfPageCount(pdf.bytes)).toBe(5)
  const text = pdfText(pdf.bytes)
  for (const heading of ['1. Le défi', '2. Divergence en privé', '4. Vote par gommettes', 'Page 5 / 5'])
    expect(text).toContain(heading)
  await facilitator.close()
})

test('SVG and PNG embed the board font: the PNG text is drawn as the screen draws it', async ({
  browser,
}, testInfo) => {
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Polices')
  await facilitator.joinAs('Camille')
  const canvas = new CanvasPage(facilitator)
  const page = facilitator.page
  await facilitator.addNoteAt(500, 360, 'Œuvre commune : Ελληνικά')
  await canvas.expectItemCount('note', 1)
  await page.keyboard.press('Escape')
  await page.mouse.move(1200, 700)
  const [note] = await canvas.itemsOfType('note')
  if (!note) throw new Error('note missing')

  const exporter = new ExportPage(facilitator)
  await exporter.open()
  const svgFile = await exporter.download('export-svg')
  const svg = svgFile.bytes.toString('utf8')
  // The Latin and Greek files of the board's font, as data: URLs, in a document that parses.
  expect(svg.match(/@font-face\{font-family:"Noto Sans"/g)?.length).toBe(2)
  expect(svg).toContain('src:url(data:font/woff2;base64,')
  expect(svg).toContain('unicode-range:U+0370-0377')
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      styles: doc.querySelectorAll('style').length,
    }
  }, svg)
  expect(parsed).toEqual({ error: null, styles: 1 })

  await exporter.open()
  const png = await exporter.download('export-png')
  await writeFile(testInfo.outputPath('font.png'), png.bytes)
  await testInfo.attach('font.png', { path: testInfo.outputPath('font.png') })
  // The note on screen (zoom 1) and in the PNG (24 units of margin), its text area only.
  const box = { x: MARGIN + 8, y: MARGIN + 8, w: Math.floor(note.w) - 16, h: Math.floor(note.h) - 16 }
  const [left, top] = await canvas.toScreen(note.x + 8, note.y + 8)
  const screen = await page.screenshot({
    clip: { x: Math.round(left), y: Math.round(top), width: box.w, height: box.h },
  })
  const distances = await textRenderingDistances(page, { png: png.bytes, svg, screen }, box)
  // The PNG is drawn in the screen's font: much closer to the screen than the same SVG without
  // its embedded font (the machine's fallback font, DejaVu Sans here).
  expect(distances.png * 2, JSON.stringify(distances)).toBeLessThan(distances.fallback)
  await facilitator.close()
})
