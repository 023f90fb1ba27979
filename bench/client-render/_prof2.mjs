import { chromium } from 'playwright-core'
import { killStartedServers, startOurs } from '../relay-fanout/servers.mjs'
import { fitCamera, measureFrames, waitForBoard } from './page.mjs'
import { seed, writeNoteGrid } from './seed.mjs'

const N = Number(process.argv[2] ?? 20000)
const kind = process.argv[3] ?? 'pan'
const relay = await startOurs()
const base = relay.serverUrl.replace('ws://', 'http://').replace(/\/sync$/, '')
try {
  await seed(relay.serverUrl, relay.room, relay.params.token, (doc) => writeNoteGrid(doc, N))
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(() => {
    localStorage.setItem('atelierDebug', '1')
    localStorage.setItem('atelier.name', 'B')
  })
  const page = await context.newPage()
  await page.goto(`${base}/b/${relay.room}#${relay.params.token}`)
  await page.evaluate(waitForBoard, N + N / 100)
  if (process.argv[4] === 'nogrid') await page.addStyleTag({ content: '.board-grid{display:none}' })
  if (process.argv[4] === 'nomini') await page.addStyleTag({ content: '.minimap{display:none}' })
  const cam = kind === 'fit' ? await page.evaluate(fitCamera) : undefined
  const client = await context.newCDPSession(page)
  await client.send('Profiler.enable')
  await client.send('Profiler.setSamplingInterval', { interval: 200 })
  await client.send('Profiler.start')
  const d = await page.evaluate(measureFrames, { kind: kind === 'fit' ? 'pan' : kind, ms: 2000, camera: cam })
  const { profile } = await client.send('Profiler.stop')
  d.sort((a, b) => a - b)
  console.log('median', d[d.length >> 1], 'p95', d[Math.floor(d.length * 0.95)])
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const counts = new Map()
  for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1)
  const self = new Map()
  for (const [id, c] of counts) {
    const n = byId.get(id)
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`
    self.set(key, (self.get(key) ?? 0) + c)
  }
  const total = profile.samples.length
  console.log(
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 22)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1)}% ${k}`)
      .join('\n'),
  )
  await browser.close()
} finally {
  await relay.stop()
  killStartedServers()
}
