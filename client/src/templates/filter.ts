import type { Lang, Template, TemplateCategory } from '@atelier/shared'

/** Lowercase, without accents: "Décristallisation" matches "decrist". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/**
 * The templates a gallery shows for a search and a category: every word of the query must
 * appear in the title, description, author or lab, in either language (a lab searching in
 * French finds a template whatever language the interface is in). Order is kept.
 */
export function filterTemplates(
  templates: readonly Template[],
  { query, category }: { query: string; category: TemplateCategory | 'all' },
): Template[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  return templates.filter((template) => {
    if (category !== 'all' && template.category !== category) return false
    if (words.length === 0) return true
    const haystack = fold(
      [
        template.title.fr,
        template.title.en,
        template.description.fr,
        template.description.en,
        template.author,
        template.lab ?? '',
        template.id,
      ].join(' '),
    )
    return words.every((word) => haystack.includes(word))
  })
}

/** Minutes as the gallery shows them: "45 min", "1 h 30". */
export function formatDuration(minutes: number, lang: Lang): string {
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (m === 0) return `${h} h`
  return lang === 'fr' ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h ${m} min`
}
