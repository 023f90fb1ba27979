/**
 * Code evaluated inside the page (through Playwright's page.evaluate): it drives the camera
 * through the debug hook `window.__atelierDebug` and records requestAnimationFrame deltas.
 * Plain functions with no closure over Node values: Playwright serialises them.
 */

/** Resolves when the store holds `expected` items and two frames have been drawn since. */
export function waitForBoard(expected) {
  return new Promise((resolve) => {
    const check = () => {
      const hook = window.__atelierDebug
      const count = hook?.store?.getItemIds().length ?? 0
      if (count < expected) return requestAnimationFrame(check)
      const dataAt = performance.now()
      // Frame 1 runs React's commit and Konva's batched draw; frame 2 starts after it was painted.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => resolve({ dataAt, drawnAt: performance.now() })),
      )
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
