import type { ReactNode, SVGProps } from 'react'

/** Inline interface and tool icons (no icon font, no CDN). Decorative: the button around each carries the label. */
function Icon({ children, ...props }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  )
}

export const SelectIcon = () => (
  <Icon>
    <path d="M5 3l14 8-6 1.6L10 19z" />
  </Icon>
)
export const NoteIcon = () => (
  <Icon>
    <path d="M5 4h14v10l-5 6H5z" />
    <path d="M14 20v-6h5" />
  </Icon>
)
export const UndoIcon = () => (
  <Icon>
    <path d="M9 14L4 9l5-5" />
    <path d="M4 9h10a6 6 0 010 12h-3" />
  </Icon>
)
export const RedoIcon = () => (
  <Icon>
    <path d="M15 14l5-5-5-5" />
    <path d="M20 9H10a6 6 0 000 12h3" />
  </Icon>
)
export const PlusIcon = () => (
  <Icon>
    <path d="M12 5v14M5 12h14" />
  </Icon>
)
export const MinusIcon = () => (
  <Icon>
    <path d="M5 12h14" />
  </Icon>
)
export const FitIcon = () => (
  <Icon>
    <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
  </Icon>
)
export const ShareIcon = () => (
  <Icon>
    <path d="M4 12v7a1 1 0 001 1h14a1 1 0 001-1v-7" />
    <path d="M12 3v12M7 8l5-5 5 5" />
  </Icon>
)
export const CloseIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
)
export const CopyIcon = () => (
  <Icon>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V5a1 1 0 00-1-1H5a1 1 0 00-1 1v10a1 1 0 001 1h3" />
  </Icon>
)
export const TrashIcon = () => (
  <Icon>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
  </Icon>
)
export const EyeIcon = () => (
  <Icon>
    <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
  </Icon>
)
export const HandIcon = () => (
  <Icon>
    <path d="M8 13V5.5a1.5 1.5 0 0 1 3 0V11M11 10V4.5a1.5 1.5 0 0 1 3 0V11M14 10.5V6a1.5 1.5 0 0 1 3 0v7.5a6.5 6.5 0 0 1-6.5 6.5h-.7a6 6 0 0 1-4.7-2.3L3.6 15.6a1.5 1.5 0 0 1 2.3-1.9L8 16" />
  </Icon>
)
export const TextIcon = () => (
  <Icon>
    <path d="M5 6V4h14v2M12 4v16M9 20h6" />
  </Icon>
)
export const RectangleIcon = () => (
  <Icon>
    <rect x="4" y="6" width="16" height="12" rx="2" />
  </Icon>
)
export const EllipseIcon = () => (
  <Icon>
    <ellipse cx="12" cy="12" rx="8.5" ry="6.5" />
  </Icon>
)
export const DiamondIcon = () => (
  <Icon>
    <path d="M12 3.5l8.5 8.5-8.5 8.5L3.5 12z" />
  </Icon>
)
export const FrameIcon = () => (
  <Icon>
    <path d="M7 3v18M17 3v18M3 7h18M3 17h18" />
  </Icon>
)
export const ConnectorIcon = () => (
  <Icon>
    <path d="M5 19L19 5M11 5h8v8" />
  </Icon>
)
export const PenIcon = () => (
  <Icon>
    <path d="M4 20l1-4L16.5 4.5a2.1 2.1 0 0 1 3 3L8 19zM14.5 6.5l3 3" />
  </Icon>
)
export const HighlighterIcon = () => (
  <Icon>
    <path d="M9 15l-3 3v2h5l2-2M9 15l7.5-10.5a2 2 0 0 1 3 0l.5.5a2 2 0 0 1 0 3L13 18M9 15l4 3" />
  </Icon>
)
export const SearchIcon = () => (
  <Icon>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M20 20l-4.2-4.2" />
  </Icon>
)
export const KeyboardIcon = () => (
  <Icon>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
  </Icon>
)
export const CommandIcon = () => (
  <Icon>
    <path d="M9 6a3 3 0 1 0-3 3h12a3 3 0 1 0-3-3v12a3 3 0 1 0 3-3H6a3 3 0 1 0 3 3z" />
  </Icon>
)
export const ListIcon = () => (
  <Icon>
    <path d="M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01" />
  </Icon>
)
export const LockIcon = () => (
  <Icon>
    <rect x="5" y="11" width="14" height="9" rx="2" />
    <path d="M8 11V8a4 4 0 0 1 8 0v3" />
  </Icon>
)
export const LogoMark = () => (
  <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect x="2" y="2" width="28" height="28" rx="8" fill="#3b5bdb" />
    <rect x="9" y="9" width="14" height="14" rx="2.5" fill="#fff3a3" />
    <path d="M17 23v-5h6" fill="none" stroke="#e0c84a" strokeWidth="1.5" />
  </svg>
)
/** A map pin: a frame's named places. */
export const PlacesIcon = () => (
  <Icon>
    <path d="M12 21s-6-5.4-6-10a6 6 0 0 1 12 0c0 4.6-6 10-6 10z" />
    <circle cx="12" cy="11" r="2.2" />
  </Icon>
)
