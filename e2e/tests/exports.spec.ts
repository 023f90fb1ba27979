import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'

test('a facilitator leaves with the report and the notes as a spreadsheet', async ({ browser }) => {
  // A lab in Paris: the documents' times are the room's clock, not UTC.
  const facilitator = await BoardPage.open(browser, { timezoneId: 'Europe/Paris' })
  await facilitator.createBoard('Atelier FFOM')
  await facilitator.joinAs('Camille')
  await facilitator.addNoteAt(400, 300, 'Équipe motivée')
  await facilitator.addNoteAt(700, 300, 'Budget contraint')
  await expect.poll(async () => (await facilitator.notes()).length).toBe(2)

  const page = facilitator.page
  await page.getByTestId('export-menu').click()
  const report = await page.request.get((await page.getByTestId('export-report').getAttribute('href')) ?? '')
  expect(report.status()).toBe(200)
  const markdown = await report.text()
  expect(markdown).toContain('# Atelier FFOM')
  expect(markdown).toContain('2 notes des participants dans 0 section')
  expect(markdown).toContain('- Équipe motivée — par Camille')

  // In French the menu offers the ';' separator that French spreadsheets split on, ticked by default.
  const csv = await page.request.get((await page.getByTestId('export-csv').getAttribute('href')) ?? '')
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
  const rows = (await csv.text()).split('\r\n')
  expect(rows[0]).toBe(
    '\uFEFFSection;Texte;Couleur;Auteur;Votes;Équipe;Étiquettes;Créée le (Europe/Paris);Modifiée le (Europe/Paris);Origine;Emplacement',
  )
  // Read back as if it were UTC, a Paris time is one hour ahead in winter, two in summer.
  const created = Date.parse(`${rows[1]?.split(';')[7]?.replace(' ', 'T')}Z`)
  const ahead = Math.round((created - Date.now()) / 60_000)
  expect([60, 120].some((minutes) => Math.abs(ahead - minutes) <= 2)).toBe(true)
  expect(
    rows
      .slice(1)
      .filter(Boolean)
      .map((row) => row.split(';')[1]),
  ).toEqual(expect.arrayContaining(['Équipe motivée', 'Budget contraint']))
  await facilitator.close()
})
