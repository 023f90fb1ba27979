import i18next, { type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { savedLanguage, saveLanguage } from '../lib/storage.js'

export const LANGUAGES = ['fr', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * Strings live in `locales/<language>/<feature>.json`, one file per feature so that features
 * don't all edit one file. `core.json` holds the top-level keys; any other file `x.json` is
 * nested under the key `x` (so `t('facilitation.timer.start')` reads `locales/fr/facilitation.json`).
 */
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
})

export function buildResources(entries: Record<string, Record<string, unknown>>): Resource {
  const resources: Record<string, { translation: Record<string, unknown> }> = {}
  for (const [path, strings] of Object.entries(entries)) {
    const match = path.match(/locales\/([^/]+)\/([^/]+)\.json$/)
    if (!match) throw new Error(`unexpected translation file ${path}`)
    const [, language, feature] = match as unknown as [string, string, string]
    const translation = resources[language]?.translation ?? {}
    resources[language] = { translation }
    // A core key named like a feature file would hide one of them (the name dialog once showed
    // "join.intro" because core's `join` strings were replaced by join.json's).
    const added = feature === 'core' ? strings : { [feature]: strings }
    for (const key of Object.keys(added)) {
      if (key in translation) {
        throw new Error(
          `translation key "${key}" is both in ${language}/core.json and the file ${language}/${key}.json: rename one`,
        )
      }
    }
    Object.assign(translation, added)
  }
  return resources
}

function initialLanguage(): Language {
  const saved = savedLanguage(localStorage)
  return saved === 'en' ? 'en' : 'fr'
}

/** French first: the interface is French unless the person chose English on this device. */
export async function setupI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: buildResources(files),
    lng: initialLanguage(),
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
  })
  document.documentElement.lang = i18next.language
}

export async function changeLanguage(language: Language): Promise<void> {
  saveLanguage(localStorage, language)
  await i18next.changeLanguage(language)
  document.documentElement.lang = language
}
