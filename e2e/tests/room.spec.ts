import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'
import { Facilitation, facilitatorAndTwoParticipants } from '../fixtures/facilitation.js'
import { Game } from '../fixtures/game.js'
import { boardFromTemplate, type DocBox, openPhone, readBoxes, writePrivately } from '../fixtures/room.js'

const overlap = (a: DocBox, b: DocBox) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

test('a phone joins by code, writes three ideas in private, and the reveal lays everyone’s notes out without overlap', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const board = await boardFromTemplate(baseURL ?? '', 'swot-ffom')
  const facilitator = await BoardPage.open(browser)
  await facilitator.page.goto(board.facilitator)
  await facilitator.joinAs('Camille')
  const phone = await openPhone(browser)
  await phone.page.goto(`/j/${board.joinCode}`)
  await phone.joinAs('Yanis')
  // A phone lands in the room; this person prefers the canvas.
  await phone.page.getByTestId('room-show-board').tap()
  const desktop = await BoardPage.open(browser)
  await desktop.page.goto(board.participant)
  await desktop.joinAs('Inès')

  // The first step of the SWOT is private writing in the "Forces" frame.
  await facilitator.page.getByTestId('agenda-next').click()
  await expect(phone.page.getByTestId('private-text')).toBeVisible()
  // A screen reader hears the new step, then the reveal, without looking for them.
  await expect(desktop.page.getByTestId('live-region')).toContainText(/^Étape 1 sur \d+ : \S/)
  for (const idea of ['Équipe soudée', 'Élus impliqués', 'Budget voté']) await writePrivately(phone, idea)
  for (const idea of ['Locaux accessibles', 'Agents formés']) await writePrivately(desktop, idea)
  await expect(facilitator.page.getByTestId('reveal')).toContainText('5')
  await facilitator.page.getByTestId('reveal').click()
  await expect(desktop.page.getByTestId('live-region')).toContainText('Les idées de chacun sont révélées')

  const written = ['Équipe soudée', 'Élus impliqués', 'Budget voté', 'Locaux accessibles', 'Agents formés']
  for (const person of [facilitator, phone, desktop]) {
    await expect
      .poll(async () => (await readBoxes(person)).filter((box) => written.includes(box.text)).length)
      .toBe(5)
  }
  const boxes = await readBoxes(phone)
  const frame = boxes.find((box) => box.type === 'frame' && box.text.startsWith('Forces'))
  const notes = boxes.filter((box) => written.includes(box.text))
  if (!frame) throw new Error('the Forces frame is missing')
  for (const [i, note] of notes.entries()) {
    expect(note.x).toBeGreaterThanOrEqual(frame.x)
    expect(note.y).toBeGreaterThanOrEqual(frame.y)
    expect(note.x + note.w).toBeLessThanOrEqual(frame.x + frame.w)
    expect(note.y + note.h).toBeLessThanOrEqual(frame.y + frame.h)
    for (const other of notes.slice(i + 1)) expect(overlap(note, other)).toBe(false)
  }
  // The facilitator's copy holds the same layout.
  const facilitatorBoxes = await readBoxes(facilitator)
  for (const note of notes) expect(facilitatorBoxes).toContainEqual(note)

  // The step's instructions said "Vos post-it restent privés": after the reveal they no longer do.
  // (On the phone the instruction card starts folded: nothing on its screen says so any more.)
  await expect(phone.page.getByText('restent privés')).toHaveCount(0)
  await expect(desktop.page.getByTestId('step-instructions')).toContainText('révélées')

  await Promise.all([facilitator.close(), phone.close(), desktop.close()])
})

test('in private writing, N after clicking the board opens a new idea instead of typing "n"', async ({
  browser,
  baseURL,
}) => {
  const board = await boardFromTemplate(baseURL ?? '', 'swot-ffom')
  const facilitator = await BoardPage.open(browser)
  await facilitator.page.goto(board.facilitator)
  await facilitator.joinAs('Camille')
  const participant = await BoardPage.open(browser)
  await participant.page.goto(board.participant)
  await participant.joinAs('Inès')
  await facilitator.page.getByTestId('agenda-next').click()

  const field = participant.page.getByTestId('private-text')
  await field.click()
  await expect(field).toBeFocused()
  await participant.page.mouse.click(640, 300)
  await participant.page.keyboard.press('n')
  await expect(field).toHaveValue('')
  await expect(field).toBeFocused()
  await participant.page.keyboard.type('Procédures d’achat')
  await expect(field).toHaveValue('Procédures d’achat')

  await Promise.all([facilitator.close(), participant.close()])
})

