/**
 * Client rendering benchmark: opens generated boards of 1,000 / 5,000 / 20,000 notes in headless
 * Chromium and measures time to first full render, frame times while panning and zooming, and
 * the main-thread cost of one remote update. See docs/benchmarks.md, "Client rendering".
 *
 *   pnpm bench:render                               # build, then the defaults
 *   node bench/client-render/run.mjs --sizes 1000,5000 --seconds 3
 */
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { updateItem } from '@atelier/shared'
import { chromium } from 'playwright-core'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { summarize } from '../lib/stats.mjs'
import { killStartedServers, REPO_ROOT, startOurs } from '../relay-fanout/servers.mjs'
import { fitCamera, measureFrames, measureRecull, recordRemoteUpdates, waitForBoard } from './page.mjs'
import { seed, writeNoteGrid } from './seed.mjs'

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000' },
    seconds: { type: 'string', default: '4' },
    updates: { type: 'string', default: '20' },
    chromium: { type: 'string', default: process.env.ATELIER_CHROMIUM ?? '/usr/bin/chromium' },
    'no-save': { type: 'boolean', default: false },
  },
})
const sizes = args.sizes.split(',').map(Number)
const ms = Number(args.seconds) * 1000

/** Frame deltas → median fps and p95 frame time, the two figures the targets are set in. */
function frames(deltas) {
  const s = summarize(deltas)
  const sorted = Float64Array.from(deltas).sort()
  const p95 = sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)]
  return { frames: s.count, medianFps: round(1000 / s.p50), p95FrameMs: round(p95), maxFrameMs: round(s.max) }
}

const round = (v) => Math.round(v * 10) / 10

/** Moves one note from a second stock client, `count` times, while the page records the cost. */
async function remoteMoves(relay, count) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(relay.serverUrl, relay.room, doc, {
    params: relay.params,
    WebSocketPolyfill: WebSocket,
    disableBc: true,
  })
  await new Promise((resolve) => provider.once('sync', resolve))
  const [id, item] = [...doc.getMap('items').entries()].find(([, map]) => map.get('type') === 'note')
  for (let i = 0; i < count; i++) {
    updateItem(doc, id, { x: Number(item.get('x')) + (i % 2 === 0 ? 40 : -40) })
    await new Promise((r) => setTimeout(r, 150))
  }
  provider.destroy()
  doc.destroy()
}

async function runSize(browser, n) {
  const relay = await startOurs()
  try {
    const base = relay.serverUrl.replace(/^ws/, 'http').replace(/\/sync$/, '')
    const started = performance.now()
    await seed(relay.serverUrl, relay.room, relay.params.token, (doc) => writeNoteGrid(doc, n))
    const seedMs = performance.now() - started
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' })
    await context.addInitScript(() => {
      localStorage.setItem('atelierDebug', '1')
      localStorage.setItem('atelier.name', 'Bench')
    })
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (error) => errors.push(error.message))
    const expected = n + Math.ceil(n / 100)
    await page.goto(`${base}/b/${relay.room}#${relay.params.token}`)
    const { dataAt, drawnAt } = await page.evaluate(waitForBoard, expected)
    const result = {
      notes: n,
      items: expected,
      seedMs: Math.round(seedMs),
      firstRenderMs: Math.round(drawnAt),
      dataAtMs: Math.round(dataAt),
      dataToDrawnMs: Math.round(drawnAt - dataAt),
    }
    result.panNear = frames(await page.evaluate(measureFrames, { kind: 'pan', ms }))
    result.zoom = frames(await page.evaluate(measureFrames, { kind: 'zoom', ms }))
    const fit = await page.evaluate(fitCamera)
    result.fitZoom = round(fit.zoom * 100) / 100
    result.panFit = frames(await page.evaluate(measureFrames, { kind: 'pan', ms, camera: fit }))
    const recull = await page.evaluate(measureRecull, { zoom: 0.31, ms: 1000 })
    result.recullMaxFrameMs = round(Math.max(...recull))
    // Back to 100 % at the start so the moved note is on screen, mounted as a full item view.
    await page.evaluate(() => window.__atelierDebug.view.setCamera({ x: -200, y: -200, zoom: 1 }))
    await page.evaluate(recordRemoteUpdates)
    await remoteMoves(relay, Number(args.updates))
    await page.waitForFunction((count) => window.__remoteSamples.length >= count, Number(args.updates), {
      timeout: 30_000,
    })
    const samples = await page.evaluate(() => window.__remoteSamples)
    const s = summarize(samples)
    result.remoteUpdateMs = { samples: s.count, median: round(s.p50), p90: round(s.p90), max: round(s.max) }
    result.pageErrors = errors
    await context.close()
    return result
  } finally {
    await relay.stop()
  }
}

async function main() {
  const browser = await chromium.launch({
    executablePath: args.chromium,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const results = []
  const version = browser.version()
  try {
    for (const n of sizes) {
      process.stdout.write(`${n} notes… `)
      const result = await runSize(browser, n)
      results.push(result)
      console.log('done')
    }
  } finally {
    await browser.close()
    killStartedServers()
  }
  console.log(
    '\n| notes | first render ms (board data → drawn) | pan fps (p95 ms) | pan whole board fps (p95 ms) | zoom fps (p95 ms) | remote update ms (median / max) | re-cull frame ms |',
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- |')
  for (const r of results) {
    const f = (x) => `${x.medianFps} (${x.p95FrameMs})`
    console.log(
      `| ${r.notes} | ${r.firstRenderMs} (${r.dataToDrawnMs}) | ${f(r.panNear)} | ${f(r.panFit)} at ${Math.round(r.fitZoom * 100)} % | ${f(r.zoom)} | ${r.remoteUpdateMs.median} / ${r.remoteUpdateMs.max} | ${r.recullMaxFrameMs} |`,
    )
    if (r.pageErrors.length) console.log(`  page errors: ${r.pageErrors.join('; ')}`)
  }
  if (!args['no-save']) {
    const dir = join(REPO_ROOT, 'bench/results')
    await mkdir(dir, { recursive: true })
    const file = join(dir, `client-render-${new Date().toISOString().slice(0, 10)}.json`)
    const machine = {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      load1: os.loadavg()[0],
    }
    await writeFile(
      file,
      `${JSON.stringify({ machine, chromium: version, seconds: ms / 1000, results }, null, 2)}\n`,
    )
    console.log(`\nsaved ${file}`)
  }
}

const hardLimit = setTimeout(() => {
  console.error('benchmark timed out')
  killStartedServers()
  process.exit(2)
}, 15 * 60_000)
hardLimit.unref()
await main()
