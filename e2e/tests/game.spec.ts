import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'
import { facilitatorAndTwoParticipants } from '../fixtures/facilitation.js'
import { createBoardFromTemplate, Game } from '../fixtures/game.js'
import { openPhone, Room } from '../fixtures/room.js'

test('two teams play a one-minute idea sprint; leaderboard and podium show the winner', async ({
  browser,
}, testInfo) => {
  // Three browsers and a sprint: more than the suite's default minute.
  test.setTimeout(150_000)
  const {
    facilitator: facilitatorBoard,
    yanis: yanisBoard,
    ines: inesBoard,
  } = await facilitatorAndTwoParticipants(browser, 'Serious game — Lab 06')
  const facilitator = new Game(facilitatorBoard)
  const yanis = new Game(yanisBoard)
  const ines = new Game(inesBoard)

  await test.step('the facilitator creates two teams and each participant picks one', async () => {
    await facilitator.createTeams(2)
    await facilitator.scoreByTeam()
    await yanis.pickTeam('Équipe 1')
    await ines.pickTeam('Équipe 2')
    await facilitator.tab('teams')
    await expect(facilitator.page.locator('.team-members')).toHaveText(['Yanis', 'Inès'])
    await yanis.screenshot(testInfo, 'teams-participant')
  })

  await test.step('a one-minute sprint runs on the shared timer and counts ideas per team live', async () => {
    await facilitator.startSprint(1)
    await expect(yanis.page.getByTestId('timer')).toHaveAttribute('data-phase', 'running')
    const left = (await yanis.page.getByTestId('timer-time').textContent())?.trim() ?? ''
    expect(left).toMatch(/^[01]:\d\d$/)
    await expect(yanis.page.getByTestId('sprint-ticker')).toBeVisible()

    await yanisBoard.addNoteAt(760, 260, 'Guichet unique')
    await yanisBoard.addNoteAt(980, 260, 'Rendez-vous en ligne')
    await yanisBoard.addNoteAt(760, 480, 'Horaires élargis')
    await inesBoard.addNoteAt(980, 480, 'Chatbot municipal')

    await expect
      .poll(() => facilitator.leaderboard('sprint-leaderboard'))
      .toEqual(['Équipe 1 · 3 idées', 'Équipe 2 · 1 idée'])
    await expect(facilitator.page.getByTestId('team-badge')).toHaveCount(4)
    await facilitator.screenshot(testInfo, 'sprint-facilitator')
    await ines.screenshot(testInfo, 'sprint-participant')
  })

  await test.step('the facilitator cuts the sprint short; a best-idea vote opens', async () => {
    await facilitator.endSprint()
    await expect(yanis.page.getByTestId('sprint-ticker')).toHaveCount(0)
    await expect
      .poll(() => facilitator.leaderboard('leaderboard'))
      .toEqual(['Équipe 1 · 3 pts', 'Équipe 2 · 1 pt'])
    await expect
      .poll(() =>
        facilitator.page.evaluate(() => {
          const hook = (
            window as unknown as {
              __atelierDebug?: {
                facilitation?: { session: { getSnapshot(): { rounds: { status: string; title: string }[] } } }
              }
            }
          ).__atelierDebug
          return hook?.facilitation?.session.getSnapshot().rounds.map((r) => `${r.status}:${r.title}`) ?? []
        }),
      )
      .toEqual(['open:Meilleure idée du sprint'])
  })

  await test.step('the podium shows the winning team on every screen', async () => {
    await facilitator.showPodium()
    for (const person of [facilitator, yanis, ines]) {
      await expect(person.podiumStep(1)).toContainText('Équipe 1')
      await expect(person.podiumStep(1)).toContainText('3 pts')
      await expect(person.podiumStep(2)).toContainText('Équipe 2')
    }
    await yanis.screenshot(testInfo, 'podium-participant')
  })

  await inesBoard.close()
  await yanisBoard.close()
  await facilitatorBoard.close()
})

