import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'

test('facilitation actions are commands: the palette starts the timer, Alt+T pauses it', async ({
  browser,
}) => {
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Palette')
  await facilitator.joinAs('Camille')
  const { page } = facilitator
  const timer = page.getByTestId('timer')
  await expect(timer).toHaveAttribute('data-phase', 'idle')

  await page.keyboard.press('Control+k')
  await page.keyboard.type('minuteur')
  await expect(page.getByRole('option', { name: /Lancer ou mettre en pause le minuteur/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('command-palette')).toBeHidden()
  await expect(timer).toHaveAttribute('data-phase', 'running')

  await page.keyboard.press('Alt+t')
  await expect(timer).toHaveAttribute('data-phase', 'paused')

  await page.keyboard.press('Shift+?')
  await expect(page.getByTestId('shortcut-help')).toContainText("Passer à l'étape suivante")
  await facilitator.close()
})
