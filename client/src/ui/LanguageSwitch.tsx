import { useTranslation } from 'react-i18next'
import { changeLanguage, LANGUAGES } from '../i18n/index.js'
import { showToast } from '../lib/toasts.js'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          title={t(`language.${language}`)}
          onClick={() =>
            changeLanguage(language).catch((error: unknown) => showToast('error', String(error)))
          }
        >
          {/* The name starts with the visible code (WCAG 2.5.3), then says the language in full. */}
          {language.toUpperCase()}
          <span className="visually-hidden"> {t(`language.${language}`)}</span>
        </button>
      ))}
    </fieldset>
  )
}
