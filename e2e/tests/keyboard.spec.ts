import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'
import { Facilitation } from '../fixtures/facilitation.js'
import { KeyboardUser } from '../fixtures/keyboard.js'

test('a keyboard-only participant creates, edits, walks through and votes on notes', async ({ browser }) => {
  test.slow()
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Sans souris')
  await facilitator.joinAs('Camille')
  await facilitator.addNoteAt(300, 300, 'Idée de Camille')
  const { participant: link } = await facilitator.shareLinks()

  const awa = await BoardPage.open(browser)
  const keys = new KeyboardUser(awa.page)
  await awa.page.goto(link)
  // The name field has the focus when the join dialog opens.
  await expect(awa.page.getByTestId('join-name')).toBeFocused()
  await keys.type('Awa')
  await keys.press('Enter')
  await expect(awa.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')

  // Joining hands the focus to the board, one tab stop; N adds a note ready to type; Escape
  // comes back to the board.
  await keys.expectFocusOn('board-canvas')
  await keys.press('n')
  await expect(awa.page.getByTestId('note-editor')).toBeFocused()
  await keys.type('Moins de papier')
  await keys.press('Escape')
  await keys.expectFocusOn('board-canvas')
  await expect
    .poll(async () => (await awa.notes()).map((n) => n.text).sort())
    .toEqual(['Idée de Camille', 'Moins de papier'])

  // Home goes to the first item in reading order, the arrows walk on; each stop is announced.
  await keys.press('Home')
  await expect(keys.liveRegion()).toContainText(/Post-it 1 sur 2 : \S/)
  const first = (await keys.liveRegion().textContent()) ?? ''
  await keys.press('ArrowRight')
  await expect(keys.liveRegion()).toContainText('Post-it 2 sur 2')
  await expect(keys.liveRegion()).not.toHaveText(first)

  // Enter edits the note the keyboard is on (Awa's own), Escape leaves the editor.
  const mine = (await awa.notes()).find((n) => n.text === 'Moins de papier')
  await keys.walkTo('Moins de papier')
  await keys.press('Enter')
  await expect(awa.page.getByTestId('note-editor')).toBeFocused()
  await keys.press('End')
  await keys.type(' au guichet')
  await keys.press('Escape')
  await keys.expectFocusOn('board-canvas')
  await expect
    .poll(async () => (await facilitator.notes()).find((n) => n.id === mine?.id)?.text)
    .toBe('Moins de papier au guichet')

  // The facilitator opens a vote on both notes; Awa votes with Alt+V on the note she is on.
  await facilitator.page.getByTestId('board-canvas').click({ position: { x: 900, y: 650 } })
  await facilitator.page.keyboard.press('Control+a')
  const facilitation = new Facilitation(facilitator)
  await facilitation.startVoteOnSelection(3)
  const voting = new Facilitation(awa)
  await expect(awa.page.getByTestId('remaining-votes')).toBeVisible()
  await keys.walkTo('Idée de Camille')
  await expect(keys.liveRegion()).toContainText('aucune de vos gommettes')
  await keys.press('Alt+KeyV')
  await expect(keys.liveRegion()).toContainText('1 gommette sur cet élément, 2 gommettes à placer')
  await keys.press('Alt+KeyV')
  await expect.poll(() => voting.remainingVotes()).toBe(1)
  await keys.press('Alt+KeyR')
  await expect.poll(() => voting.remainingVotes()).toBe(2)
  await keys.expectFocusOn('board-canvas')

  await facilitation.closeVote()
  await expect.poll(async () => (await facilitation.results()).length).toBeGreaterThan(0)
  expect((await facilitation.results())[0]).toMatch(/\(1\)$/)

  // The Note tool's button, pressed from the keyboard, adds a note there and then, open to type
  // (a tool waiting for a click on the board would give a keyboard nothing).
  await keys.tabTo('tool-note')
  await keys.press('Enter')
  await expect(awa.page.getByTestId('note-editor')).toBeFocused()
  await keys.type('Au clavier')
  await keys.press('Escape')
  await expect.poll(async () => (await facilitator.notes()).map((n) => n.text)).toContain('Au clavier')
  await Promise.all([facilitator.close(), awa.close()])
})
