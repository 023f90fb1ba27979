import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'
import { CanvasPage } from '../fixtures/canvas.js'

test('a facilitator lays out a section, connects ideas, moves it all, undoes, copies, and a participant sees it', async ({
  browser,
}, testInfo) => {
  const facilitator = await BoardPage.open(browser)
  await facilitator.context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await facilitator.createBoard('Atelier — parcours usager')
  await facilitator.joinAs('Camille')
  const canvas = new CanvasPage(facilitator)

  // 1. Draw a section (frame) with the frame tool.
  await canvas.useTool('frame')
  await canvas.drag([260, 200], [900, 640])
  await canvas.expectItemCount('frame', 1)
  const [frame] = await canvas.itemsOfType('frame')
  expect(frame?.w).toBeGreaterThan(600)

  // 2. Two notes inside it (double-click, type, Escape).
  await facilitator.addNoteAt(420, 360, 'Accueil en mairie')
  await facilitator.addNoteAt(740, 360, 'Rendez-vous en ligne')
  await canvas.expectItemCount('note', 2)
  const notes = await canvas.itemsOfType('note')
  const first = notes.find((n) => n.text === 'Accueil en mairie')
  const second = notes.find((n) => n.text === 'Rendez-vous en ligne')
  if (!first || !second || !frame) throw new Error('notes or frame missing')

  // 3. Connect the two notes with the arrow tool.
  await canvas.useTool('connector')
  await canvas.drag([420, 360], [740, 360])
  await canvas.expectItemCount('connector', 1)
  const [arrow] = await canvas.itemsOfType('connector')
  expect(arrow).toMatchObject({ from: first.id, to: second.id })

  // 4. Move the frame by its title: the notes inside follow, the arrow stays bound to them.
  await canvas.page.keyboard.press('Escape')
  const title = await canvas.toScreen(frame.x + 40, frame.y - 10)
  await canvas.drag(title, [title[0] + 100, title[1] + 80])
  await expect.poll(async () => (await canvas.itemsOfType('frame'))[0]?.x).toBe(frame.x + 100)
  const moved = await canvas.itemsOfType('note')
  expect(moved.find((n) => n.id === first.id)).toMatchObject({ x: first.x + 100, y: first.y + 80 })
  expect(moved.find((n) => n.id === second.id)).toMatchObject({ x: second.x + 100, y: second.y + 80 })
  expect((await canvas.itemsOfType('connector'))[0]).toMatchObject({ from: first.id, to: second.id })
  await facilitator.page.screenshot({ path: testInfo.outputPath('canvas-moved.png') })
  await testInfo.attach('canvas-moved', { path: testInfo.outputPath('canvas-moved.png') })

  // 5. Undo puts the frame and its notes back.
  await canvas.page.keyboard.press('Control+z')
  await expect.poll(async () => (await canvas.itemsOfType('frame'))[0]?.x).toBe(frame.x)
  expect((await canvas.itemsOfType('note')).find((n) => n.id === first.id)).toMatchObject({
    x: first.x,
    y: first.y,
  })

  // 6. Copy a note and paste it elsewhere: a new note with the same text.
  const firstCentre = await canvas.toScreen(first.x + first.w / 2, first.y + first.h / 2)
  await canvas.page.mouse.click(...firstCentre)
  await expect.poll(() => canvas.selection()).toEqual([first.id])
  await canvas.page.keyboard.press('Control+c')
  await canvas.page.mouse.move(1050, 650)
  await canvas.page.keyboard.press('Control+v')
  await canvas.expectItemCount('note', 3)
  expect((await canvas.itemsOfType('note')).filter((n) => n.text === 'Accueil en mairie')).toHaveLength(2)

  // 7. A participant in another browser sees all of it.
  const { participant: link } = await facilitator.shareLinks()
  const participant = await BoardPage.open(browser)
  await participant.page.goto(link)
  await participant.joinAs('Yanis')
  const theirs = new CanvasPage(participant)
  await theirs.expectItemCount('note', 3)
  await theirs.expectItemCount('frame', 1)
  await theirs.expectItemCount('connector', 1)
  expect((await theirs.itemsOfType('frame'))[0]?.x).toBe(frame.x)
  expect((await theirs.itemsOfType('connector'))[0]).toMatchObject({ from: first.id, to: second.id })
  await participant.page.screenshot({ path: testInfo.outputPath('participant-board.png') })
  await testInfo.attach('participant-board', { path: testInfo.outputPath('participant-board.png') })

  await participant.close()
  await facilitator.close()
})

test('shortcuts, the command palette and the help sheet all come from one registry', async ({ browser }) => {
  const person = await BoardPage.open(browser)
  await person.createBoard('Raccourcis')
  await person.joinAs('Lou')
  const canvas = new CanvasPage(person)

  await person.page.keyboard.press('Shift+?')
  await expect(person.page.getByTestId('shortcut-help')).toContainText('Mettre au premier plan')
  await person.page.keyboard.press('Escape')
  await expect(person.page.getByTestId('shortcut-help')).toBeHidden()

  await person.page.keyboard.press('Control+k')
  await person.page.keyboard.type('note large')
  await person.page.keyboard.press('Enter')
  await canvas.expectItemCount('note', 1)
  expect((await canvas.itemsOfType('note'))[0]?.w).toBe(400)
  await person.page.keyboard.press('Escape')

  // Right-click on the note: its menu offers to delete it.
  const [note] = await canvas.itemsOfType('note')
  if (!note) throw new Error('note missing')
  const centre = await canvas.toScreen(note.x + note.w / 2, note.y + note.h / 2)
  await person.page.mouse.click(...centre, { button: 'right' })
  await person.page.getByTestId('menu-delete').click()
  await canvas.expectItemCount('note', 0)
  await person.close()
})
