/**
 * Code evaluated inside the page (through Playwright's page.evaluate): it drives the camera
 * through the debug hook `window.__atelierDebug` and records requestAnimationFrame deltas.
 * Plain functions with no closure over Node values: Playwright serialises them.
 */

/**
 * Init script (runs before the app's own code in every document of the context): on every
 * animation frame, reads the page's canvases back — those that cover at least half the window,
 * composited in document order, downscaled to 160 × 100 samples, nearest pixel — and counts the
 * samples that have a note's colour. `window.__paintProbe.samples` holds
 * `[performance.now() after the read, count]` per frame, so "the notes are painted" is decided
 * from the pixels, whatever the app does or marks, and timed from navigation start (the
 * document's time origin). Under a millisecond a frame with software rasterisation.
 */
export function installPaintProbe(colors) {
  const targets = colors.map((hex) => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)))
  const probe = { samples: [], running: true }
  window.__paintProbe = probe
  const width = 160
  const height = 100
  let context = null
  const tick = () => {
    if (!probe.running) return
    if (!context) {
      const small = document.createElement('canvas')
      small.width = width
      small.height = height
      context = small.getContext('2d', { willReadFrequently: true })
      context.imageSmoothingEnabled = false
    }
    context.clearRect(0, 0, width, height)
    const kx = width / window.innerWidth
    const ky = height / window.innerHeight
    let drawn = false
    for (const source of document.querySelectorAll('canvas')) {
      if (source.width === 0 || source.height === 0) continue
      const rect = source.getBoundingClientRect()
      if (rect.width * rect.height < (window.innerWidth * window.innerHeight) / 2) continue
      if (getComputedStyle(source).visibility === 'hidden') continue
      context.drawImage(source, rect.x * kx, rect.y * ky, rect.width * kx, rect.height * ky)
      drawn = true
    }
    let count = 0
    if (drawn) {
      const data = context.getImageData(0, 0, width, height).data
      for (let i = 0; i < data.length; i += 4) {
        for (const [r, g, b] of targets) {
          if (
            Math.abs(data[i] - r) <= 3 &&
            Math.abs(data[i + 1] - g) <= 3 &&
            Math.abs(data[i + 2] - b) <= 3
          ) {
            count++
            break
          }
        }
      }
    }
    probe.samples.push([performance.now(), count])
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/**
 * Resolves once the store holds `expected` items, the relay's copy has arrived and `settleMs`
 * have passed since; then stops the probe and returns its samples with the page's own timings.
 */
export function settleAndCollect({ expected, settleMs }) {
  return new Promise((resolve) => {
    const check = () => {
      const hook = window.__atelierDebug
      const count = hook?.store?.getItemIds().length ?? 0
      if (count < expected || !hook.provider?.synced) return setTimeout(check, 20)
      const dataAt = performance.now()
      setTimeout(() => {
        window.__paintProbe.running = false
        const nav = performance.getEntriesByType('navigation')[0]
        resolve({
          dataAt,
          samples: window.__paintProbe.samples,
          domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
          marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
        })
      }, settleMs)
    }
    check()
  })
}

/**
 * Moves the camera once per frame for `ms` and returns the frame deltas.
 * kind: 'pan' (constant drift), 'zoom' (in and out around the centre), at the camera given.
 */
export function measureFrames({ kind, ms, camera }) {
  const { view } = window.__atelierDebug
  if (camera) view.setCamera(camera)
  return new Promise((resolve) => {
    const deltas = []
    let last = 0
    let start = 0
    const startZoom = view.getState().camera.zoom
    const tick = (now) => {
      if (last) deltas.push(now - last)
      else start = now
      last = now
      const { camera: c, viewport } = view.getState()
      if (kind === 'pan') {
        view.setCamera({ ...c, x: c.x + 9 / c.zoom, y: c.y + 4 / c.zoom })
      } else {
        // One full zoom-out/zoom-in cycle per 2 s, between startZoom and startZoom / 8.
        const phase = ((now - start) % 2000) / 2000
        const zoom = startZoom * 8 ** -(phase < 0.5 ? phase * 2 : 2 - phase * 2)
        const cx = c.x + viewport.width / 2 / c.zoom
        const cy = c.y + viewport.height / 2 / c.zoom
        view.setCamera({ x: cx - viewport.width / 2 / zoom, y: cy - viewport.height / 2 / zoom, zoom })
      }
      if (now - start < ms) requestAnimationFrame(tick)
      else resolve(deltas)
    }
    requestAnimationFrame(tick)
  })
}

/** A camera showing the whole board (the far view for big boards). */
export function fitCamera() {
  const { store, view } = window.__atelierDebug
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const item of store.getItems().values()) {
    minX = Math.min(minX, item.x)
    minY = Math.min(minY, item.y)
    maxX = Math.max(maxX, item.x + item.w)
    maxY = Math.max(maxY, item.y + item.h)
  }
  const { viewport } = view.getState()
  const zoom = Math.max(0.05, Math.min(viewport.width / (maxX - minX), viewport.height / (maxY - minY)) * 0.9)
  return {
    x: (minX + maxX) / 2 - viewport.width / 2 / zoom,
    y: (minY + maxY) / 2 - viewport.height / 2 / zoom,
    zoom,
  }
}

/**
 * Records, for every remote transaction, the main-thread time from its start to the end of
 * React's commit (microtasks flushed) plus one synchronous redraw of the Konva layers.
 */
export function recordRemoteUpdates() {
  const { doc } = window.__atelierDebug
  window.__remoteSamples = []
  let started = 0
  doc.on('beforeTransaction', (tr) => {
    if (!tr.local) started = performance.now()
  })
  doc.on('afterTransaction', (tr) => {
    if (tr.local || !started) return
    const t0 = started
    started = 0
    queueMicrotask(() =>
      queueMicrotask(() => {
        for (const stage of window.Konva?.stages ?? []) for (const layer of stage.getLayers()) layer.draw()
        window.__remoteSamples.push(performance.now() - t0)
      }),
    )
  })
}

/**
 * The cost of the re-cull after the camera stops: jumps to another part of the board at
 * `zoom` (the densest near view), then records frame deltas for `ms` while the item layer
 * mounts the new window. The longest frame is the hitch a person sees when a pan ends.
 */
export function measureRecull({ zoom, ms }) {
  const { view, store } = window.__atelierDebug
  const ids = store.getItemIds()
  const target = store.getItem(ids[Math.floor(ids.length / 2)])
  const { viewport } = view.getState()
  view.setCamera({ x: target.x - viewport.width / 2 / zoom, y: target.y - viewport.height / 2 / zoom, zoom })
  return new Promise((resolve) => {
    const deltas = []
    let last = 0
    let start = 0
    const tick = (now) => {
      if (last) deltas.push(now - last)
      else start = now
      last = now
      if (now - start < ms) requestAnimationFrame(tick)
      else resolve(deltas)
    }
    requestAnimationFrame(tick)
  })
}
