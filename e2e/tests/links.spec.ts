import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'

test('a facilitator replaces the participant link: the old one stops working, the new one works', async ({
  browser,
}) => {
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Conseil de quartier')
  await facilitator.joinAs('Camille')
  const { participant: oldLink } = await facilitator.shareLinks()

  const participant = await BoardPage.open(browser)
  await participant.page.goto(oldLink)
  await participant.joinAs('Yanis')

  await facilitator.page.getByTestId('share-open').click()
  facilitator.page.once('dialog', (dialog) => dialog.accept())
  await facilitator.page.getByTestId('share-participant-link-replace').click()
  await expect(facilitator.page.getByTestId('share-participant-link')).not.toHaveValue(oldLink)
  const newLink = await facilitator.page.getByTestId('share-participant-link').inputValue()
  await facilitator.page.keyboard.press('Escape')

  // The open connection was closed with "link replaced": the person is told, not left editing.
  await expect(participant.page.getByRole('heading', { name: "Ce lien n'est pas valide" })).toBeVisible()

  const latecomer = await BoardPage.open(browser)
  await latecomer.page.goto(oldLink)
  await expect(latecomer.page.getByRole('heading', { name: "Ce lien n'est pas valide" })).toBeVisible()
  await latecomer.page.goto(newLink)
  await latecomer.joinAs('Inès')
  await latecomer.addNoteAt(500, 400, 'Nouveau lien')
  await expect.poll(async () => (await facilitator.notes()).map((n) => n.text)).toContain('Nouveau lien')

  await Promise.all([facilitator.close(), participant.close(), latecomer.close()])
})
