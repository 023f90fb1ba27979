/** Client-side navigation without a router: a few pages do not need one. App listens to popstate. */
export function navigate(url: string, { replace = false }: { replace?: boolean } = {}): void {
  // Replacing keeps a one-shot page (a join code already used) out of the Back history.
  if (replace) window.history.replaceState(null, '', url)
  else window.history.pushState(null, '', url)
  window.dispatchEvent(new PopStateEvent('popstate'))
}
