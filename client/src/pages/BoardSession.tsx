import type { BoardAccess } from '@atelier/shared'
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { LiveRegion } from '../a11y/LiveRegion.js'
import { type BoardSessionModel, createSession } from '../board/BoardSession.js'
import { SessionProvider, useSession } from '../board/context.js'
import { BoardCanvas } from '../canvas/BoardCanvas.js'
import { hideBoardPreview } from '../canvas/previewOverlay.js'
import { RemoteCursors } from '../canvas/RemoteCursors.js'
import { isTypingTarget } from '../commands/shortcuts.js'
import { ExportButton } from '../exports/ExportButton.js'
import { ExportDialog } from '../exports/ExportDialog.js'
import { ExportProgress } from '../exports/ExportProgress.js'
import { FacilitationLayer } from '../facilitation/FacilitationLayer.js'
import { HistoryButton, HistoryPanel } from '../history/HistoryDialog.js'
import { announcePresence } from '../presence/announce.js'
import { useBoardLayout } from '../room/layout.js'
import { ROOM_QUESTION_ID } from '../room/RoomView.js'
import { useBoardTitle } from '../store/hooks.js'
import { TemplatesMenu } from '../templates/TemplatesMenu.js'
import { ConnectionStatus } from '../ui/ConnectionStatus.js'
import { EyeIcon, ListIcon, LogoMark, ShareIcon } from '../ui/icons.js'
import { JoinDialog } from '../ui/JoinDialog.js'
import { LanguageSwitch } from '../ui/LanguageSwitch.js'
import { NoteEditor } from '../ui/NoteEditor.js'
import { NotFound } from '../ui/NotFound.js'
import { PeopleList } from '../ui/PeopleList.js'
import { Toolbar } from '../ui/Toolbar.js'
import { featureCommands } from './boardCommands.js'
import { CanvasChrome } from './CanvasChrome.js'

/** Loaded when a facilitator opens it (with the QR code library), not with the board. */
const ShareDialog = lazy(() => import('./ShareDialog.js').then((m) => ({ default: m.ShareDialog })))

export function BoardSession({
  boardId,
  token,
  access,
}: {
  boardId: string
  token: string
  access: BoardAccess
}) {
  const [session, setSession] = useState<BoardSessionModel | null>(null)
  useEffect(() => {
    const created = createSession(boardId, token, access, featureCommands)
    setSession(created)
    return () => created.destroy()
  }, [boardId, token, access])
  if (!session) return null
  return (
    <SessionProvider session={session}>
      <BoardScreen />
    </SessionProvider>
  )
}

