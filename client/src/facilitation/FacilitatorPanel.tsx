import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PANEL_SCREEN } from '../store/chrome.js'
import { CommandButton } from '../ui/CommandButton.js'
import { VotingPanel } from '../voting/VotingPanel.js'
import { AgendaPanel } from './AgendaPanel.js'
import type { FacilitationModel } from './FacilitationModel.js'
import { useSession } from './hooks.js'
import { ParticipantRulesControls } from './ParticipantRules.js'
import { PeoplePanel } from './PeoplePanel.js'

type Tab = 'agenda' | 'vote' | 'people'

/** The facilitator's controls, in one collapsible panel so participants' screens stay clean. */
export function FacilitatorPanel({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  // Narrower than this, the panel would cover the session bar and the step's frame: it starts closed.
  const [open, setOpen] = useState(() => window.innerWidth >= PANEL_SCREEN)
  const [tab, setTab] = useState<Tab>('agenda')
  if (!open) {
    return (
      <button
        type="button"
        className="panel-toggle button"
        data-testid="facilitator-open"
        onClick={() => setOpen(true)}
      >
        {t('facilitation.panel.open')}
      </button>
    )
  }
  return (
    <aside
      className="facilitator-panel floating-panel"
      aria-label={t('facilitation.panel.title')}
      data-testid="facilitator-panel"
    >
      <header className="panel-header">
        <h2>{t('facilitation.panel.title')}</h2>
        <button
          type="button"
          className="chip quiet"
          onClick={() => setOpen(false)}
          aria-label={t('facilitation.panel.close')}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </header>
      <QuickControls model={model} />
      <div className="tabs" role="tablist">
        {(['agenda', 'vote', 'people'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`fac-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`fac-tabpanel-${id}`}
            data-testid={`facilitator-tab-${id}`}
            className="tab"
            onClick={() => setTab(id)}
          >
            {t(`facilitation.panel.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div
        className="panel-body"
        role="tabpanel"
        id={`fac-tabpanel-${tab}`}
        aria-labelledby={`fac-tab-${tab}`}
      >
        {tab === 'agenda' && <AgendaPanel model={model} />}
        {tab === 'vote' && <VotingPanel model={model} />}
        {tab === 'people' && <PeoplePanel model={model} />}
      </div>
    </aside>
  )
}

function QuickControls({ model }: { model: FacilitationModel }) {
  const { t } = useTranslation()
  const state = useSession(model, (s) => s.state)
  const counts = useSession(model, (s) => s.privateCounts)
  const frames = [...model.frames().keys()].map((id) => ({
    id,
    title: model.board.board.getItem(id)?.text ?? id,
  }))
  const followMe = state.followPersonId === model.personId()
  const waiting = Object.values(counts).reduce((a, b) => a + b, 0)
  return (
    <div className="quick-controls">
      <CommandButton command="follow.me" className="toggle" pressed={followMe} testId="follow-me">
        {t('facilitation.follow.followMe')}
      </CommandButton>
      <CommandButton command="follow.bringHere" className="toggle" testId="bring-here">
        {t('facilitation.follow.bringHere')}
      </CommandButton>
      {state.writingMode === 'private' ? (
        <CommandButton command="private.toggle" className="toggle warn" testId="reveal">
          {t('facilitation.private.reveal', { count: waiting })}
        </CommandButton>
      ) : (
        <CommandButton command="private.toggle" className="toggle" testId="private-on">
          {t('facilitation.private.start')}
        </CommandButton>
      )}
      <CommandButton command="anonymous.toggle" className="toggle" pressed={state.anonymous}>
        {t('facilitation.modes.anonymous')}
      </CommandButton>
      <label className="spotlight">
        <span>{t('facilitation.spotlight.label')}</span>
        <select
          value={state.spotlightFrameId ?? ''}
          onChange={(e) => model.session.setState({ spotlightFrameId: e.target.value || null })}
        >
          <option value="">{t('facilitation.spotlight.off')}</option>
          {frames.map((frame) => (
            <option key={frame.id} value={frame.id}>
              {frame.title || t('facilitation.spotlight.untitled')}
            </option>
          ))}
        </select>
      </label>
      <ParticipantRulesControls model={model} />
    </div>
  )
}
