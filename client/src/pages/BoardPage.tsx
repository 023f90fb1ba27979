import type { BoardAccess } from '@atelier/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { discardEarlyBoard, takeEarlyAccess } from '../board/earlyStart.js'
import { hideBoardPreview } from '../canvas/previewOverlay.js'
import { findRecent, rememberBoard } from '../lib/storage.js'
import { ApiError, fetchAccess } from '../sync/api.js'
import { NotFound } from '../ui/NotFound.js'
import { BoardSession } from './BoardSession.js'

type Load =
  | { state: 'loading' }
  | { state: 'ready'; access: BoardAccess }
  | { state: 'denied' }
  | { state: 'unreachable' }

/** Checks the link's token, then opens the board with the role it grants. */
export function BoardPage({ boardId, token }: { boardId: string; token: string | null }) {
  const { t } = useTranslation()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger.
  useEffect(() => {
    if (!token) {
      setLoad({ state: 'denied' })
      return
    }
    let cancelled = false
    setLoad({ state: 'loading' })
    const access = takeEarlyAccess(boardId, token) ?? fetchAccess(boardId, token)
    access
      .then((access) => {
        if (cancelled) return
        rememberBoard(localStorage, { id: boardId, title: access.title, role: access.role, token })
        setLoad({ state: 'ready', access })
      })
      .catch((error: unknown) => {
        if (cancelled) return
        if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
          discardEarlyBoard()
          hideBoardPreview()
          setLoad({ state: 'denied' })
          return
        }
        // Server unreachable: a board opened before on this device still opens from its local copy.
        const known = findRecent(localStorage, boardId)
        if (known && known.token === token) {
          setLoad({ state: 'ready', access: { id: boardId, title: known.title, role: known.role } })
        } else {
          hideBoardPreview()
          setLoad({ state: 'unreachable' })
        }
      })
    return () => {
      cancelled = true
    }
  }, [boardId, token, attempt])

  if (load.state === 'denied' || !token)
    return <NotFound titleKey="board.invalidLink" helpKey="board.invalidLinkHelp" />
  if (load.state === 'unreachable') {
    return (
      <main className="center-page">
        <div className="card narrow" role="alert">
          <p>{t('board.unreachable')}</p>
          <button type="button" className="button primary" onClick={() => setAttempt((n) => n + 1)}>
            {t('board.retry')}
          </button>
        </div>
      </main>
    )
  }
  if (load.state === 'loading') {
    return (
      <main className="center-page">
        <p className="muted" role="status">
          {t('board.loading')}
        </p>
      </main>
    )
  }
  return <BoardSession boardId={boardId} token={token} access={load.access} />
}
