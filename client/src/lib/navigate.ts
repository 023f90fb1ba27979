/** Client-side navigation without a router: two pages do not need one. App listens to popstate. */
export function navigate(url: string): void {
  window.history.pushState(null, '', url)
  window.dispatchEvent(new PopStateEvent('popstate'))
}
