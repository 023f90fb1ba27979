import {
  type AgendaStep,
  presetOf,
  randomId,
  TOOL_PRESETS,
  type ToolPreset,
  WRITING_MODES,
  type WritingMode,
} from '@atelier/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CommandButton } from '../ui/CommandButton.js'
import { NumberField } from '../ui/NumberField.js'
import type { FacilitationModel } from './FacilitationModel.js'
import { useSession } from './hooks.js'

/** The run-sheet: every step, the current one highlighted, "go" applies the whole step at once. */
export function AgendaPanel({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const agenda = useSession(model, (s) => s.agenda)
  const current = useSession(model, (s) => s.state.stepId)
  return (
    <div className="agenda">
      {agenda.length > 0 && (
        <CommandButton command="agenda.next" className="button primary wide" testId="agenda-next">
          {current === null ? t('facilitation.agenda.start') : t('facilitation.agenda.next')}
        </CommandButton>
      )}
      <ol className="agenda-list">
        {agenda.map((step, index) => (
          <li
            key={step.id}
            className={`agenda-step${step.id === current ? ' current' : ''}`}
            aria-current={step.id === current ? 'step' : undefined}
          >
            <div className="agenda-step-head">
              <span className="agenda-number" aria-hidden="true">
                {index + 1}
              </span>
              <strong>{step.title}</strong>
              <span className="agenda-duration muted small">
                {t('facilitation.timer.minutes', { count: step.durationMinutes })}
              </span>
            </div>
            <p className="agenda-meta small">
              {t(`facilitation.modes.${step.mode}`)}
              {step.vote ? ` · ${t('facilitation.agenda.vote', { count: step.vote.budget })}` : ''}
              {step.lockFrameIds?.length
                ? ` · ${t('facilitation.agenda.locks', { count: step.lockFrameIds.length })}`
                : ''}
              {step.participantTools
                ? ` · ${t(`rules.step.meta.${presetOf(step.participantTools) ?? 'custom'}`)}`
                : ''}
              {step.ownItemsOnly !== undefined
                ? ` · ${t(`rules.step.meta.${step.ownItemsOnly ? 'ownOnly' : 'shared'}`)}`
                : ''}
            </p>
            <CommandButton
              command="agenda.goTo"
              args={{ choice: step.id }}
              className="chip"
              testId={`agenda-go-${index}`}
              // The name begins with the word the button shows, as a person using voice control says it.
              label={t(step.id === current ? 'facilitation.agenda.restartStep' : 'facilitation.agenda.goTo', {
                title: step.title,
              })}
            >
              {step.id === current ? t('facilitation.agenda.restart') : t('facilitation.agenda.go')}
            </CommandButton>
          </li>
        ))}
      </ol>
      {agenda.length === 0 && <p className="muted small">{t('facilitation.agenda.empty')}</p>}
      <AddStep model={model} agenda={agenda} />
    </div>
  )
}

function AddStep({ model, agenda }: { model: FacilitationModel; agenda: readonly AgendaStep[] }) {
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
  const [minutes, setMinutes] = useState(5)
  const [mode, setMode] = useState<WritingMode>('open')
  const [frameId, setFrameId] = useState('')
  const [budget, setBudget] = useState(0)
  const [tools, setTools] = useState<ToolPreset | ''>('')
  const [ownItems, setOwnItems] = useState<'' | 'ownOnly' | 'shared'>('')
  const frames = [...model.frames().keys()]
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) return
    const step: AgendaStep = {
      id: randomId(),
      title: title.trim(),
      instructions: '',
      durationMinutes: minutes,
      mode,
      ...(frameId ? { frameId } : {}),
      ...(budget > 0 ? { vote: { budget } } : {}),
      ...(tools ? { participantTools: [...TOOL_PRESETS[tools]] } : {}),
      ...(ownItems ? { ownItemsOnly: ownItems === 'ownOnly' } : {}),
    }
    model.session.setAgenda([...agenda, step])
    setTitle('')
  }
  return (
    <details className="add-step">
      <summary>{t('facilitation.agenda.add')}</summary>
      <form onSubmit={submit} className="form-grid">
        <label>
          {t('facilitation.agenda.fields.title')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} required />
        </label>
        <NumberField
          label={t('facilitation.agenda.fields.minutes')}
          min={0}
          max={180}
          value={minutes}
          onChange={setMinutes}
        />
        <label>
          {t('facilitation.agenda.fields.mode')}
          <select value={mode} onChange={(e) => setMode(e.target.value as WritingMode)}>
            {WRITING_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`facilitation.modes.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('facilitation.agenda.fields.frame')}
          <select value={frameId} onChange={(e) => setFrameId(e.target.value)}>
            <option value="">{t('facilitation.agenda.fields.noFrame')}</option>
            {frames.map((id) => (
              <option key={id} value={id}>
                {model.board.board.getItem(id)?.text || id}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label={t('facilitation.agenda.fields.budget')}
          min={0}
          max={20}
          value={budget}
          onChange={setBudget}
        />
        <label>
          {t('rules.step.tools')}
          <select
            value={tools}
            data-testid="step-tools"
            onChange={(e) =>
              setTools(e.target.value === 'simple' || e.target.value === 'complet' ? e.target.value : '')
            }
          >
            <option value="">{t('rules.step.board')}</option>
            {(Object.keys(TOOL_PRESETS) as ToolPreset[]).map((name) => (
              <option key={name} value={name}>
                {t(`rules.presets.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rules.step.ownItems')}
          <select
            value={ownItems}
            data-testid="step-own-items"
            onChange={(e) =>
              setOwnItems(e.target.value === 'ownOnly' || e.target.value === 'shared' ? e.target.value : '')
            }
          >
            <option value="">{t('rules.step.board')}</option>
            <option value="ownOnly">{t('rules.step.ownOnly')}</option>
            <option value="shared">{t('rules.step.shared')}</option>
          </select>
        </label>
        <button type="submit" className="button primary" disabled={!title.trim()}>
          {t('facilitation.agenda.fields.submit')}
        </button>
      </form>
    </details>
  )
}
