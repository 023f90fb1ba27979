import { LANGS, type Lang } from '@atelier/shared'

/**
 * The language a request asks for, from its Accept-Language header: the first of
 * French and English by preference, French when neither is named (French first, as the UI).
 */
export function langOf(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '')
  const ranked = value
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
      return { lang: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  const found = ranked.find((entry) => (LANGS as readonly string[]).includes(entry.lang))
  return (found?.lang as Lang | undefined) ?? 'fr'
}