function BoardScreen() {
  const { t } = useTranslation()
  const session = useSession()
  const { access, connection, board, registry, ctx, pointer, identity } = session
  const link = useSyncExternalStore(connection.subscribe, connection.getSnapshot)
  const liveTitle = useBoardTitle(board)
  const title = liveTitle || access.title || t('board.untitled')
  const name = useSyncExternalStore(identity.subscribe, () => identity.getSnapshot().name)
  const joined = name !== ''
  const identityFailed = useSyncExternalStore(identity.subscribe, () => identity.getSnapshot().failed)
  const [shareOpen, setShareOpen] = useState(false)
  const [layout, setLayout] = useBoardLayout(access.role)
  const readOnly = ctx.readOnly

  useEffect(() => {
    document.title = `${title} · Atelier`
  }, [title])

  // The board's preview stands in for the canvas; a layout without one takes it down at once.
  useEffect(() => {
    if (layout !== 'canvas') hideBoardPreview()
  }, [layout])

  // Joining closes a dialog opened with nothing focused: the focus goes where the work is, the
  // step's question in the room, the canvas (where N adds a note) otherwise. Not on a later visit.
  const [askedName] = useState(!joined)
  useEffect(() => {
    if (!joined || !askedName) return
    const work =
      document.getElementById(ROOM_QUESTION_ID) ??
      document.querySelector<HTMLElement>('[data-testid="board-canvas"]')
    work?.focus()
  }, [joined, askedName])

  useEffect(() => {
    if (!joined) return
    identity.join(identity.getSnapshot().name).catch((error: unknown) => console.error(error))
    return announcePresence(connection.awareness, identity, access.role)
  }, [joined, identity, connection, access.role])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // The room has no canvas: its keys are its own fields' and buttons'.
      if (layout === 'room' || isTypingTarget(event.target)) return
      if (event.key === ' ') {
        // Space + drag pans, as in every design tool; stop the page from scrolling.
        pointer.spaceHeld = true
        event.preventDefault()
        return
      }
      if (registry.handleKey(event, ctx)) event.preventDefault()
    }
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') pointer.spaceHeld = false
    }
    // The board takes the keyboard back: the canvas does not take focus itself, so a field left
    // focused (the private writing box) would swallow the board's shortcuts ("n" typed into it).
    const onPointerDown = (event: PointerEvent) => {
      const active = document.activeElement
      const onCanvas = event.target instanceof Element && event.target.closest('.board-canvas')
      if (
        onCanvas &&
        active instanceof HTMLElement &&
        isTypingTarget(active) &&
        !active.closest('.board-canvas')
      )
        active.blur()
    }
    const onBlur = () => {
      pointer.spaceHeld = false
      pointer.cancel()
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('keyup', onKeyUp)
    window.addEventListener('blur', onBlur)
    window.addEventListener('pointerdown', onPointerDown, true)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('keyup', onKeyUp)
      window.removeEventListener('pointerdown', onPointerDown, true)
      window.removeEventListener('blur', onBlur)
    }
  }, [registry, ctx, pointer, layout])

  if (link.denied) return <NotFound titleKey="board.invalidLink" helpKey="board.invalidLinkHelp" />

  return (
    <div className={`board-page layout-${layout}`}>
      {layout === 'canvas' && (
        <main className="board-main">
          <BoardCanvas />
          <RemoteCursors />
          {!readOnly && <NoteEditor />}
        </main>
      )}
      <header className="topbar">
        <div className="topbar-group">
          <a href="/" className="home-link" aria-label={t('app.home')}>
            <LogoMark />
          </a>
          <h1 className="board-title" title={title}>
            {title}
          </h1>
          {readOnly && (
            <span className="readonly-badge" data-testid="readonly-badge">
              <EyeIcon />
              {t('board.readOnly')}
            </span>
          )}
        </div>
        <div className="topbar-group">
          {layout === 'canvas' && (
            <button
              type="button"
              className="button quiet room-open"
              title={t('room.showRoomHelp')}
              data-testid="room-open"
              onClick={() => setLayout('room')}
            >
              <ListIcon />
              <span>{t('room.showRoom')}</span>
            </button>
          )}
          <ConnectionStatus status={link.status} />
          <PeopleList />
          {access.role === 'facilitator' && (
            <button
              type="button"
              className="button primary share-button"
              data-testid="share-open"
              onClick={() => setShareOpen(true)}
            >
              <ShareIcon />
              <span>{t('share.open')}</span>
            </button>
          )}
          {access.role === 'facilitator' && <TemplatesMenu />}
          {access.role === 'facilitator' && <HistoryButton />}
          <ExportButton />
          <LanguageSwitch />
        </div>
      </header>
      {layout === 'canvas' && <Toolbar />}
      {layout === 'canvas' && <CanvasChrome />}
      {/* "Exporter" is in the top bar of both layouts: the phone's room view exports too. */}
      <ExportDialog />
      <ExportProgress />
      <FacilitationLayer layout={layout} onLayout={setLayout} />
      {access.role === 'facilitator' && <HistoryPanel />}
      {link.storeUnavailable && (
        <p className="banner" role="alert" data-testid="store-unavailable">
          {t('board.storeUnavailable')}
        </p>
      )}
      {identityFailed && (
        <p className="banner" role="alert">
          {t('facilitation.errors.identity')}
        </p>
      )}
      {link.status === 'stopped' && (
        <div className="banner banner-action" role="alert" data-testid="changes-refused">
          <p>{t('board.refused')}</p>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              connection
                .startOver()
                .catch((error: unknown) => console.error('starting over from the board failed', error))
                .finally(() => window.location.reload())
            }}
          >
            {t('board.startOver')}
          </button>
        </div>
      )}
      {link.storageError && (
        <p className="banner" role="alert">
          {t('board.storageError')}
        </p>
      )}
      <LiveRegion />
      {!joined && <JoinDialog onJoin={(given) => identity.join(given)} />}
      {shareOpen && (
        <Suspense fallback={null}>
          <ShareDialog boardId={session.boardId} token={session.token} onClose={() => setShareOpen(false)} />
        </Suspense>
      )}
    </div>
  )
}
