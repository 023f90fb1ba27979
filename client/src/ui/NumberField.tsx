import type { ReactNode } from 'react'

/**
 * A labelled whole-number input that keeps its value within [min, max]: typing past a bound or
 * clearing the field never hands a negative duration or an empty budget to the caller.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  onChange,
  testId,
}: {
  label: ReactNode
  value: number
  min: number
  max: number
  onChange: (value: number) => void
  testId?: string
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(clampWhole(Number(e.target.value), min, max))}
      />
    </label>
  )
}

/** `value` rounded and held within [min, max]; anything that is not a number becomes `min`. */
export function clampWhole(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min
  return Math.min(max, Math.max(min, Math.round(value)))
}
