/**
 * Two or more client builds side by side: one relay per build (each serving its `dist` folder,
 * ATELIER_STATIC_DIR) with the same generated board, and cold + warm visits alternating between
 * them round after round (the order reversed every other round), so a machine whose load comes
 * and goes weighs on every build alike. Painted is measured as bench:render measures it (the
 * canvas's pixels, see page.mjs). Prints each round and the medians; saves nothing.
 *
 *   node bench/client-render/compare.mjs --builds /tmp/before/dist,client/dist --notes 5000 --rounds 6
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { readOptions, run, UsageError } from '../lib/cli.mjs'
import { paintedAt } from '../lib/painted.mjs'
import { summarize } from '../lib/stats.mjs'
import { killStartedServers, startOursOn } from '../relay-fanout/servers.mjs'
import { benchContext, CHROMIUM_ARGS } from './browser.mjs'
import { settleAndCollect } from './page.mjs'
import { seed, writeNoteGrid } from './seed.mjs'

const NAME = 'bench/client-render/compare'
const USAGE = `node bench/client-render/compare.mjs --builds DIST,DIST[,DIST…] [options]

  --builds DIRS    built client folders (client/dist of a worktree, or copies), comma-separated
  --notes N        notes on the board (default 5000)
  --rounds N       cold + warm visits of each build per round (default 6)
  --chromium PATH  browser binary (default /usr/bin/chromium or ATELIER_CHROMIUM)
  --timeout S      hard limit in seconds (default 1200)`

function parseOptions() {
  const { values, int } = readOptions(USAGE, {
    builds: { type: 'string', default: '' },
    notes: { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '6' },
    chromium: { type: 'string', default: process.env.ATELIER_CHROMIUM ?? '/usr/bin/chromium' },
    timeout: { type: 'string', default: '1200' },
  })
  const dists = values.builds.split(',').filter(Boolean)
  if (dists.length < 2) throw new UsageError('give at least two client builds to compare')
  return {
    notes: int('notes', 1, 100_000),
    rounds: int('rounds', 1, 50),
    chromium: values.chromium,
    timeout: int('timeout', 60, 7200),
    dists: dists.map((dist) => resolve(dist)),
  }
}

/** A build's name in the output: its folder, and the worktree or copy it sits in. */
const label = (dist) => `${basename(dirname(dirname(dist)))}/${basename(dirname(dist))}/${basename(dist)}`

/** Opens `url` in a new page of `context` and returns when its notes were painted (ms after navigation). */
async function visit(context, url, expected) {
  const page = await context.newPage()
  try {
    await page.goto(url)
    const watched = await page.evaluate(settleAndCollect, { expected, settleMs: 1500 })
    const painted = paintedAt(watched.samples)
    return painted === null ? null : Math.round(painted)
  } finally {
    await page.close()
  }
}

async function main({ notes, rounds, chromium: executablePath, dists }) {
  const builds = []
  for (const dist of dists) {
    const dataDir = await mkdtemp(join(os.tmpdir(), 'atelier-compare-'))
    const relay = await startOursOn(dataDir, { ATELIER_STATIC_DIR: dist }, { createBoard: true })
    const leave = await seed(relay.serverUrl, relay.room, relay.facilitatorToken, (doc) =>
      writeNoteGrid(doc, notes),
    )
    const base = relay.serverUrl.replace(/^ws/, 'http').replace(/\/sync$/, '')
    builds.push({
      dist,
      dataDir,
      relay,
      leave,
      url: `${base}/b/${relay.room}#${relay.params.token}`,
      cold: [],
      warm: [],
    })
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const expected = notes + Math.ceil(notes / 100)
  try {
    for (let round = 0; round < rounds; round++) {
      for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
        const context = await benchContext(browser)
        build.cold.push(await visit(context, build.url, expected))
        build.warm.push(await visit(context, build.url, expected))
        await context.close()
      }
      const line = builds
        .map((b) => `${label(b.dist)} cold ${b.cold.at(-1)} warm ${b.warm.at(-1)}`)
        .join(' | ')
      console.log(`round ${round + 1}, load ${os.loadavg()[0].toFixed(1)}: ${line}`)
    }
  } finally {
    await browser.close()
    for (const build of builds) {
      build.leave()
      await build.relay.stop()
      await rm(build.dataDir, { recursive: true, force: true })
    }
  }
  const median = (values) => {
    const known = values.filter((v) => v !== null)
    return known.length ? Math.round(summarize(known).p50) : '—'
  }
  console.log(
    `\nmedians over ${rounds} rounds, ${notes.toLocaleString('en-US')} notes, navigation → painted:`,
  )
  for (const b of builds) {
    console.log(`  ${label(b.dist)}: cold ${median(b.cold)} ms, warm ${median(b.warm)} ms`)
  }
  return 0
}

run({ name: NAME, usage: USAGE, stop: killStartedServers }, parseOptions, main)
