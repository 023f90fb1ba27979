/**
 * Sticky-note palette. Every colour keeps dark text (#1f2933) above 7:1 contrast (WCAG AAA
 * for body text), so notes stay readable on a projector and for low-vision participants.
 */
export const NOTE_COLORS = [
  { id: 'yellow', value: '#fff3a3' },
  { id: 'orange', value: '#ffd8a8' },
  { id: 'pink', value: '#ffc9de' },
  { id: 'violet', value: '#e0d4ff' },
  { id: 'blue', value: '#c5e4ff' },
  { id: 'green', value: '#c9f2c7' },
  { id: 'grey', value: '#e9ecef' },
] as const

export type NoteColorId = (typeof NOTE_COLORS)[number]['id']

export const DEFAULT_NOTE_COLOR = NOTE_COLORS[0].value
export const NOTE_TEXT_COLOR = '#1f2933'
export const DEFAULT_NOTE_SIZE = 200
