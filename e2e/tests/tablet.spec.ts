import { expect, type Locator, type Page, test } from '@playwright/test'
import { expectNoSeriousViolations } from '../fixtures/a11y.js'
import { BoardPage } from '../fixtures/board.js'
import { boardFromTemplate } from '../fixtures/room.js'

/** An iPad held upright: between the phone's room and the laptop's panel. */
const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true } as const

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox()
  if (!box) throw new Error(`${locator} is not on screen`)
  return box
}

async function expectApart(a: Locator, b: Locator) {
  const [one, two] = [await boxOf(a), await boxOf(b)]
  const overlap =
    one.x < two.x + two.width &&
    two.x < one.x + one.width &&
    one.y < two.y + two.height &&
    two.y < one.y + one.height
  expect(overlap, `${a} and ${b} overlap`).toBe(false)
}

async function expectTopBarOnScreen(page: Page) {
  const width = page.viewportSize()?.width ?? 0
  const controls = page.locator('header button, header a, header fieldset')
  expect(await controls.count()).toBeGreaterThan(3)
  for (const control of await controls.all()) {
    const box = await boxOf(control)
    expect(box.x, `${await control.textContent()} starts off screen`).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, `${await control.textContent()} ends off screen`).toBeLessThanOrEqual(width)
  }
}

test('on a tablet held upright, every control is on screen and nothing covers another', async ({
  browser,
  baseURL,
}) => {
  const board = await boardFromTemplate(baseURL ?? '', 'ideation')
  const open = async (link: string, name: string) => {
    const context = await browser.newContext(TABLET)
    const person = new BoardPage(await context.newPage(), context)
    await person.page.goto(link)
    await person.joinAs(name)
    return person
  }
  const facilitator = await open(board.facilitator, 'Camille')
  const { page } = facilitator

  // The facilitator's top bar keeps "Exporter" and the languages on screen.
  await expectTopBarOnScreen(page)
  await expect(page.getByRole('button', { name: 'Exporter' })).toBeInViewport({ ratio: 1 })
  // The buttons reduced to their icon keep their names.
  await expect(page.getByTestId('share-open')).toHaveAccessibleName('Partager')
  await expectNoSeriousViolations(page, 'the board as a facilitator on a tablet')
  // The panel would cover the session bar and the step's frame: it waits behind its button.
  await expect(page.getByTestId('facilitator-panel')).toHaveCount(0)
  await page.getByTestId('facilitator-open').tap()
  await page.getByTestId('agenda-next').tap()
  await page.getByRole('button', { name: "Masquer le panneau d'animation" }).tap()
  await expect(page.getByTestId('current-step')).toBeVisible()
  await expectApart(page.getByTestId('session-bar'), page.getByTestId('facilitator-open'))

  // The reactions stand clear of the zoom and help buttons, "Lever la main" on one line.
  const participant = await open(board.participant, 'Nadia')
  const reactions = participant.page.getByRole('toolbar', { name: 'Réactions' })
  await expectApart(reactions, participant.page.getByRole('navigation', { name: 'Vue et aide' }))
  const hand = await boxOf(participant.page.getByTestId('raise-hand'))
  expect(hand.height).toBeLessThan(48)
  await expectTopBarOnScreen(participant.page)

  await Promise.all([facilitator.close(), participant.close()])
})
