import type { ReactNode } from 'react'

/** Interface icons as inline SVG: emoji fonts are missing on some lab machines, shapes are not. */
const base = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  className: 'fac-icon',
}

export function LockIcon() {
  return (
    <svg {...base} aria-hidden="true">
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  )
}

export function BellIcon({ off }: { off: boolean }) {
  return (
    <svg {...base} aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      {off && <path d="M3 3l18 18" />}
    </svg>
  )
}

export function HandIcon() {
  return (
    <svg {...base} aria-hidden="true">
      <path d="M18 11V6a2 2 0 0 0-4 0v5" />
      <path d="M14 10V4a2 2 0 0 0-4 0v6" />
      <path d="M10 10.5V6a2 2 0 0 0-4 0v8" />
      <path d="M18 8a2 2 0 1 1 4 0v6a8 8 0 0 1-8 8h-2c-2.8 0-4.5-.86-5.99-2.34l-3.6-3.6a2 2 0 0 1 2.83-2.82L7 15" />
    </svg>
  )
}

/** Each reaction's picture: its colour, whether it is filled, and its shapes (24 × 24). */
const REACTION_PICTURES: Record<string, { color: string; fill: boolean; shapes: ReactNode }> = {
  '👍': {
    color: '#2563c9',
    fill: false,
    shapes: (
      <>
        <path d="M7 10v12" />
        <path d="M15 5.88 14 10h5.83a2 2 0 0 1 1.92 2.56l-2.33 8A2 2 0 0 1 17.5 22H4a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h2.76a2 2 0 0 0 1.79-1.11L12 2a3.13 3.13 0 0 1 3 3.88Z" />
      </>
    ),
  },
  '❤️': {
    color: '#d7264f',
    fill: true,
    shapes: (
      <path d="M19 14c1.49-1.46 3-3.21 3-5.5A5.5 5.5 0 0 0 16.5 3c-1.76 0-3 .5-4.5 2-1.5-1.5-2.74-2-4.5-2A5.5 5.5 0 0 0 2 8.5c0 2.3 1.5 4.05 3 5.5l7 7Z" />
    ),
  },
  '👏': {
    color: '#c98a00',
    fill: true,
    shapes: (
      <path d="M12 2l3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 2 9.27l6.91-1.01L12 2Z" />
    ),
  },
  '😂': {
    color: '#b7791f',
    fill: false,
    shapes: (
      <>
        <circle cx="12" cy="12" r="10" fill="#ffd66b" />
        <path d="M18 13a6 6 0 0 1-12 0h12Z" fill="#fff" />
        <path d="M8 9.5l1.5-1 1.5 1M13 9.5l1.5-1 1.5 1" />
      </>
    ),
  },
  '💡': {
    color: '#a16207',
    fill: false,
    shapes: (
      <>
        <path
          d="M15 14c.2-1 .7-1.7 1.5-2.5 1-.9 1.5-2.2 1.5-3.5A6 6 0 0 0 6 8c0 1 .2 2.2 1.5 3.5.7.7 1.3 1.5 1.5 2.5Z"
          fill="#ffe27a"
        />
        <path d="M9 18h6" />
        <path d="M10 22h4" />
      </>
    ),
  },
  '❓': {
    color: '#6d3fc4',
    fill: false,
    shapes: (
      <>
        <circle cx="12" cy="12" r="10" />
        <path d="M9.09 9a3 3 0 0 1 5.83 1c0 2-3 3-3 3" />
        <path d="M12 17h.01" />
      </>
    ),
  },
}

/** A reaction drawn as a picture, not as an emoji: lab machines without an emoji font show boxes. */
export function ReactionIcon({ emoji, size }: { emoji: string; size: number }) {
  const picture = REACTION_PICTURES[emoji]
  if (!picture) return null
  return (
    <svg
      {...base}
      width={size}
      height={size}
      className="fac-icon reaction-icon"
      style={{ color: picture.color }}
      fill={picture.fill ? 'currentColor' : 'none'}
      aria-hidden="true"
    >
      {picture.shapes}
    </svg>
  )
}
