import { builtinTemplates } from '@atelier/shared'
import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'
import { readSessionAgenda, TemplatesPage } from '../fixtures/templates.js'

const LEWIN_COLUMNS = ['1. Décristallisation', '2. Transition', '3. Cristallisation']

test('a lab runs Lewin’s template, saves a frame to its library and reuses it', async ({
  browser,
  baseURL,
}, testInfo) => {
  const facilitator = await BoardPage.open(browser)
  const templates = new TemplatesPage(facilitator.page)

  // Gallery: search, filter by purpose, preview, create.
  await templates.openGallery()
  await templates.search('décristallisation')
  await expect(templates.gallery().getByTestId('template-grid').getByRole('listitem')).toHaveCount(1)
  await templates.preview('lewin-change')
  await expect(facilitator.page.getByTestId('template-preview-agenda')).toContainText('Mise en commun')
  await facilitator.page.screenshot({ path: testInfo.outputPath('lewin-preview.png') })
  await templates.createBoard('Réorganisation de l’accueil')
  await facilitator.joinAs('Camille')
  // The board opens framed on the template, which is wider than the screen.
  await expect(facilitator.page.getByTestId('zoom-level')).not.toHaveText(/^100/)

  // The board document has the three columns; the session document has the agenda.
  await expect
    .poll(async () => (await templates.frames()).map((f) => f.title))
    .toEqual(expect.arrayContaining(LEWIN_COLUMNS))
  const frames = await templates.frames()
  const { boardId, token } = templates.boardLink()
  const agenda = await readSessionAgenda(baseURL as string, boardId, token)
  expect(agenda.map((s) => s.title)).toEqual([
    'Le changement visé',
    'Décristallisation',
    'Mise en commun',
    'Transition',
    'Cristallisation',
    'Priorités',
  ])
  const frameIds = new Set(frames.map((f) => f.id))
  for (const step of agenda) expect(frameIds.has(step.frameId as string)).toBe(true)
  await facilitator.page.screenshot({ path: testInfo.outputPath('lewin-board.png') })

  // A lab library, then the "Transition" column saved into it as a template.
  const link = await templates.createLibraryFromBoard('Lab 06')
  expect(link).toMatch(/\/\?library=[A-Za-z0-9_-]+#[A-Za-z0-9_-]{43}$/)
  await templates.saveFrameAsTemplate(
    '2. Transition',
    'Expérimenter la transition',
    'La colonne transition, seule',
  )
  await expect(facilitator.page.locator('.toasts')).toContainText('Expérimenter la transition')

  // A colleague opens the library's link and creates a new board from that template.
  const colleague = await BoardPage.open(browser)
  const theirs = new TemplatesPage(colleague.page)
  await colleague.page.goto(link)
  await expect(theirs.gallery()).toBeVisible()
  await expect(colleague.page).toHaveURL(/\/$/)
  await theirs.preview('experimenter-la-transition')
  await colleague.page.screenshot({ path: testInfo.outputPath('library-preview.png') })
  await theirs.createBoard('Transition — équipe accueil')
  await colleague.joinAs('Yanis')
  await expect.poll(async () => (await theirs.frames()).map((f) => f.title)).toEqual(['2. Transition'])
  const notes = (await colleague.notes()).map((n) => n.text)
  expect(notes).toContain('Apprentissage de nouveaux modes de fonctionnement')
  // The steps of the run-sheet that take place on that column were saved with it.
  const transition = frames.find((f) => f.title === '2. Transition')?.id
  const reused = theirs.boardLink()
  const reusedAgenda = await readSessionAgenda(baseURL as string, reused.boardId, reused.token)
  expect(reusedAgenda.map((s) => s.title)).toEqual(
    agenda.filter((s) => s.frameId === transition).map((s) => s.title),
  )
  expect(reusedAgenda.length).toBeGreaterThan(0)

  await colleague.close()
  await facilitator.close()
})

test('every built-in template has a thumbnail and a preview', async ({ browser }, testInfo) => {
  const person = await BoardPage.open(browser)
  const templates = new TemplatesPage(person.page)
  await templates.openGallery()
  const grid = templates.gallery().getByTestId('template-grid')
  await expect(grid.getByRole('listitem')).toHaveCount(builtinTemplates().length)
  await templates.gallery().screenshot({ path: testInfo.outputPath('gallery.png') })
  await person.page.getByTestId('template-category-game').click()
  await expect(grid.getByRole('listitem')).toHaveCount(
    builtinTemplates().filter((t) => t.category === 'game').length,
  )
  await person.page.getByTestId('template-category-all').click()
  for (const template of builtinTemplates()) {
    const card = person.page.getByTestId(`template-card-${template.id}`)
    // The thumbnail image has loaded and has a size.
    await expect(card.locator('img')).toHaveJSProperty('complete', true)
    expect(await card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    await card.click()
    await expect(person.page.getByTestId('template-preview')).toBeVisible()
    await person.page.screenshot({ path: testInfo.outputPath(`preview-${template.id}.png`) })
    await person.page.getByTestId('template-preview-back').click()
  }
  await person.close()
})
