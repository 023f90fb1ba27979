import { useTranslation } from 'react-i18next'
import { useSession } from '../board/context.js'
import { useRemotePresence } from '../canvas/RemoteCursors.js'
import { initials } from '../presence/palette.js'
import { readPresence } from '../presence/types.js'

const MAX_AVATARS = 5

export function PeopleList() {
  const session = useSession()
  const { t } = useTranslation()
  const remotes = useRemotePresence(session)
  const self = readPresence(session.connection.awareness.getLocalState())
  // One avatar per person, even when they have the board open in several tabs.
  const seen = new Set<string>(self ? [self.user.id] : [])
  const others = remotes.filter((r) => !seen.has(r.user.id) && seen.add(r.user.id))
  const people = [
    ...(self ? [{ key: 'self', name: t('people.you', { name: self.user.name }), user: self.user }] : []),
    ...others.map((r) => ({ key: String(r.clientId), name: r.user.name, user: r.user })),
  ]
  const shown = people.slice(0, MAX_AVATARS)
  const hidden = people.length - shown.length
  return (
    <ul className="people-list" data-testid="people-list" aria-label={t('people.label')}>
      {shown.map((person) => (
        <li
          key={person.key}
          className="avatar"
          style={{ background: person.user.color }}
          title={`${person.name} · ${t(`roles.${person.user.role}`)}`}
          data-person-name={person.user.name}
        >
          <span aria-hidden="true">{initials(person.user.name)}</span>
          <span className="visually-hidden">{person.name}</span>
        </li>
      ))}
      {hidden > 0 && (
        <li className="avatar more" title={t('people.more', { count: hidden })}>
          <span aria-hidden="true">+{hidden}</span>
          <span className="visually-hidden">{t('people.more', { count: hidden })}</span>
        </li>
      )}
    </ul>
  )
}
