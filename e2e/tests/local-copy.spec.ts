import { createItem, NOTE_COLORS } from '@atelier/shared'
import { expect, type Page, test } from '@playwright/test'
import { expectNoSeriousViolations } from '../fixtures/a11y.js'
import { BoardPage } from '../fixtures/board.js'
import { createBoardByApi, stockClient } from '../fixtures/stockClient.js'

const NOTES = 300
const COLOR = NOTE_COLORS[0].value

/** How many pixels of the board's canvas have the notes' colour (the notes as painted). */
function notePixels(page: Page): Promise<number> {
  return page.evaluate((hex) => {
    const target = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16))
    let count = 0
    for (const canvas of Array.from(document.querySelectorAll('canvas'))) {
      const context = canvas.getContext('2d')
      if (!context || canvas.width === 0) continue
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      for (let i = 0; i < data.length; i += 4) {
        if (target.every((value, k) => Math.abs((data[i + k] as number) - value) <= 3)) count++
      }
    }
    return count
  }, COLOR)
}

/** Whether the page's connection has had the relay's answer (read through the debug hook). */
function relayAnswered(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      (window as unknown as { __atelierDebug?: { provider: { synced: boolean } } }).__atelierDebug?.provider
        .synced ?? false,
  )
}

/** Whether the board's copy on this device has kept its preview picture yet. */
function pictureKept(page: Page, boardId: string): Promise<boolean> {
  return page.evaluate(
    (name) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('preview')) {
            db.close()
            resolve(false)
            return
          }
          const get = db.transaction('preview').objectStore('preview').get('picture')
          get.onsuccess = () => {
            db.close()
            resolve(get.result !== undefined)
          }
          get.onerror = () => reject(get.error)
        }
      }),
    `atelier-${boardId}`,
  )
}

test('a second visit shows the board from this device before the relay answers, then syncs', async ({
  browser,
  baseURL,
}) => {
  const { id, tokens } = await createBoardByApi(baseURL, 'Visite suivante')
  // A board large enough to open zoomed out: 300 notes in 30 columns, written by a stock client.
  const peer = await stockClient(baseURL, id, tokens.participant)
  const { doc } = peer
  const person = await BoardPage.open(browser)
  try {
    doc.transact(() => {
      for (let i = 0; i < NOTES; i++) {
        createItem(doc, {
          type: 'note',
          x: (i % 30) * 250,
          y: Math.floor(i / 30) * 250,
          text: `idée ${i}`,
          color: COLOR,
        })
      }
    })

    await person.page.goto(`/b/${id}#${tokens.participant}`)
    await person.joinAs('Noé')
    await expect.poll(async () => (await person.notes()).length).toBe(NOTES)
    await expect.poll(() => pictureKept(person.page, id), { timeout: 15_000 }).toBe(true)
    await person.page.close()

    // Second visit, same device, the relay out of reach until the test lets it through.
    let relayReachable = false
    const page = await person.context.newPage()
    await page.routeWebSocket(/\/sync/, (socket) => {
      if (relayReachable) socket.connectToServer()
      else socket.close()
    })
    await page.goto(`/b/${id}#${tokens.participant}`)
    // Painted first from the copy's preview picture, then by the app from the copy's content.
    await expect.poll(() => notePixels(page)).toBeGreaterThan(1000)
    await page.waitForFunction(() => (window as { __atelierDebug?: unknown }).__atelierDebug !== undefined)
    await expect.poll(async () => (await new BoardPage(page, person.context).notes()).length).toBe(NOTES)
    await expect.poll(() => notePixels(page)).toBeGreaterThan(1000)
    expect(await relayAnswered(page)).toBe(false)
    await page.screenshot({ path: test.info().outputPath('second-visit-before-relay.png') })

    // Written on the board meanwhile: it arrives once the relay is reachable again.
    createItem(doc, { type: 'note', x: 0, y: 2600, text: 'écrite pendant la visite', color: COLOR })
    relayReachable = true
    await expect
      .poll(async () => (await new BoardPage(page, person.context).notes()).map((note) => note.text), {
        timeout: 20_000,
      })
      .toContain('écrite pendant la visite')
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected')
  } finally {
    peer.destroy()
    await person.close()
  }
})

test('a browser whose changes the relay refuses says so, and starts over from the board', async ({
  browser,
  baseURL,
}) => {
  const { id, tokens } = await createBoardByApi(baseURL, 'Refusé')
  // The facilitator, a stock client, writes a note: the relay now knows their client id.
  const facilitator = await stockClient(baseURL, id, tokens.facilitator)
  const { doc } = facilitator
  const person = await BoardPage.open(browser)
  try {
    const noteId = createItem(doc, { type: 'note', x: 0, y: 0, text: 'consigne', color: COLOR })
    await person.page.goto(`/b/${id}#${tokens.participant}`)
    await person.joinAs('Noé')
    await expect.poll(async () => (await person.notes()).map((note) => note.text)).toEqual(['consigne'])

    // A change this browser writes under the facilitator's client id, as a broken client might:
    // the relay refuses it as malformed, and again when the browser reconnects and resends it.
    await person.page.evaluate(
      ([facilitatorClient, note]) => {
        const hook = (
          window as unknown as {
            __atelierDebug: {
              doc: { clientID: number; getMap(name: string): Map<string, Map<string, unknown>> }
            }
          }
        ).__atelierDebug
        hook.doc.clientID = facilitatorClient as number
        hook.doc
          .getMap('items')
          .get(note as string)
          ?.set('text', 'détournée')
      },
      [doc.clientID, noteId] as const,
    )
    const refused = person.page.getByTestId('changes-refused')
    await expect(refused).toBeVisible({ timeout: 15_000 })
    await expect(refused).toContainText('Ce navigateur garde des modifications que le tableau refuse')
    await expect(person.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'stopped')
    await expectNoSeriousViolations(person.page, 'the refused changes banner')
    await person.page.screenshot({ path: test.info().outputPath('changes-refused.png') })

    await refused.getByRole('button', { name: 'Repartir de la version du tableau' }).click()
    await expect(person.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', {
      timeout: 15_000,
    })
    await expect(person.page.getByTestId('changes-refused')).toHaveCount(0)
    // The page drew this device's copy before it connected: what was refused is not in it any more.
    await expect.poll(async () => (await person.notes()).map((note) => note.text)).toEqual(['consigne'])
  } finally {
    facilitator.destroy()
    await person.close()
  }
})
