import { boardToScreen } from '@atelier/shared'
import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { useRemotePresence } from '../canvas/RemoteCursors.js'
import { useItem, useView } from '../store/hooks.js'

/** "Ajouté par Camille" above the item under the mouse, when its author is known on this board. */
export function HoverCard() {
  const session = useSession()
  const hoveredId = useView(session.view, (s) => (s.drag || s.editingId || s.menu ? null : s.hoveredId))
  return hoveredId ? <Card key={hoveredId} id={hoveredId} /> : null
}

function Card({ id }: { id: string }) {
  const session = useSession()
  const { t } = useTranslation()
  const item = useItem(session.board, id)
  const camera = useView(session.view, (s) => s.camera)
  const people = useRemotePresence(session)
  if (!item?.author || item.type === 'frame' || item.type === 'connector') return null
  const name =
    item.author === session.identity.personId
      ? t('canvas.author.you')
      : people.find((person) => person.user.id === item.author)?.user.name
  if (!name) return null
  const at = boardToScreen(camera, { x: item.x, y: item.y })
  return (
    <div
      className="hover-card"
      role="tooltip"
      data-testid="author-card"
      style={{ left: at.x, top: Math.max(8, at.y - 30) }}
    >
      {t('canvas.author.by', { name })}
      {item.locked && <span className="hover-lock">· {t('canvas.author.locked')}</span>}
    </div>
  )
}
