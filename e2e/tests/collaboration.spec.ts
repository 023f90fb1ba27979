import { createItem } from '@atelier/shared'
import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'
import { createBoardByApi, stockClient } from '../fixtures/stockClient.js'

test('two people on one board see each other’s notes and cursors', async ({ browser }, testInfo) => {
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Atelier idéation — Lab 06')
  await facilitator.joinAs('Camille')
  const { participant: participantLink } = await facilitator.shareLinks()
  expect(participantLink).toMatch(/\/b\/[A-Za-z0-9_-]+#/)

  const participant = await BoardPage.open(browser)
  await participant.page.goto(participantLink)
  await participant.joinAs('Yanis')

  await facilitator.addNoteAt(400, 300, 'Guichet unique en mairie')
  await expect
    .poll(async () => (await participant.notes()).map((n) => n.text))
    .toContain('Guichet unique en mairie')

  await participant.addNoteAt(700, 350, 'Rendez-vous en ligne')
  await expect
    .poll(async () => (await facilitator.notes()).map((n) => n.text).sort())
    .toEqual(['Guichet unique en mairie', 'Rendez-vous en ligne'])

  // The participant moves their pointer over the board: the facilitator sees it with their name.
  await participant.page.mouse.move(600, 500)
  await participant.page.mouse.move(640, 520, { steps: 5 })
  await expect(facilitator.page.getByTestId('remote-cursor').filter({ hasText: 'Yanis' })).toBeVisible()
  await expect(facilitator.page.getByTestId('people-list')).toContainText('Yanis')

  await facilitator.page.screenshot({ path: testInfo.outputPath('facilitator-board.png') })
  await testInfo.attach('facilitator-board', { path: testInfo.outputPath('facilitator-board.png') })

  await participant.close()
  await facilitator.close()
})

test('a note written by an outside y-websocket client shows up on an open board', async ({
  browser,
  baseURL,
}) => {
  const { id, tokens } = await createBoardByApi(baseURL, 'Script externe')
  const person = await BoardPage.open(browser)
  await person.page.goto(`/b/${id}#${tokens.participant}`)
  await person.joinAs('Inès')

  const script = await stockClient(baseURL, id, tokens.participant)
  const { doc } = script
  try {
    createItem(doc, { type: 'note', x: 100, y: 100, text: 'Déposée par un script', color: '#c9f2c7' })
    await expect
      .poll(async () => (await person.notes()).map((n) => n.text))
      .toContain('Déposée par un script')
  } finally {
    script.destroy()
    await person.close()
  }
})

test('the board survives a reload: notes come back from the server', async ({ browser }) => {
  const person = await BoardPage.open(browser)
  await person.createBoard('Persistance')
  await person.joinAs('Lou')
  await person.addNoteAt(500, 400, 'Toujours là')
  await expect.poll(async () => (await person.notes()).length).toBe(1)

  const other = await BoardPage.open(browser)
  await other.page.goto(person.page.url())
  await other.joinAs('Lou bis')
  await expect.poll(async () => (await other.notes()).map((n) => n.text)).toEqual(['Toujours là'])
  await other.close()
  await person.close()
})
