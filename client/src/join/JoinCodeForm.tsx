import { JOIN_CODE_LENGTH, normalizeJoinCode } from '@atelier/shared'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { joinLink } from '../lib/links.js'
import { navigate } from '../lib/navigate.js'
import './join.css'

/** "Rejoindre un atelier": type the code shown by the facilitator, go to `/j/<code>`. */
export function JoinCodeForm({ initial = '', autoFocus = false }: { initial?: string; autoFocus?: boolean }) {
  const { t } = useTranslation()
  const id = useId()
  const [value, setValue] = useState(initial)
  const [invalid, setInvalid] = useState(false)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const code = normalizeJoinCode(value)
    if (!code) {
      setInvalid(true)
      return
    }
    navigate(joinLink('', code))
  }

  return (
    <form className="join-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={id}>{t('join.codeLabel')}</label>
      <p className="muted small" id={`${id}-help`}>
        {t('join.codeHelp', { length: JOIN_CODE_LENGTH })}
      </p>
      <div className="inline-form">
        <input
          id={id}
          className="join-code-input"
          data-testid="join-code-input"
          value={value}
          // biome-ignore lint/a11y/noAutofocus: the page exists to type this code.
          autoFocus={autoFocus}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={JOIN_CODE_LENGTH + 3}
          placeholder="K7QF3M"
          aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ''}`}
          aria-invalid={invalid}
          onChange={(event) => {
            setValue(event.target.value.toUpperCase())
            setInvalid(false)
          }}
        />
        <button type="submit" className="button primary" data-testid="join-code-submit">
          {t('join.submit')}
        </button>
      </div>
      {invalid && (
        <p className="join-error" id={`${id}-error`} role="alert">
          {t('join.malformed', { length: JOIN_CODE_LENGTH })}
        </p>
      )}
    </form>
  )
}
