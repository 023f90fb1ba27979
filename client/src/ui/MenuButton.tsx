import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import './menu.css'

/**
 * A button that opens a small menu below it (role="menu"), closed by a choice, Escape or a click
 * elsewhere. Items are the caller's buttons or links with role="menuitem"; `children` gets a
 * `close` to call after a choice.
 */
export function MenuButton({
  label,
  testId,
  children,
}: {
  label: ReactNode
  testId?: string
  children: (close: () => void) => ReactNode
}) {
  const menuId = useId()
  const [expanded, setExpanded] = useState(false)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!expanded) return
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setExpanded(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setExpanded(false)
    }
    window.addEventListener('pointerdown', onPointer)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('pointerdown', onPointer)
      window.removeEventListener('keydown', onKey)
    }
  }, [expanded])

  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={expanded}
        aria-controls={menuId}
        onClick={() => setExpanded((v) => !v)}
        data-testid={testId}
      >
        {label}
      </button>
      {expanded && (
        <div className="menu-list" role="menu" id={menuId}>
          {children(() => setExpanded(false))}
        </div>
      )}
    </div>
  )
}
