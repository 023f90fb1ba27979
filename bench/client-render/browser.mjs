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
