import { useAnnouncement } from './announcer.js'

/** The page's one polite live region: what `announce()` says reaches screen readers from here. */
export function LiveRegion() {
  const { text, nonce } = useAnnouncement()
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="live-region">
      {/* A new node per message: the same words said twice are read twice. */}
      <span key={nonce}>{text}</span>
    </div>
  )
}