test('on a phone in private writing, the Note tool then a tap on the board opens the writing box', async ({
  browser,
  baseURL,
}) => {
  const board = await boardFromTemplate(baseURL ?? '', 'swot-ffom')
  const facilitator = await BoardPage.open(browser)
  await facilitator.page.goto(board.facilitator)
  await facilitator.joinAs('Camille')
  const phone = await openPhone(browser)
  await phone.page.goto(board.participant)
  await phone.joinAs('Yanis')
  await phone.page.getByTestId('room-show-board').tap()
  await facilitator.page.getByTestId('agenda-next').click()
  await expect(phone.page.getByTestId('private-text')).toBeVisible()

  await phone.page.getByTestId('tool-note').tap()
  await phone.page.touchscreen.tap(206, 420)
  await expect(phone.page.getByTestId('private-text')).toBeFocused()
  await phone.page.keyboard.type('Un guichet unique')
  await phone.page.getByTestId('private-add').tap()
  await expect(phone.page.getByTestId('private-note').filter({ hasText: 'Un guichet unique' })).toBeVisible()

  await Promise.all([facilitator.close(), phone.close()])
})

test('only a person who answered a quiz is told it was wrong; others just see the answer', async ({
  browser,
  baseURL,
}) => {
  const board = await boardFromTemplate(baseURL ?? '', 'serious-games')
  const facilitator = await BoardPage.open(browser)
  await facilitator.page.goto(board.facilitator)
  await facilitator.joinAs('Camille')
  const answering = await BoardPage.open(browser)
  await answering.page.goto(board.participant)
  await answering.joinAs('Yanis')
  const silent = await BoardPage.open(browser)
  await silent.page.goto(board.participant)
  await silent.joinAs('Inès')
  const observer = await BoardPage.open(browser)
  await observer.page.goto(board.observer)
  await observer.joinAs('Léa')

  await new Game(facilitator).tab('polls')
  await facilitator.page.getByRole('button', { name: 'Lancer le quiz' }).click()
  const dock = answering.page.getByTestId('poll-dock')
  await dock.getByTestId('poll-option').filter({ hasText: 'La préparation' }).click()
  await expect(facilitator.page.getByTestId('poll-dock')).toContainText('1 réponse')
  await facilitator.page.getByTestId('poll-close').click()

  await expect(dock).toContainText('Pas cette fois')
  for (const person of [silent, observer]) {
    const other = person.page.getByTestId('poll-dock')
    await expect(other).toContainText('Voici la bonne réponse')
    await expect(other).not.toContainText('Pas cette fois')
  }
  await Promise.all([facilitator.close(), answering.close(), silent.close(), observer.close()])
})

test('a refused vote is said once, then goes away by itself', async ({ browser }) => {
  const { facilitator: board, yanis } = await facilitatorAndTwoParticipants(browser, 'Vote')
  const facilitator = new Facilitation(board)
  await board.addNoteAt(350, 400, 'Rendez-vous en ligne')
  await board.addNoteAt(820, 400, 'Accueil sans rendez-vous')
  const notes = await board.notes()
  const id = (text: string) => notes.find((note) => note.text === text)?.id ?? ''
  await board.page.mouse.click(640, 720)
  await board.page.keyboard.press('Control+a')
  await facilitator.startVoteOnSelection(1)

  const voter = new Facilitation(yanis)
  await expect(yanis.page.getByTestId('vote-target')).toHaveCount(2)
  await voter.voteFor(id('Rendez-vous en ligne'))
  await expect.poll(() => voter.remainingVotes()).toBe(0)
  await voter.voteFor(id('Accueil sans rendez-vous'))
  await voter.voteFor(id('Accueil sans rendez-vous'))
  const refusal = yanis.page.getByRole('alert').filter({ hasText: 'Vous avez utilisé votre vote' })
  await expect(refusal).toHaveCount(1)
  await expect(refusal).toBeHidden({ timeout: 20_000 })

  await Promise.all([board.close(), yanis.close()])
})
