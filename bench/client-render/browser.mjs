import { NOTE_COLORS } from '@atelier/shared'
import { installPaintProbe } from './page.mjs'

/** How the client benchmarks start Chromium (bench:render and its build comparison). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium 156 starts the address bar's popup (a WebUI page in a renderer of its own) with every
  // new window, headless too: 1.5 s of processor during a cold visit, as much as the page itself on
  // two cores. A person's browser has it running already when they open a link.
  '--disable-features=WebUIOmniboxPopup',
]

/**
 * A fresh browser profile as a person's laptop opens a board link: empty HTTP cache and
 * IndexedDB (so the first visit is cold), a first name already given, the debug hook on, and the
 * paint probe watching the canvases (page.mjs).
 * @param {import('playwright-core').Browser} browser
 */
export async function benchContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' })
  await context.addInitScript(() => {
    localStorage.setItem('atelierDebug', '1')
    localStorage.setItem('atelier.name', 'Bench')
  })
  await context.addInitScript(
    installPaintProbe,
    NOTE_COLORS.map((color) => color.value),
  )
  return context
}
