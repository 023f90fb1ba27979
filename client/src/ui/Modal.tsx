import { type ReactNode, useEffect, useRef } from 'react'

interface Props {
  labelledBy: string
  children: ReactNode
  /** Called on Escape; omit to make the dialog impossible to dismiss that way. */
  onClose?: () => void
  testId?: string
}

/**
 * Native modal <dialog>: the browser provides the focus trap, inert background and Escape. Focus
 * goes back where it was when the dialog closes: the dialog leaves the document before it is
 * closed, so the browser's own return of focus cannot be relied on.
 */
export function Modal({ labelledBy, children, onClose, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    const opener = document.activeElement
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      dialog?.close()
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={labelledBy}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        onClose?.()
      }}
    >
      {children}
    </dialog>
  )
}
