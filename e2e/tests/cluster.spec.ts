import { expect, test } from '@playwright/test'
import { BoardPage } from '../fixtures/board.js'
import { type E2eCluster, startCluster } from '../fixtures/cluster.js'

// Two nodes of one deployment (one store, one Redis), each serving the app on its own port:
// two people whose browsers reach different nodes work on one board together.

const basePort = Number(process.env.E2E_PORT ?? 18_321) + 20
let cluster: E2eCluster

test.beforeAll(async () => {
  cluster = await startCluster(basePort)
})
test.afterAll(async () => {
  await cluster?.stop()
})

test('two browsers on two nodes edit one board together', async ({ browser }, testInfo) => {
  test.setTimeout(120_000)
  const [nodeA, nodeB] = cluster.nodes as [string, string]
  const facilitator = await BoardPage.open(browser)
  await facilitator.createBoard('Atelier multi-nœuds', nodeA)
  await facilitator.joinAs('Camille')
  const { participant: link } = await facilitator.shareLinks()
  const onNodeB = new URL(link)
  onNodeB.host = new URL(nodeB).host

  const participant = await BoardPage.open(browser)
  await participant.page.goto(onNodeB.href)
  await participant.joinAs('Yanis')
  expect(new URL(participant.page.url()).host).toBe(new URL(nodeB).host)

  await facilitator.addNoteAt(400, 300, 'Accueil sans rendez-vous')
  await expect
    .poll(async () => (await participant.notes()).map((n) => n.text))
    .toContain('Accueil sans rendez-vous')
  await participant.addNoteAt(700, 350, 'Formulaire en ligne')
  await expect
    .poll(async () => (await facilitator.notes()).map((n) => n.text).sort())
    .toEqual(['Accueil sans rendez-vous', 'Formulaire en ligne'])

  await participant.page.mouse.move(600, 500)
  await participant.page.mouse.move(640, 520, { steps: 5 })
  await expect(facilitator.page.getByTestId('remote-cursor').filter({ hasText: 'Yanis' })).toBeVisible()

  await facilitator.page.screenshot({ path: testInfo.outputPath('node-a.png') })
  await participant.page.screenshot({ path: testInfo.outputPath('node-b.png') })
  await participant.close()
  await facilitator.close()
})
