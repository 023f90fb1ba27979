import { presetOf, TOOL_PRESETS, type ToolPreset } from '@atelier/shared'
import { useTranslation } from 'react-i18next'
import type { FacilitationModel } from './FacilitationModel.js'
import { useSession } from './hooks.js'

const PRESETS = Object.keys(TOOL_PRESETS) as ToolPreset[]

/**
 * What participants may do on the whole board right now: their tools ("simple": notes, text and
 * pen; "complet": every tool) and "each changes only their own notes", which the relay enforces.
 * A step of the run-sheet may set both when it starts.
 */
export function ParticipantRulesControls({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const tools = useSession(model, (s) => s.state.participantTools)
  const ownItemsOnly = useSession(model, (s) => s.state.ownItemsOnly)
  const preset = presetOf(tools)
  const now = [
    t(`rules.step.meta.${preset ?? 'custom'}`),
    ...(ownItemsOnly ? [t('rules.step.meta.ownOnly')] : []),
  ]
  // Folded, saying what holds now: set once, rarely changed mid-run, while the run sheet below
  // needs the panel's height on a laptop.
  return (
    <details className="participant-rules" data-testid="participant-rules">
      <summary>
        <span className="participant-rules-title">{t('rules.legend')}</span>
        <span className="participant-rules-now">{now.join(' · ')}</span>
      </summary>
      <label className="inline-select">
        <span>{t('rules.tools')}</span>
        <select
          value={preset ?? 'custom'}
          data-testid="rules-tools"
          onChange={(e) => {
            const chosen = PRESETS.find((name) => name === e.target.value)
            if (chosen) model.session.setState({ participantTools: [...TOOL_PRESETS[chosen]] })
          }}
        >
          {PRESETS.map((name) => (
            <option key={name} value={name}>
              {t(`rules.presets.${name}`)}
            </option>
          ))}
          {preset === null && (
            <option value="custom" disabled>
              {t('rules.presets.custom')}
            </option>
          )}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={ownItemsOnly}
          data-testid="rules-own-items"
          onChange={(e) => model.session.setState({ ownItemsOnly: e.target.checked })}
        />
        <span>{t('rules.ownItemsOnly')}</span>
      </label>
    </details>
  )
}
