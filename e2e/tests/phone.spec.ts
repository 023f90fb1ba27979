import { type Browser, expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from '../fixtures/a11y.js'
import { BoardPage, readDocItems } from '../fixtures/board.js'
import { CanvasPage } from '../fixtures/canvas.js'
import { Facilitation } from '../fixtures/facilitation.js'
import { createBoardFromTemplate } from '../fixtures/game.js'
import { Room, writePrivately } from '../fixtures/room.js'

const IDEAS = ['Un référent changement par service', 'Des ateliers de démonstration', 'Une FAQ vivante']

/** A board from a template, its facilitator on step `step`, and Léa on a phone. */
async function phoneOnStep(browser: Browser, baseURL: string | undefined, templateId: string, step: number) {
  const links = await createBoardFromTemplate(baseURL ?? '', `Atelier ${templateId}`, templateId)
  const facilitatorBoard = await BoardPage.open(browser)
  await facilitatorBoard.page.goto(links.facilitator)
  await facilitatorBoard.joinAs('Camille')
  await facilitatorBoard.page.getByTestId(`agenda-go-${step}`).click()
  const lea = await Room.openPhone(browser)
  await lea.page.goto(links.participant)
  await lea.board.joinAs('Léa')
  return { facilitatorBoard, lea }
}

test('on a phone, a participant writes in private, reads the revealed ideas, votes and answers a poll', async ({
  browser,
  baseURL,
}, testInfo) => {
  test.slow()
  const links = await createBoardFromTemplate(baseURL ?? '', 'Accueil du public', 'lewin-change')
  const facilitatorBoard = await BoardPage.open(browser)
  await facilitatorBoard.page.goto(links.facilitator)
  await facilitatorBoard.joinAs('Camille')
  const facilitator = new Facilitation(facilitatorBoard)
  // The "Décristallisation" step: private writing in the frame of the same name.
  await facilitatorBoard.page.getByTestId('agenda-go-1').click()
  await expect(facilitatorBoard.page.getByTestId('private-badge')).toBeVisible()

  const yanisBoard = await BoardPage.open(browser)
  await yanisBoard.page.goto(links.participant)
  await yanisBoard.joinAs('Yanis')
  const yanis = new Facilitation(yanisBoard)

  const lea = await Room.openPhone(browser)
  await lea.page.goto(links.participant)
  await lea.board.joinAs('Léa')

  await test.step('the phone opens on the step: its question, its instruction, a field to add ideas', async () => {
    await expect(lea.view()).toBeVisible()
    await expect(lea.page.getByTestId('board-canvas')).toHaveCount(0)
    await expect(lea.question()).toHaveText('Décristallisation')
    await expect(lea.page.getByTestId('room-instructions')).not.toBeEmpty()
    await expectNoSeriousViolations(lea.page, 'phone view in private writing')
  })

  await test.step('three private ideas, unseen by the others until the reveal', async () => {
    for (const idea of IDEAS) await lea.addIdea(idea)
    await expect(lea.myIdeas()).toHaveCount(3)
    for (const size of await lea.buttonSizes()) {
      expect(size.height, size.name).toBeGreaterThanOrEqual(44)
      expect(size.width, size.name).toBeGreaterThanOrEqual(44)
    }
    await yanis.writePrivately('Former les encadrants')
    await expect(facilitatorBoard.page.getByTestId('reveal')).toContainText('4')
    expect((await yanisBoard.notes()).map((n) => n.text)).not.toContain(IDEAS[0])
    await lea.page.screenshot({ path: testInfo.outputPath('phone-private.png') })
  })

  await test.step('after the reveal everyone has the ideas in the frame, and the phone lists them', async () => {
    await facilitator.reveal(4)
    const frame = (await readDocItems(facilitatorBoard.page, 'frame')).find(
      (f) => f.text === '1. Décristallisation',
    )
    expect(frame).toBeDefined()
    for (const person of [facilitatorBoard, yanisBoard]) {
      await expect
        .poll(async () => (await person.notes()).map((n) => n.text))
        .toEqual(expect.arrayContaining(IDEAS))
    }
    await expect(lea.groupIdea('Former les encadrants')).toBeVisible()
    for (const idea of IDEAS) await expect(lea.groupIdea(idea)).toContainText('Votre idée')
    await expect(lea.page.getByText('Vos idées restent privées')).toHaveCount(0)
    await lea.page.screenshot({ path: testInfo.outputPath('phone-revealed.png') })
  })

  await test.step('a dot vote, tapped on the phone, counted on the facilitator’s screen', async () => {
    await facilitatorBoard.page.getByTestId('board-canvas').click({ position: { x: 150, y: 620 } })
    await facilitatorBoard.page.keyboard.press('Control+a')
    await facilitator.startVoteOnSelection(3)
    await expect(lea.groupIdea('Former les encadrants').getByTestId('room-vote')).toBeVisible()
    await expectNoSeriousViolations(lea.page, 'phone view during a vote')
    // The vote is the step's task: the ideas to vote on come first, writing after.
    expect(await lea.sections()).toEqual(['room-group', 'room-add-form', 'room-mine'])
    await lea.voteFor('Former les encadrants')
    await expect.poll(() => lea.myDotsOn('Former les encadrants')).toBe(1)
    await lea.voteFor('Former les encadrants')
    await expect.poll(() => lea.myDotsOn('Former les encadrants')).toBe(2)
    await expect(lea.page.getByTestId('remaining-votes')).toHaveAttribute('data-remaining', '1')
    await lea.page.screenshot({ path: testInfo.outputPath('phone-vote.png') })
    await facilitator.closeVote()
    await expect.poll(() => facilitator.results()).toContainEqual('1. Former les encadrants (2)')
    await expect(lea.groupIdea('Former les encadrants').getByTestId('room-result')).toContainText('2 votes')
    expect(await lea.sections()).toEqual(['room-add-form', 'room-mine', 'room-group'])
    await expect(yanisBoard.page.getByTestId('result-badge').first()).toContainText('2 votes')
  })

  await test.step('a poll answered with a tap, counted for the facilitator', async () => {
    await facilitatorBoard.page.getByTestId('game-open').click()
    await facilitatorBoard.page.getByTestId('game-tab-polls').click()
    await facilitatorBoard.page.getByTestId('poll-question').fill('Quelle étape vous inquiète ?')
    const options = facilitatorBoard.page.getByTestId('poll-option-input')
    await options.nth(0).fill('La transition')
    await options.nth(1).fill('La cristallisation')
    await facilitatorBoard.page.getByTestId('poll-launch').click()
    const poll = lea.view().getByTestId('poll-dock')
    await expect(poll).toContainText('Quelle étape vous inquiète ?')
    await poll.getByTestId('poll-option').filter({ hasText: 'La transition' }).tap()
    await expect(poll.getByTestId('poll-option').filter({ hasText: 'La transition' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(facilitatorBoard.page.getByTestId('poll-dock')).toContainText('1 réponse')
    await lea.page.screenshot({ path: testInfo.outputPath('phone-poll.png') })
  })

  await test.step('"Voir le tableau" shows the canvas, and the room comes back', async () => {
    await lea.page.getByTestId('room-show-board').tap()
    await expect(lea.page.getByTestId('board-canvas')).toBeVisible()
    // The top bar keeps "Exporter" on screen, and the canvas is close enough to read its text.
    await lea.expectOnScreen(lea.page.getByRole('button', { name: 'Exporter' }))
    await expect.poll(() => lea.zoom()).toBeGreaterThanOrEqual(0.3)
    // The zoom buttons, without the keyboard's (search, palette, shortcut sheet).
    await lea.expectOnScreen(lea.page.getByTestId('zoom-in'))
    await expect(lea.page.getByTestId('open-help')).toBeHidden()
    // A note selected near the right edge keeps its bar on screen: its style bar, or what says
    // why it cannot be changed (someone else's, with "own items only" on).
    await lea.selectRightmostNote()
    await lea.expectOnScreen(lea.page.getByTestId('stylebar').or(lea.page.getByTestId('stylebar-readonly')))
    await lea.page.screenshot({ path: testInfo.outputPath('phone-canvas.png') })
    await lea.page.getByTestId('room-open').tap()
    await expect(lea.view()).toBeVisible()
  })

  await test.step('"Exporter" on the phone view opens the exports, and a picture of the board downloads', async () => {
    await lea.page.getByTestId('export-menu').tap()
    const dialog = lea.page.getByTestId('export-dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByTestId('export-csv')).toHaveAttribute('href', /notes\.csv/)
    await expectNoSeriousViolations(lea.page, 'export dialog on a phone')
    const download = lea.page.waitForEvent('download')
    await dialog.getByTestId('export-png').tap()
    expect((await download).suggestedFilename()).toMatch(/\.png$/)
    await lea.page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(lea.view()).toBeVisible()
  })

  await Promise.all([facilitatorBoard.close(), yanisBoard.close(), lea.board.close()])
})

test('on a phone in an open step, a participant adds, edits and deletes ideas seen live on the board, then votes with large targets', async ({
  browser,
  baseURL,
}, testInfo) => {
  test.slow()
  const links = await createBoardFromTemplate(baseURL ?? '', 'Idées pour l’accueil', 'ideation')
  const facilitatorBoard = await BoardPage.open(browser)
  await facilitatorBoard.page.goto(links.facilitator)
  await facilitatorBoard.joinAs('Camille')
  const facilitator = new Facilitation(facilitatorBoard)
  // "Le défi": open writing, straight onto the board.
  await facilitatorBoard.page.getByTestId('agenda-go-0').click()

  const lea = await Room.openPhone(browser)
  await lea.page.goto(links.participant)
  await lea.board.joinAs('Léa')
  const boardTexts = async () => (await facilitatorBoard.notes()).map((note) => note.text)

  await test.step('an idea added on the phone is on the facilitator’s board at once', async () => {
    await expect(lea.question()).toHaveText('Le défi')
    await expect(lea.page.getByTestId('private-badge')).toHaveCount(0)
    await lea.addIdea('Un accueil sans rendez-vous le samedi')
    await lea.addIdea('Une borne en libre service')
    await expect
      .poll(boardTexts)
      .toEqual(
        expect.arrayContaining(['Un accueil sans rendez-vous le samedi', 'Une borne en libre service']),
      )
    // Open writing: the group's ideas (the frame's) are listed too, hers marked as hers.
    await expect(lea.groupIdea('Une borne en libre service')).toContainText('Votre idée')
    await expectNoSeriousViolations(lea.page, 'phone view in open writing')
    await lea.page.screenshot({ path: testInfo.outputPath('phone-open.png') })
  })

  await test.step('edited and deleted on the phone, the same on the board', async () => {
    const idea = lea.myIdeas().filter({ hasText: 'Un accueil sans rendez-vous le samedi' })
    await idea.getByTestId('room-edit').tap()
    await lea.page.getByTestId('room-edit-text').fill('Un accueil sans rendez-vous le samedi matin')
    await lea.page.getByTestId('room-edit-save').tap()
    await lea.myIdeas().filter({ hasText: 'Une borne en libre service' }).getByTestId('room-delete').tap()
    await expect(lea.myIdeas()).toHaveCount(1)
    await expect.poll(boardTexts).toContain('Un accueil sans rendez-vous le samedi matin')
    await expect.poll(boardTexts).not.toContain('Une borne en libre service')
    expect(await boardTexts()).not.toContain('Un accueil sans rendez-vous le samedi')
  })

  await test.step('a vote opens: tapped on the phone with targets of at least 44 px, counted for the facilitator', async () => {
    await facilitatorBoard.page.getByTestId('board-canvas').click({ position: { x: 150, y: 620 } })
    await facilitatorBoard.page.keyboard.press('Control+a')
    await facilitator.startVoteOnSelection(3)
    const mine = lea.groupIdea('Un accueil sans rendez-vous le samedi matin')
    await expect(mine.getByTestId('room-vote')).toBeVisible()
    for (const size of await lea.buttonSizes()) {
      expect(size.height, size.name).toBeGreaterThanOrEqual(44)
      expect(size.width, size.name).toBeGreaterThanOrEqual(44)
    }
    await expectNoSeriousViolations(lea.page, 'phone view during a vote in open writing')
    await lea.voteFor('Un accueil sans rendez-vous le samedi matin')
    await expect.poll(() => lea.myDotsOn('Un accueil sans rendez-vous le samedi matin')).toBe(1)
    await lea.page.screenshot({ path: testInfo.outputPath('phone-open-vote.png') })
    await facilitator.closeVote()
    await expect
      .poll(() => facilitator.results())
      .toContainEqual('1. Un accueil sans rendez-vous le samedi matin (1)')
  })

  await Promise.all([facilitatorBoard.close(), lea.board.close()])
})

test("on a phone, a SWOT participant picks each idea's quadrant, and the reveal keeps it there", async ({
  browser,
  baseURL,
}, testInfo) => {
  const links = await createBoardFromTemplate(baseURL ?? '', 'Diagnostic du service', 'swot-ffom')
  const facilitatorBoard = await BoardPage.open(browser)
  await facilitatorBoard.page.goto(links.facilitator)
  await facilitatorBoard.joinAs('Camille')
  // « Forces et faiblesses »: private writing in two quadrants.
  await facilitatorBoard.page.getByTestId('agenda-go-0').click()
  await expect(facilitatorBoard.page.getByTestId('private-badge')).toBeVisible()

  const lea = await Room.openPhone(browser)
  await lea.page.goto(links.participant)
  await lea.board.joinAs('Léa')
  const ines = await BoardPage.open(browser)
  await ines.page.goto(links.participant)
  await ines.joinAs('Inès')

  await test.step('the phone asks which quadrant each idea goes to', async () => {
    await expect(lea.question()).toHaveText('Forces et faiblesses')
    const places = lea.page.getByTestId('frame-choice')
    await expect(places.getByRole('radio')).toHaveCount(2)
    await expect(places.getByRole('radio', { name: 'Forces' })).toBeChecked()
    const choices = await lea.choiceSizes()
    // The two quadrants and the seven note colours, each a target of 44 px at least.
    expect(choices).toHaveLength(9)
    for (const size of [...choices, ...(await lea.buttonSizes())]) {
      expect(size.height, size.name).toBeGreaterThanOrEqual(44)
      expect(size.width, size.name).toBeGreaterThanOrEqual(44)
    }
    // Each quadrant's question, as the board asks it, for a phone that does not show the board.
    await expect(lea.page.getByTestId('room-frame-prompt')).toContainText(
      'Sur quoi pouvons-nous nous appuyer',
    )
    await places.getByRole('radio', { name: 'Faiblesses' }).check()
    await expect(lea.page.getByTestId('room-frame-prompt')).toContainText('Ce qui nous freine')
    // A colour picked here is the colour of the notes that follow, as on the canvas. Each says
    // what it stands for on these quadrants, read from the template's examples; picking a
    // quadrant picks the colour its examples share.
    const colours = lea.page.getByTestId('room-colors')
    const rose = colours.getByRole('radio', { name: 'Rose' })
    await expect(rose).toHaveAccessibleName('Rose — Une faiblesse…')
    await expect(lea.page.getByTestId('room-color-meanings')).toContainText('Une force…')
    await expect(rose).toBeChecked()
    await lea.addIdea('Trop de réunions')
    // Said where the person looks: the list of their ideas is below the fold.
    await expect(lea.page.getByTestId('room-added')).toContainText(
      'Ajoutée à « Faiblesses » : Trop de réunions',
    )
    await places.getByRole('radio', { name: 'Forces' }).check()
    await expect(colours.getByRole('radio', { name: /^Vert/ })).toBeChecked()
    await lea.addIdea('Une équipe soudée')
    await expect(lea.myIdeas().filter({ hasText: 'Trop de réunions' })).toContainText('Faiblesses')
    await expectNoSeriousViolations(lea.page, 'phone view with a choice of frames')
    await lea.page.screenshot({ path: testInfo.outputPath('phone-quadrants.png') })
  })

  await test.step('the board keeps the quadrant picked in the list, and back', async () => {
    await lea.page.getByTestId('frame-choice').getByRole('radio', { name: 'Faiblesses' }).check()
    await lea.page.getByTestId('room-show-board').tap()
    await expect(lea.page.getByTestId('frame-choice').locator('option:checked')).toHaveText('Faiblesses')
    await lea.page.getByTestId('room-open').tap()
    await expect(
      lea.page.getByTestId('frame-choice').getByRole('radio', { name: 'Faiblesses' }),
    ).toBeChecked()
  })

  await test.step("the canvas's private composer asks the same", async () => {
    // Two compact lists there, so as not to hide the board it writes on.
    await ines.page.getByTestId('frame-choice').selectOption({ label: 'Faiblesses' })
    await writePrivately(ines, 'Des outils anciens')
  })

  await test.step('the reveal lays each idea out in the quadrant its author chose', async () => {
    // « Mise en commun » reveals the private notes over the four quadrants.
    await facilitatorBoard.page.getByTestId('agenda-go-2').click()
    await expect
      .poll(async () => (await facilitatorBoard.notes()).map((n) => n.text))
      .toContain('Trop de réunions')
    const frames = await readDocItems(facilitatorBoard.page, 'frame')
    const notes = await facilitatorBoard.notes()
    const quadrantOf = (text: string) => {
      const note = notes.find((n) => n.text === text)
      if (!note) throw new Error(`${text} is not on the board`)
      const x = note.x + note.w / 2
      const y = note.y + note.h / 2
      return frames.find((f) => x > f.x && x < f.x + f.w && y > f.y && y < f.y + f.h)?.text
    }
    expect(quadrantOf('Trop de réunions')).toBe('Faiblesses')
    expect(quadrantOf('Une équipe soudée')).toBe('Forces')
    expect(quadrantOf('Des outils anciens')).toBe('Faiblesses')
    expect(notes.find((n) => n.text === 'Trop de réunions')?.color).toBe('#ffc9de')
    await expect(lea.groupIdea('Trop de réunions')).toContainText('Faiblesses')
  })

  await Promise.all([facilitatorBoard.close(), lea.board.close(), ines.close()])
})

test('on a phone, a user-journey participant puts each idea under the stage it belongs to', async ({
  browser,
  baseURL,
}) => {
  // « Ce que fait l’usager »: one row of the journey, five stages across it.
  const { facilitatorBoard, lea } = await phoneOnStep(browser, baseURL, 'user-journey', 1)

  const stages = lea.page.getByTestId('zone-choice')
  await expect(stages).toHaveAccessibleName('Où, dans « Ce que fait l’usager » ?')
  await expect(stages.getByRole('radio')).toHaveCount(5)
  await stages.getByRole('radio', { name: '3. Attendre la réponse' }).check()
  await lea.addIdea('Relance par téléphone')
  // The stage stays chosen for the next idea of the same stage.
  await lea.addIdea('Consulte le suivi en ligne')
  await expect(lea.myIdeas().filter({ hasText: 'Relance' })).toContainText('3. Attendre la réponse')

  const row = (await readDocItems(facilitatorBoard.page, 'frame')).find(
    (f) => f.text === 'Ce que fait l’usager',
  )
  const stage = row?.zones?.find((zone) => zone.title === '3. Attendre la réponse')
  if (!row || !stage) throw new Error('the row or its stage is missing')
  await expect.poll(async () => (await facilitatorBoard.notes()).length).toBeGreaterThanOrEqual(3)
  const notes = await facilitatorBoard.notes()
  for (const text of ['Relance par téléphone', 'Consulte le suivi en ligne']) {
    const note = notes.find((n) => n.text === text)
    if (!note) throw new Error(`${text} is not on the board`)
    // Under the stage, in the row: the nearest stage to the note is the one chosen.
    const centre = { x: note.x + note.w / 2, y: note.y + note.h / 2 }
    const nearest = row.zones
      ?.map((zone) => ({ zone, d: Math.abs(row.x + zone.x * row.w - centre.x) }))
      .sort((a, b) => a.d - b.d)[0]?.zone
    expect(nearest?.title, text).toBe('3. Attendre la réponse')
    expect(centre.y > row.y && centre.y < row.y + row.h, text).toBe(true)
  }
  await Promise.all([facilitatorBoard.close(), lea.board.close()])
})

test('on a phone, a participant places each of their stakeholders on its ring after the reveal', async ({
  browser,
  baseURL,
}) => {
  // « Lister les acteurs »: private writing.
  const { facilitatorBoard, lea } = await phoneOnStep(browser, baseURL, 'stakeholder-map', 1)
  await lea.addIdea('Centre social')
  // « Placer les acteurs » reveals the notes onto the map, tidied: each on no ring yet.
  await facilitatorBoard.page.getByTestId('agenda-go-2').click()
  await expect
    .poll(async () => (await facilitatorBoard.notes()).map((n) => n.text))
    .toContain('Centre social')

  const idea = lea.myIdeas().filter({ hasText: 'Centre social' })
  await idea.getByTestId('room-move').tap()
  const move = lea.page.getByTestId('room-move-form')
  const rings = move.getByTestId('zone-choice')
  await expect(rings).toHaveAccessibleName('Où, dans « Carte des acteurs » ?')
  // The button that opened the choice is gone: the focus is on the choice, for a keyboard or a reader.
  await expect(rings.getByRole('radio').first()).toBeFocused()
  // No ring chosen: nothing moves, and the phone says what is missing.
  await move.getByTestId('room-move-here').tap()
  await expect(move.getByTestId('zone-missing')).toBeVisible()
  await rings.getByRole('radio', { name: 'Nourrissent' }).check()
  await move.getByTestId('room-move-here').tap()
  await expect(idea).toContainText('Nourrissent')
  await expect(idea.getByTestId('room-move')).toBeFocused()

  const map = (await readDocItems(facilitatorBoard.page, 'frame')).find((f) => f.text === 'Carte des acteurs')
  const ring = map?.zones?.find((zone) => zone.title === 'Nourrissent')
  if (!map || !ring) throw new Error('the map or its ring is missing')
  await expect
    .poll(async () => {
      const note = (await facilitatorBoard.notes()).find((n) => n.text === 'Centre social')
      return note && [Math.round(note.x + note.w / 2), Math.round(note.y + note.h / 2)]
    })
    .toEqual([Math.round(map.x + ring.x * map.w), Math.round(map.y + ring.y * map.h)])
  await expectNoSeriousViolations(lea.page, 'phone view moving an idea')
  await Promise.all([facilitatorBoard.close(), lea.board.close()])
})

test('a facilitator names the places of a frame, and a phone offers them', async ({ browser, baseURL }) => {
  // « Décristallisation »: private writing in a frame that came with no places.
  const { facilitatorBoard, lea } = await phoneOnStep(browser, baseURL, 'lewin-change', 1)
  await expect(lea.page.getByTestId('zone-choice')).toHaveCount(0)

  const page = facilitatorBoard.page
  const frame = (await readDocItems(page, 'frame')).find((f) => f.text === '1. Décristallisation')
  if (!frame) throw new Error('the frame is missing')
  await page.getByTestId('zoom-fit').click()
  const canvas = new CanvasPage(facilitatorBoard)
  // A right-click on the frame's title, just above its top edge, selects it and opens its menu.
  const [x, y] = await canvas.toScreen(frame.x + 30, frame.y)
  await page.mouse.click(x, y - 8, { button: 'right' })
  // The frame's toolbar offers it too, by name.
  await expect(page.getByTestId('edit-places')).toHaveAccessibleName('Emplacements du cadre…')
  await page.getByTestId('menu-editPlaces').click()
  const panel = page.getByTestId('places-panel')
  await expect(panel.getByRole('heading')).toHaveText('Emplacements de « 1. Décristallisation »')

  await panel.getByTestId('place-add').click()
  // The new place's name field takes the focus; saving without a name is refused, by row.
  await expect(panel.getByTestId('place-title').first()).toBeFocused()
  await panel.getByTestId('places-save').click()
  await expect(panel.getByTestId('places-problem')).toHaveText('Emplacement 1 : donnez-lui un nom.')
  await page.keyboard.type('Ce qui freine')
  await panel.getByTestId('place-add').click()
  // Typed once the new row has the focus (typed sooner, the first letter went elsewhere).
  await expect(panel.getByTestId('place-title').nth(1)).toBeFocused()
  await page.keyboard.type('Ce qui pousse')
  // A click on the picture puts the place being edited there: the right third, half-way down.
  const picture = await panel.getByTestId('places-picture').boundingBox()
  if (!picture) throw new Error('the picture is not drawn')
  await page.mouse.click(picture.x + picture.width * 0.8, picture.y + picture.height * 0.5)
  await expect
    .poll(async () => Math.abs(Number(await panel.getByTestId('place-x').nth(1).inputValue()) - 80))
    .toBeLessThanOrEqual(1)
  await expect(panel.getByTestId('place-y').nth(1)).toHaveValue('50')
  // A third, on second thoughts removed: the focus goes on to the row above, not lost.
  await panel.getByTestId('place-add').click()
  await panel.getByRole('button', { name: "Retirer l'emplacement 3" }).click()
  await expect(panel.getByTestId('place')).toHaveCount(2)
  await expect(panel.getByTestId('place-title').nth(1)).toBeFocused()
  await expectNoSeriousViolations(page, 'the places of a frame')
  await panel.getByTestId('places-save').click()
  await expect(panel).toHaveCount(0)

  const saved = (await readDocItems(page, 'frame')).find((f) => f.id === frame.id)
  expect(saved?.zones?.map((zone) => zone.title)).toEqual(['Ce qui freine', 'Ce qui pousse'])
  expect(Math.abs((saved?.zones?.[1]?.x ?? 0) - 0.8)).toBeLessThanOrEqual(0.015)
  // Their names are written on the board, in the frame, for the laptops that do not get the choice.
  const labels = (await readDocItems(page, 'shape')).filter((shape) => shape.text?.startsWith('Ce qui'))
  expect(labels.map((label) => label.text).sort()).toEqual(['Ce qui freine', 'Ce qui pousse'])
  for (const label of labels) {
    expect(label.x >= frame.x && label.x + label.w <= frame.x + frame.w, label.text).toBe(true)
  }

  // Léa's phone, open all along, now asks where her idea goes.
  const places = lea.page.getByTestId('zone-choice')
  await expect(places).toHaveAccessibleName('Où, dans « 1. Décristallisation » ?')
  await expect(places.getByRole('radio')).toHaveCount(2)
  await places.getByRole('radio', { name: 'Ce qui pousse' }).check()
  await lea.addIdea('Une direction qui soutient')
  await expect(lea.myIdeas().filter({ hasText: 'Une direction' })).toContainText('Ce qui pousse')
  await Promise.all([facilitatorBoard.close(), lea.board.close()])
})
