import { randomId, type VoteRound } from '@atelier/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { useSession } from '../facilitation/hooks.js'
import { useView } from '../store/hooks.js'
import { CommandButton } from '../ui/CommandButton.js'
import { NumberField } from '../ui/NumberField.js'
import { useOpenRound } from './hooks.js'
import { ResultsList } from './ResultsList.js'

/** Facilitator side of dot voting: watch who voted and close the round, read the results, start a round. */
export function VotingPanel({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const open = useOpenRound(model)
  const rounds = useSession(model, (s) => s.rounds)
  return (
    <div className="voting-panel">
      {open && <OpenRound round={open} />}
      {/* Once a vote closes its results are what the facilitator reads first; a new vote after. */}
      {rounds.filter((r) => r.status === 'closed').length > 0 && (
        <section aria-labelledby="rounds-history">
          <h3 id="rounds-history">{t('voting.history')}</h3>
          {rounds
            .filter((r) => r.status === 'closed')
            .map((round, index) => (
              <details key={round.id} open={index === 0} className="round-history">
                <summary>
                  {round.title || t('voting.untitled')}{' '}
                  <span className="muted small">{t('voting.voters', { count: round.voters })}</span>
                </summary>
                <ResultsList model={model} round={round} />
              </details>
            ))}
        </section>
      )}
      {!open && <StartRound model={model} />}
    </div>
  )
}

function OpenRound({ round }: { round: VoteRound }) {
  const { t } = useTranslation()
  return (
    <section className="open-round" data-testid="open-round">
      <p>
        <strong>{round.title || t('voting.untitled')}</strong>
      </p>
      <p className="muted small">
        {t('voting.rules', { count: round.budget })}
        {round.maxPerItem ? ` · ${t('voting.maxPerItem', { count: round.maxPerItem })}` : ''}
      </p>
      <p data-testid="round-voters">{t('voting.voters', { count: round.voters })}</p>
      <CommandButton
        command="vote.closeRound"
        args={{ choice: round.id }}
        className="button primary wide"
        testId="vote-close"
      >
        {t('voting.close')}
      </CommandButton>
    </section>
  )
}

function StartRound({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const selection = useView(model.board.view, (s) => s.selection)
  const frames = [...model.frames().keys()]
  const [scope, setScope] = useState<string>('selection')
  const [title, setTitle] = useState('')
  const [budget, setBudget] = useState(3)
  const [maxPerItem, setMaxPerItem] = useState(0)
  const useSelection = scope === 'selection'
  const selectedFrames = selection.filter((id) => model.board.board.getItem(id)?.type === 'frame')
  const selectedItems = selection.filter((id) => model.board.board.getItem(id)?.type !== 'frame')
  const empty = useSelection && selection.length === 0
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (empty) return
    model.session.openRound({
      id: randomId(),
      title: title.trim() || t('voting.defaultTitle'),
      frameIds: useSelection ? selectedFrames : [scope],
      itemIds: useSelection ? selectedItems : [],
      budget,
      ...(maxPerItem > 0 ? { maxPerItem } : {}),
      status: 'open',
      openedAt: model.clock.now(),
    })
  }
  return (
    <form className="form-grid start-round" onSubmit={submit} data-testid="vote-form">
      <h3>{t('voting.start')}</h3>
      <label>
        {t('voting.fields.title')}
        <input
          value={title}
          placeholder={t('voting.defaultTitle')}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={120}
        />
      </label>
      <label>
        {t('voting.fields.scope')}
        <select value={scope} onChange={(e) => setScope(e.target.value)} data-testid="vote-scope">
          <option value="selection">{t('voting.fields.selection', { count: selection.length })}</option>
          {frames.map((id) => (
            <option key={id} value={id}>
              {t('voting.fields.frame', { title: model.board.board.getItem(id)?.text || id })}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label={t('voting.fields.budget')}
        min={1}
        max={20}
        value={budget}
        testId="vote-budget"
        onChange={setBudget}
      />
      <NumberField
        label={t('voting.fields.maxPerItem')}
        min={0}
        max={20}
        value={maxPerItem}
        onChange={setMaxPerItem}
      />
      {empty && <p className="muted small">{t('voting.fields.selectFirst')}</p>}
      <button type="submit" className="button primary" data-testid="vote-start" disabled={empty}>
        {t('voting.startButton')}
      </button>
    </form>
  )
}
