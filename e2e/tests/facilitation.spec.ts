import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from '../fixtures/a11y.js'
import { BoardPage, readDocItems } from '../fixtures/board.js'
import { CanvasPage } from '../fixtures/canvas.js'
import { Facilitation, facilitatorAndTwoParticipants } from '../fixtures/facilitation.js'
import { createBoardFromTemplate } from '../fixtures/game.js'
import { KeyboardUser } from '../fixtures/keyboard.js'
import { Room } from '../fixtures/room.js'

test('a facilitator runs a session with two participants', async ({ browser }, testInfo) => {
  // Four steps with three browsers: more than the default minute on a busy machine.
  test.setTimeout(120_000)
  const {
    facilitator: facilitatorBoard,
    yanis: yanisBoard,
    ines: inesBoard,
  } = await facilitatorAndTwoParticipants(browser, 'Atelier idéation — Lab 06')
  const facilitator = new Facilitation(facilitatorBoard)
  const yanis = new Facilitation(yanisBoard)
  const ines = new Facilitation(inesBoard)
  // Participants see no facilitator controls.
  await expect(yanis.page.getByTestId('facilitator-panel')).toHaveCount(0)

  await test.step('the timer runs on every screen with the same remaining time', async () => {
    await facilitator.startTimer(5)
    for (const person of [yanis, ines]) {
      await expect(person.page.getByTestId('timer')).toHaveAttribute('data-phase', 'running')
    }
    const seconds = await Promise.all([facilitator, yanis, ines].map((p) => p.timerSeconds()))
    expect(Math.max(...seconds) - Math.min(...seconds)).toBeLessThanOrEqual(1)
    expect(Math.min(...seconds)).toBeGreaterThan(280)
    // And it keeps counting down on a participant's screen.
    await expect.poll(() => yanis.timerSeconds(), { timeout: 5_000 }).toBeLessThan(Math.min(...seconds))
    await yanis.screenshot(testInfo, 'timer-participant')
  })

  await test.step('private notes stay with their author until the reveal', async () => {
    await facilitator.startPrivateWriting()
    await expect(yanis.page.getByTestId('private-badge')).toBeVisible()
    await yanis.writePrivately('Un guichet unique en mairie')
    await expect(facilitator.page.getByTestId('reveal')).toContainText('1')
    // Inès's copy of the board never receives it, and her screen does not show it.
    expect((await inesBoard.notes()).map((n) => n.text)).not.toContain('Un guichet unique en mairie')
    await expect(ines.page.getByText('Un guichet unique en mairie')).toHaveCount(0)
    await yanis.screenshot(testInfo, 'private-writing-author')
    await ines.screenshot(testInfo, 'private-writing-other')

    await facilitator.reveal(1)
    for (const person of [inesBoard, facilitatorBoard, yanisBoard]) {
      await expect
        .poll(async () => (await person.notes()).map((n) => n.text))
        .toContain('Un guichet unique en mairie')
    }
    await expect(yanis.page.getByTestId('private-composer')).toHaveCount(0)
  })

  await test.step('a dot vote gives ranked results', async () => {
    await facilitatorBoard.addNoteAt(250, 600, 'Rendez-vous en ligne')
    await facilitatorBoard.addNoteAt(820, 600, 'Accueil sans rendez-vous')
    const notes = await facilitatorBoard.notes()
    const id = (text: string) => notes.find((n) => n.text === text)?.id ?? ''
    await facilitator.page.mouse.click(640, 720)
    await facilitator.page.keyboard.press('Control+a')
    await facilitator.startVoteOnSelection(3)

    for (const person of [yanis, ines]) {
      await expect(person.page.getByTestId('vote-target')).toHaveCount(3)
      expect(await person.remainingVotes()).toBe(3)
    }
    await yanis.voteFor(id('Rendez-vous en ligne'))
    await yanis.voteFor(id('Rendez-vous en ligne'))
    await yanis.voteFor(id('Un guichet unique en mairie'))
    await expect.poll(() => yanis.remainingVotes()).toBe(0)
    // A fourth dot is refused with a clear message, and nothing changes.
    await yanis.voteFor(id('Accueil sans rendez-vous'))
    await expect(
      yanis.page.getByRole('alert').filter({ hasText: 'Vous avez utilisé vos 3 votes' }),
    ).toBeVisible()
    await expect(yanis.page.getByTestId('vote-dot')).toHaveCount(3)
    await ines.voteFor(id('Rendez-vous en ligne'))
    await expect.poll(() => ines.remainingVotes()).toBe(2)
    await expect(facilitator.page.getByTestId('round-voters')).toContainText('2')

    await facilitator.closeVote()
    await expect
      .poll(() => facilitator.results())
      .toEqual(['1. Rendez-vous en ligne (3)', '2. Un guichet unique en mairie (1)'])
    // In the panel the results come first, in view, before the form for a new vote.
    const results = await facilitator.page.getByTestId('vote-result').first().boundingBox()
    const form = await facilitator.page.getByTestId('vote-form').boundingBox()
    expect(results && form && results.y < form.y).toBe(true)
    await expect(ines.page.getByTestId('results-card')).toBeVisible()
    await expect(ines.page.getByTestId('vote-result').first()).toContainText('Rendez-vous en ligne')
    await facilitator.screenshot(testInfo, 'vote-results-facilitator')
    await ines.screenshot(testInfo, 'vote-results-participant')
  })

  await test.step('follow-me moves a participant’s viewport', async () => {
    await facilitator.toggleFollowMe()
    await expect(yanis.page.getByTestId('follow-status')).toContainText('Camille')
    const before = await yanis.camera()
    await facilitator.page.mouse.move(640, 600)
    await facilitator.page.mouse.wheel(600, 300)
    await expect.poll(async () => (await facilitator.camera()).x).not.toBe(before.x)
    const target = await facilitator.camera()
    // Same viewport size: the follower's camera matches the facilitator's.
    await expect.poll(async () => Math.round((await yanis.camera()).x)).toBe(Math.round(target.x))
    await expect.poll(async () => Math.round((await yanis.camera()).y)).toBe(Math.round(target.y))
    await yanis.screenshot(testInfo, 'follow-participant')

    // Yanis looks elsewhere on his own: he stops following and can rejoin.
    await yanis.page.mouse.move(640, 600)
    await yanis.page.mouse.wheel(-400, 0)
    await expect(yanis.page.getByTestId('follow-rejoin')).toBeVisible()
    await yanis.page.getByTestId('follow-rejoin').click()
    await expect.poll(async () => Math.round((await yanis.camera()).x)).toBe(Math.round(target.x))
  })

  await test.step('a reaction reaches the facilitator as a picture, with who sent it', async () => {
    await ines.page.getByRole('button', { name: 'Réagir : bonne idée' }).click()
    const burst = facilitator.page.locator('.reaction-burst')
    await expect(burst).toContainText('Inès')
    // Drawn, not an emoji: lab machines without an emoji font would show a box.
    await expect(burst.locator('svg.reaction-icon')).toBeVisible()
    await facilitator.screenshot(testInfo, 'reaction-burst')
  })

  await Promise.all([yanisBoard.close(), inesBoard.close(), facilitatorBoard.close()])
})