test('a challenge card and a quiz from the serious-games template score for the player', async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000)
  const links = await createBoardFromTemplate(baseURL ?? '', 'Serious games', 'serious-games')
  const facilitatorBoard = await BoardPage.open(browser)
  await facilitatorBoard.page.goto(links.facilitator)
  await facilitatorBoard.joinAs('Camille')
  const yanisBoard = await BoardPage.open(browser)
  await yanisBoard.page.goto(links.participant)
  await yanisBoard.joinAs('Yanis')
  const facilitator = new Game(facilitatorBoard)
  const yanis = new Game(yanisBoard)

  await test.step('a drawn card flips in on the participant’s screen, who takes it up', async () => {
    await facilitator.tab('cards')
    await facilitator.page.getByTestId('card-draw').click()
    const card = yanis.page.getByTestId('card-reveal')
    await expect(card).toBeVisible()
    await expect(card.locator('h2')).not.toBeEmpty()
    await yanis.screenshot(testInfo, 'card-participant')
    await card.getByTestId('card-answer').click()
    const editor = yanis.page.getByTestId('note-editor')
    await expect(editor).toBeVisible()
    await editor.pressSequentially('Un guichet comme un food-truck')
    await yanis.page.keyboard.press('Escape')
  })

  await test.step('the quiz planned in the agenda is answered, then revealed with points', async () => {
    await facilitator.tab('polls')
    await facilitator.page.getByRole('button', { name: 'Lancer le quiz' }).click()
    const dock = yanis.page.getByTestId('poll-dock')
    await expect(dock).toContainText('Quiz')
    await dock.getByTestId('poll-option').filter({ hasText: 'L’appropriation' }).click()
    await expect(dock.getByTestId('poll-option').filter({ hasText: 'L’appropriation' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(facilitator.page.getByTestId('poll-dock')).toContainText('1 réponse')
    await facilitator.page.getByTestId('poll-close').click()
    await expect(dock).toContainText('Bonne réponse')
    await yanis.screenshot(testInfo, 'quiz-participant')
  })

  await test.step('the leaderboard adds the idea, the card and the quiz', async () => {
    await yanis.tab('scores')
    // 1 idea + 3 for the card + 2 to 4 for a right answer, by speed.
    await expect
      .poll(async () => Number((await yanis.leaderboard('leaderboard'))[0]?.match(/(\d+) pts$/)?.[1] ?? 0))
      .toBeGreaterThanOrEqual(6)
    await yanis.screenshot(testInfo, 'scores-participant')
  })

  await yanisBoard.close()
  await facilitatorBoard.close()
})

test('launching a step opens its poll on a phone, first in the room; the next step closes it', async ({
  browser,
  baseURL,
}) => {
  const links = await createBoardFromTemplate(baseURL ?? '', 'Serious games', 'serious-games')
  const facilitator = await BoardPage.open(browser)
  await facilitator.page.goto(links.facilitator)
  await facilitator.joinAs('Camille')
  const phone = await openPhone(browser)
  await phone.page.goto(links.participant)
  await phone.joinAs('Yanis')

  // "Sondage éclair" is the sixth step: no panel to open, the poll comes with the step.
  await facilitator.page.getByTestId('agenda-go-5').click()
  const poll = phone.page.getByTestId('poll-dock')
  await expect(poll).toContainText('notre défi vous paraît')
  await expect(phone.page.getByTestId('live-region')).toContainText('Nouveau sondage : Après ce sprint')
  // The phone names the step as the facilitator's screen does, above the frame's title.
  await expect(phone.page.getByTestId('room-step-index')).toHaveText('Étape 6/8 · Sondage éclair')
  // In the room, the poll comes before the field for ideas.
  expect(await new Room(phone).sections()).toEqual(['poll-dock', 'room-add-form', 'room-mine', 'room-group'])
  await poll.getByTestId('poll-option').filter({ hasText: 'Atteignable' }).tap()
  await expect(facilitator.page.getByTestId('poll-dock')).toContainText('1 réponse')
  // The poll sits beside the facilitator's panel, never over its steps.
  const dock = await facilitator.page.getByTestId('poll-dock').boundingBox()
  const panel = await facilitator.page.getByTestId('facilitator-panel').boundingBox()
  expect(dock && panel && (dock.x + dock.width <= panel.x || dock.y >= panel.y + panel.height)).toBe(true)

  // The next step replaces the poll with the quiz.
  await facilitator.page.getByTestId('agenda-next').click()
  await expect(poll).toContainText('quelle phase suit l’idéation')
  await poll.getByTestId('poll-option').filter({ hasText: 'L’appropriation' }).tap()
  // The podium step closes the quiz, which shows its answer.
  await facilitator.page.getByTestId('agenda-next').click()
  await expect(poll).toContainText('Bonne réponse')
  // Launching the poll's step again does not ask the question a second time.
  await facilitator.page.getByTestId('agenda-go-5').click()
  await expect(facilitator.page.getByTestId('agenda-go-5')).toHaveText('Relancer')
  await expect(poll).toContainText('Bonne réponse')

  await Promise.all([facilitator.close(), phone.close()])
})
