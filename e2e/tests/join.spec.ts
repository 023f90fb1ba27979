import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'
import { boardFromTemplate, openPhone, readJoinCode } from '../fixtures/room.js'

test('a person on a phone joins through /j/<code> and sees the board as a participant', async ({
  browser,
}) => {
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Atelier mobilité')
  await facilitator.joinAs('Camille')
  const code = await readJoinCode(facilitator)
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)

  // Projected big, with the short link the room types.
  await facilitator.page.getByTestId('share-open').click()
  await facilitator.page.getByTestId('share-project').click()
  const projector = facilitator.page.getByTestId('projector')
  await expect(projector.getByTestId('projector-code')).toHaveText(code)
  await expect(projector).toContainText(`Rejoindre : 127.0.0.1`)
  await expect(projector).toContainText(`/j/${code}`)
  await expect(projector.getByRole('img')).toBeVisible()
  await projector.getByRole('button', { name: 'Fermer la projection' }).click()
  await expect(projector).toBeHidden()
  await facilitator.page.keyboard.press('Escape')
  // Opened straight from its link (not after the landing page, which loads the join styles too),
  // the share dialog still shows the code big enough to read across a room.
  await facilitator.page.reload()
  await facilitator.page.getByTestId('share-open').click()
  const codeSize = await facilitator.page
    .getByTestId('share-join-code')
    .evaluate((code) => Number.parseFloat(getComputedStyle(code).fontSize))
  expect(codeSize).toBeGreaterThanOrEqual(32)
  await facilitator.page.keyboard.press('Escape')

  const phone = await openPhone(browser)
  await phone.page.goto(`/j/${code.toLowerCase()}`)
  await phone.page.waitForURL(/\/b\//)
  await phone.joinAs('Yanis')
  // A participant on a phone lands in the room, the view made for writing and voting there.
  await expect(phone.page.getByTestId('room-view')).toBeVisible()
  await facilitator.addNoteAt(600, 400, 'Covoiturage')
  await expect.poll(async () => (await phone.notes()).map((note) => note.text)).toContain('Covoiturage')
  await expect(phone.page.getByTestId('room-group-idea').filter({ hasText: 'Covoiturage' })).toBeVisible()
  // The join page is not in the history: Back leaves the board instead of joining again.
  await expect(phone.page).toHaveURL(/\/b\/[A-Za-z0-9_-]+#/)

  await Promise.all([facilitator.close(), phone.close()])
})

test('the landing page takes a typed code to the board, and says when a code is wrong', async ({
  browser,
}) => {
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Conseil citoyen')
  await facilitator.joinAs('Camille')
  const code = await readJoinCode(facilitator)

  const phone = await openPhone(browser)
  await phone.page.goto('/')
  // On the phone the landing page's lines read across the card, not a word per line.
  for (const line of [
    phone.page.getByText('Des ateliers prêts à animer'),
    phone.page.getByTestId('create-board-title'),
  ]) {
    expect((await line.boundingBox())?.width ?? 0).toBeGreaterThan(250)
  }
  await phone.page.getByTestId('join-code-input').fill('ZZZZZZ')
  await phone.page.getByTestId('join-code-submit').tap()
  await expect(phone.page.getByTestId('join-problem')).toContainText('ne correspond à aucun atelier ouvert')

  await phone.page.getByTestId('join-code-input').fill(code.toLowerCase())
  await phone.page.getByTestId('join-code-submit').tap()
  await phone.page.waitForURL(/\/b\//)
  await phone.joinAs('Inès')

  // Turned off, the code lets nobody in; the person already in stays.
  await facilitator.page.getByTestId('share-open').click()
  facilitator.page.once('dialog', (dialog) => dialog.accept())
  await facilitator.page.getByTestId('share-join-off').click()
  await expect(facilitator.page.getByTestId('share-join-code-off')).toBeVisible()
  await facilitator.page.keyboard.press('Escape')
  const late = await openPhone(browser)
  await late.page.goto(`/j/${code}`)
  await expect(late.page.getByTestId('join-problem')).toBeVisible()
  await expect(phone.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')

  await Promise.all([facilitator.close(), phone.close(), late.close()])
})

test('a participant who does not read French switches to English from the name dialog, on a phone', async ({
  browser,
  baseURL,
}) => {
  const board = await boardFromTemplate(baseURL ?? '', 'ideation')
  const phone = await openPhone(browser)
  await phone.page.goto(board.participant)
  const dialog = phone.page.getByRole('dialog')
  await expect(dialog).toContainText('Bienvenue')
  await dialog.getByRole('button', { name: /^EN/ }).tap()
  await expect(dialog).toContainText('Welcome!')
  await phone.joinAs('Sam')
  // The template's example notes are not anybody's ideas: the group's list starts empty.
  await expect(phone.page.getByTestId('room-group')).toContainText('(0)')
  // The room keeps the languages within reach, at the end of the page.
  const room = phone.page.getByTestId('room-view')
  await expect(room.getByRole('button', { name: /^EN/ })).toHaveAttribute('aria-pressed', 'true')
  await room.getByRole('button', { name: /^FR/ }).tap()
  await expect(phone.page.getByTestId('room-add')).toHaveText('Ajouter')
  await phone.close()
})
