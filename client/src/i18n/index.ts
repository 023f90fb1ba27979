import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { savedLanguage, saveLanguage } from '../lib/storage.js'
import en from './en.json'
import fr from './fr.json'

export const LANGUAGES = ['fr', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

function initialLanguage(): Language {
  const saved = savedLanguage(localStorage)
  return saved === 'en' ? 'en' : 'fr'
}

/** French first: the interface is French unless the person chose English on this device. */
export async function setupI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
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
