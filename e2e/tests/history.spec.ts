import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'
import { HistoryDialog } from '../fixtures/history.js'

const NOTES = ['Guichet unique en mairie', 'Rendez-vous en ligne', 'Accueil sans écran']

test('a facilitator restores the board a participant emptied, and both browsers see the notes back', async ({
  browser,
}, testInfo) => {
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Rétrospective — Lab 06')
  await facilitator.joinAs('Camille')
  const { participant: participantLink } = await facilitator.shareLinks()
  const participant = await BoardPage.open(browser)
  await participant.page.goto(participantLink)
  await participant.joinAs('Yanis')

  const spots = [
    [300, 260],
    [630, 260],
    [300, 560],
  ] as const
  // The participant's own notes: "own notes only" (on by default) lets them delete those.
  for (const [i, text] of NOTES.entries())
    await participant.addNoteAt(spots[i]?.[0] ?? 0, spots[i]?.[1] ?? 0, text)
  const texts = async (person: BoardPage) => (await person.notes()).map((note) => note.text).sort()
  await expect.poll(() => texts(facilitator)).toEqual([...NOTES].sort())

  // The participant selects everything and deletes it, in one change.
  await participant.page.mouse.click(760, 620)
  await participant.page.keyboard.press('Control+a')
  await participant.page.keyboard.press('Delete')
  await expect.poll(() => texts(facilitator)).toEqual([])

  const fromPalette = await HistoryDialog.openFromPalette(facilitator.page)
  await fromPalette.close()
  const history = await HistoryDialog.openFromTopBar(facilitator.page)
  const newest = history.versions().first()
  await expect(newest).toContainText('Avant une suppression massive')
  await expect(newest).toContainText('3 éléments')
  await expect(newest.getByRole('radio')).toBeChecked()
  await expect(history.preview()).toBeVisible()
  await facilitator.page.screenshot({ path: testInfo.outputPath('history-dialog.png') })
  await testInfo.attach('history-dialog', { path: testInfo.outputPath('history-dialog.png') })

  await history.restoreSelected()
  await expect.poll(() => texts(facilitator)).toEqual([...NOTES].sort())
  await expect.poll(() => texts(participant)).toEqual([...NOTES].sort())

  // The restore itself is undoable: the version taken just before it is now the newest.
  const again = await HistoryDialog.openFromTopBar(facilitator.page)
  await expect(again.versions().first()).toContainText('Avant une restauration')
  await expect(again.versions().first()).toContainText('0 élément')
  await again.close()

  await participant.close()
  await facilitator.close()
})
