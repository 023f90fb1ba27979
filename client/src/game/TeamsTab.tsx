import { teamOf } from '@atelier/shared'
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { CommandButton } from '../ui/CommandButton.js'
import type { GameModel } from './GameModel.js'
import { useGame } from './hooks.js'

/** Facilitator: create, rename, shuffle and assign teams. Participant: pick a team. */
export function TeamsTab({ game }: { game: GameModel }) {
  const { t } = useTranslation()
  const book = useGame(game, (s) => s.teams)
  const locked = useGame(game, (s) => s.teamsLocked)
  const names = useGame(game, (s) => s.names)
  const people = useSyncExternalStore(
    game.facilitation.people.subscribePeople,
    game.facilitation.people.getPeople,
  )
  const mine = teamOf(book, game.personId())

  const players = people.filter((person) => person.role === 'participant')
  return (
    <div className="game-section">
      {book.teams.length === 0 && (
        <p className="game-hint">
          {game.isFacilitator ? t('game.teams.emptyFacilitator') : t('game.teams.empty')}
        </p>
      )}
      <ul className="team-list">
        {book.teams.map((team) => {
          const members = [...book.members].filter(([, teamId]) => teamId === team.id).map(([id]) => id)
          return (
            <li key={team.id} className="team-row" style={{ '--team': team.color } as React.CSSProperties}>
              <span className="team-swatch" aria-hidden="true" />
              {game.isFacilitator ? (
                <input
                  className="team-name-input"
                  aria-label={t('game.teams.rename')}
                  defaultValue={team.name}
                  maxLength={40}
                  onBlur={(event) => {
                    const name = event.currentTarget.value.trim()
                    if (name && name !== team.name) game.moves.updateTeam({ ...team, name })
                  }}
                />
              ) : (
                <span className="team-name">{team.name}</span>
              )}
              <span className="team-count">{t('game.teams.members', { count: members.length })}</span>
              {!game.isFacilitator && game.canPlay && (
                <CommandButton
                  command="game.joinTeam"
                  args={{ choice: team.id }}
                  className={`chip${mine?.id === team.id ? ' selected' : ''}`}
                  pressed={mine?.id === team.id}
                  disabled={mine?.id === team.id}
                  testId={`team-join-${team.name}`}
                >
                  {mine?.id === team.id ? t('game.teams.yours') : t('game.teams.join')}
                </CommandButton>
              )}
              {game.isFacilitator && (
                <CommandButton
                  command="game.removeTeam"
                  args={{ choice: team.id }}
                  className="chip quiet"
                  label={t('game.teams.remove', { name: team.name })}
                >
                  ×
                </CommandButton>
              )}
              {game.isFacilitator && members.length > 0 && (
                <p className="team-members">{members.map((id) => names.get(id) ?? '—').join(', ')}</p>
              )}
            </li>
          )
        })}
      </ul>
      {locked && !game.isFacilitator && <p className="game-hint">{t('game.teams.lockedHint')}</p>}
      {game.isFacilitator && (
        <>
          <div className="game-actions">
            <CommandButton command="game.addTeam" className="button" testId="team-add">
              {t('game.teams.add')}
            </CommandButton>
            <CommandButton command="game.shuffleTeams" className="button">
              {t('game.teams.shuffle')}
            </CommandButton>
            <label className="game-check">
              <input
                type="checkbox"
                checked={locked}
                onChange={(event) => game.moves.lockTeams(event.target.checked)}
              />
              {t('game.teams.lock')}
            </label>
          </div>
          {players.length > 0 && book.teams.length > 0 && (
            <fieldset className="assign">
              <legend>{t('game.teams.assign')}</legend>
              {players.map((person) => (
                <label key={person.id} className="assign-row">
                  <span>{person.name}</span>
                  <select
                    value={book.members.get(person.id) ?? ''}
                    onChange={(event) => game.moves.assign(person.id, event.target.value || null)}
                  >
                    <option value="">{t('game.teams.none')}</option>
                    {book.teams.map((team) => (
                      <option key={team.id} value={team.id}>
                        {team.name}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
    </div>
  )
}