test('governance tokens placed in private, with a double-click or from a phone, stay where they were put after the reveal', async ({
  browser,
  baseURL,
}, testInfo) => {
  const links = await createBoardFromTemplate(
    baseURL ?? '',
    'Gouvernance du service',
    'governance-positioning',
  )
  const facilitator = await BoardPage.open(browser)
  await facilitator.page.goto(links.facilitator)
  await facilitator.joinAs('Camille')
  const ines = await BoardPage.open(browser)
  await ines.page.goto(links.participant)
  await ines.joinAs('Inès')
  // « Positionnement individuel »: private writing.
  await facilitator.page.getByTestId('agenda-go-1').click()
  await expect(ines.page.getByTestId('private-composer')).toBeVisible()
  // The composer asks which scale and where on it, as two compact lists over the board.
  await expect(ines.page.getByTestId('frame-choice')).toHaveValue(/.+/)
  await expect(ines.page.getByTestId('zone-choice')).toHaveAccessibleName('Où, dans « 1. Stratégique » ?')
  await expectNoSeriousViolations(ines.page, 'private composer with a choice of place')

  const nadia = await Room.openPhone(browser)
  await nadia.page.goto(links.participant)
  await nadia.board.joinAs('Nadia')

  // The step works on the five scales; the whole board shows them with the token tray beside.
  await ines.page.getByTestId('zoom-fit').click()
  // The third scale: the middle of the screen, clear of the step's instructions.
  const scale = (await readDocItems(ines.page, 'frame')).find((frame) => frame.text === '3. Informationnel')
  if (!scale) throw new Error('the information scale is missing')
  // Well towards the open pole, on the scale's line: a locked line, which a double-click goes through.
  const spot = { x: scale.x + scale.w * 0.7, y: scale.y + scale.h / 2 }
  // Once the view has stopped moving.
  const canvas = new CanvasPage(ines)
  let last = ''
  await expect
    .poll(async () => {
      const now = JSON.stringify(await canvas.toScreen(spot.x, spot.y))
      const still = now === last
      last = now
      return still
    })
    .toBe(true)
  const [x, y] = await canvas.toScreen(spot.x, spot.y)
  await ines.page.mouse.dblclick(x, y)
  await ines.page.getByTestId('private-text').fill('IB')
  await ines.page.getByTestId('private-add').click()
  await expect(ines.page.getByTestId('private-note').filter({ hasText: 'IB' })).toBeVisible()
  // Zoomed out on the whole board, its delete button keeps a size a finger or a mouse can hit.
  const [left] = await canvas.toScreen(0, 0)
  const [right] = await canvas.toScreen(100, 0)
  expect((right - left) / 100).toBeLessThan(0.8)
  const remove = ines.page.getByTestId('private-note').filter({ hasText: 'IB' }).getByRole('button')
  expect((await remove.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(23)
  // The scale's line the double-click went through stays selected: the bar says whose it is
  // instead of offering colours the relay would refuse.
  await expect(ines.page.getByTestId('stylebar-readonly')).toHaveText(/Verrouillé par l’animateur/)
  await expect(ines.page.getByTestId('stylebar')).toHaveCount(0)

  // A phone shows no scale to double-click: it asks which scale, then where on it.
  await nadia.page.getByTestId('frame-choice').getByRole('radio', { name: '2. Décisionnel' }).check()
  const marks = nadia.page.getByTestId('zone-choice')
  await expect(marks).toHaveAccessibleName('Où, dans « 2. Décisionnel » ?')
  await expect(marks.getByRole('radio')).toHaveCount(5)
  await nadia.page.getByTestId('room-idea').fill('NB')
  await nadia.page.getByTestId('room-add').tap()
  // No mark chosen: the token has no place yet, and the phone says so rather than guess one.
  await expect(nadia.page.getByTestId('zone-missing')).toBeVisible()
  await expect(marks).toBeFocused()
  await expect(nadia.myIdeas()).toHaveCount(0)
  await marks.getByRole('radio', { name: 'Ouverte', exact: true }).check()
  await nadia.addIdea('NB')
  // On second thoughts, one mark back: « Déplacer » under her token, then the mark.
  await nadia.myIdeas().filter({ hasText: 'NB' }).getByTestId('room-move').tap()
  const move = nadia.page.getByTestId('room-move-form')
  await move.getByTestId('frame-choice').getByRole('radio', { name: '2. Décisionnel' }).check()
  await move.getByTestId('zone-choice').getByRole('radio', { name: 'Plutôt ouverte' }).check()
  await move.getByTestId('room-move-here').tap()
  await expect(nadia.myIdeas().filter({ hasText: 'NB' })).toContainText('2. Décisionnel · Plutôt ouverte')
  await expectNoSeriousViolations(nadia.page, 'phone view with the marks of a scale')
  await nadia.page.screenshot({ path: testInfo.outputPath('phone-scale.png') })

  // « Révélation : stratégique » reveals the five scales' tokens in place.
  await facilitator.page.getByTestId('agenda-go-2').click()
  await expect.poll(async () => (await facilitator.notes()).map((note) => note.text)).toContain('IB')
  const token = (await facilitator.notes()).find((note) => note.text === 'IB')
  // Where the double-click was, to the board unit the note's corner is rounded to.
  expect(token && Math.abs(token.x + token.w / 2 - spot.x)).toBeLessThanOrEqual(1)
  expect(token && Math.abs(token.y + token.h / 2 - spot.y)).toBeLessThanOrEqual(1)
  // Nadia's, on the mark she chose of the scale she chose.
  await expect.poll(async () => (await facilitator.notes()).map((note) => note.text)).toContain('NB')
  const decision = (await readDocItems(facilitator.page, 'frame')).find(
    (frame) => frame.text === '2. Décisionnel',
  )
  const mark = decision?.zones?.find((zone) => zone.title === 'Plutôt ouverte')
  if (!decision || !mark) throw new Error('the decision scale or its mark is missing')
  const phoneToken = (await facilitator.notes()).find((note) => note.text === 'NB')
  expect(
    phoneToken && Math.abs(phoneToken.x + phoneToken.w / 2 - (decision.x + mark.x * decision.w)),
  ).toBeLessThanOrEqual(1)
  expect(
    phoneToken && Math.abs(phoneToken.y + phoneToken.h / 2 - (decision.y + mark.y * decision.h)),
  ).toBeLessThanOrEqual(1)
  // Walked with the keyboard, the board says where on the scale the token is, as it shows it.
  const keys = new KeyboardUser(facilitator.page)
  await facilitator.page.getByTestId('board-canvas').focus()
  await keys.walkTo(': NB,', 120)
  await expect(keys.liveRegion()).toContainText(': NB, Jaune, Plutôt ouverte')
  await Promise.all([facilitator.close(), ines.close(), nadia.board.close()])
})
