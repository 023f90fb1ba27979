import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { savedName } from '../lib/storage.js'
import { LanguageSwitch } from './LanguageSwitch.js'
import { Modal } from './Modal.js'

export const NAME_MAX_LENGTH = 40

/** Asks for a first name once; the browser remembers it for every later board. */
export function JoinDialog({ onJoin }: { onJoin: (name: string) => Promise<void> }) {
  const { t } = useTranslation()
  const [name, setName] = useState(() => savedName(localStorage))
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return
    onJoin(trimmed).catch((error: unknown) => console.error(error))
  }
  return (
    <Modal labelledBy="join-title">
      <form className="modal-body" onSubmit={onSubmit}>
        <h2 id="join-title">{t('welcome.title')}</h2>
        <p>{t('welcome.intro')}</p>
        <label htmlFor="join-name">{t('welcome.nameLabel')}</label>
        <input
          id="join-name"
          data-testid="join-name"
          value={name}
          maxLength={NAME_MAX_LENGTH}
          autoComplete="given-name"
          placeholder={t('welcome.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          required
          // biome-ignore lint/a11y/noAutofocus: the dialog exists only to ask this one question.
          autoFocus
        />
        <button
          type="submit"
          className="button primary wide"
          data-testid="join-submit"
          disabled={!name.trim()}
        >
          {t('welcome.submit')}
        </button>
        {/* The first screen a person reads: someone who does not read French switches here. */}
        <div className="join-languages">
          <LanguageSwitch />
        </div>
      </form>
    </Modal>
  )
}
