import { useMemo, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { initials } from '../presence/palette.js'
import { countByAuthor, isIdle, type PeopleSort, sortPeople } from './activity.js'
import type { FacilitationModel } from './FacilitationModel.js'
import { useSession } from './hooks.js'
import { HandIcon } from './icons.js'

/** "Who is here": raised hands first, then sorted by activity, recency or name. */
export function PeoplePanel({ model }: { model: FacilitationModel }) {
  const { t, i18n } = useTranslation()
  const [sort, setSort] = useState<PeopleSort>('activity')
  const base = useSyncExternalStore(model.people.subscribePeople, model.people.getPeople)
  const counts = useSession(model, (s) => s.privateCounts)
  const anonymous = useSession(model, (s) => s.state.anonymous)
  const people = useMemo(() => {
    const notes = countByAuthor(model.board.board.getItems().values())
    const full = base.map((p) => ({ ...p, notes: notes.get(p.id) ?? 0, privateNotes: counts[p.id] ?? 0 }))
    return sortPeople(full, sort, i18n.language)
  }, [base, counts, sort, model, i18n.language])
  const now = Date.now()
  return (
    <div className="people-panel" data-testid="people-panel">
      <label className="inline-select">
        {t('facilitation.people.sort')}
        <select value={sort} onChange={(e) => setSort(e.target.value as PeopleSort)}>
          {(['activity', 'recent', 'name'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`facilitation.people.by.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{t('facilitation.people.count', { count: people.length })}</p>
      <ul className="people-rows">
        {people.map((person) => (
          <li
            key={person.id}
            className={`person-row${isIdle(person, now) ? ' idle' : ''}`}
            data-testid="person-row"
            data-person-name={person.name}
          >
            <span className="avatar" style={{ background: person.color }} aria-hidden="true">
              {initials(person.name)}
            </span>
            <span className="person-name">
              {person.name}
              <span className="muted small"> · {t(`roles.${person.role}`)}</span>
            </span>
            {person.hand && (
              <span className="hand-badge" role="img" aria-label={t('facilitation.hand.raised')}>
                <HandIcon />
              </span>
            )}
            {!anonymous && (
              <span className="person-stats small" data-testid="person-notes">
                {t('facilitation.people.notes', { count: person.notes })}
                {person.privateNotes > 0 &&
                  ` · ${t('facilitation.people.private', { count: person.privateNotes })}`}
              </span>
            )}
            {anonymous && person.privateNotes > 0 && (
              <span className="person-stats small">
                {t('facilitation.people.private', { count: person.privateNotes })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
