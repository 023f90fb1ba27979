import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from '../fixtures/a11y.js'
import { BoardPage } from '../fixtures/board.js'
import { Facilitation } from '../fixtures/facilitation.js'

// axe-core on every page and dialog, as each role sees them: no critical or serious violation.

test('the landing page and the template gallery', async ({ browser }) => {
  const visitor = await BoardPage.open(browser)
  await visitor.page.goto('/')
  await expectNoSeriousViolations(visitor.page, 'landing page')
  await visitor.page.getByTestId('template-start').click()
  await expect(visitor.page.getByTestId('template-gallery')).toBeVisible()
  await expectNoSeriousViolations(visitor.page, 'template gallery')
  await visitor.page.getByTestId('template-card-lewin-change').click()
  await expect(visitor.page.getByTestId('template-preview')).toBeVisible()
  await expectNoSeriousViolations(visitor.page, 'template preview')
  await visitor.close()
})

test('the board as the facilitator sees it, with its dialogs', async ({ browser }) => {
  test.slow()
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Accessibilité')
  await expect(facilitator.page.getByTestId('join-name')).toBeVisible()
  await expectNoSeriousViolations(facilitator.page, 'join dialog')
  await facilitator.joinAs('Camille')
  await facilitator.addNoteAt(400, 350, 'Une idée lisible')
  await expectNoSeriousViolations(facilitator.page, 'board (facilitator)')

  await facilitator.page.getByTestId('share-open').click()
  await expect(facilitator.page.getByTestId('share-participant-link')).toBeVisible()
  await expectNoSeriousViolations(facilitator.page, 'share dialog')
  await facilitator.page.keyboard.press('Escape')

  // The facilitator's panel opens on its agenda tab; the vote and people tabs have forms too.
  await expect(facilitator.page.getByTestId('facilitator-panel')).toBeVisible()
  for (const tab of ['vote', 'people', 'agenda']) {
    await facilitator.page.getByTestId(`facilitator-tab-${tab}`).click()
    await expectNoSeriousViolations(facilitator.page, `facilitator panel, ${tab} tab`)
  }

  await facilitator.page.getByTestId('templates-menu').click()
  await facilitator.page.getByTestId('templates-save').click()
  await expect(facilitator.page.getByTestId('save-template-name')).toBeVisible()
  await expectNoSeriousViolations(facilitator.page, 'save-as-template dialog')
  await facilitator.page.keyboard.press('Escape')

  await facilitator.page.getByTestId('board-canvas').focus()
  await facilitator.page.keyboard.press('Control+k')
  await expect(facilitator.page.getByTestId('command-palette')).toBeVisible()
  await expectNoSeriousViolations(facilitator.page, 'command palette')
  await facilitator.page.keyboard.press('Escape')
  await facilitator.page.keyboard.press('?')
  await expect(facilitator.page.getByRole('dialog')).toBeVisible()
  await expectNoSeriousViolations(facilitator.page, 'shortcut help')
  await facilitator.page.keyboard.press('Escape')
  await facilitator.close()
})

test('the board as a participant and an observer see it', async ({ browser }) => {
  test.slow()
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Accessibilité')
  await facilitator.joinAs('Camille')
  await facilitator.addNoteAt(400, 350, 'Une idée lisible')
  const links = await facilitator.shareLinks()
  const participant = await BoardPage.open(browser)
  await participant.page.goto(links.participant)
  await participant.joinAs('Yanis')
  await expectNoSeriousViolations(participant.page, 'board (participant)')

  // Private writing adds the composer and the private notes over the board.
  await new Facilitation(facilitator).startPrivateWriting()
  await expect(participant.page.getByTestId('private-composer')).toBeVisible()
  await expectNoSeriousViolations(participant.page, 'board in private writing (participant)')

  const observer = await BoardPage.open(browser)
  await observer.page.goto(links.observer)
  await observer.joinAs('Awa')
  await expect(observer.page.getByTestId('readonly-badge')).toBeVisible()
  await expectNoSeriousViolations(observer.page, 'board (observer)')

  await Promise.all([facilitator.close(), participant.close(), observer.close()])
})
