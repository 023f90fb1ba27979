/**
 * Just enough French for grouping sticky notes by theme: words are lower-cased, accents folded,
 * stop words dropped and the rest reduced to a light stem (plural and common derivational
 * endings removed), so "Formations", "formation" and "former" meet on one stem. A light stemmer
 * in the manner of Savoy's French one: it merges what a workshop needs and keeps words short
 * enough to be recognised, without a dictionary or any remote service.
 */

/** Function words and workshop fillers that say nothing about a note's theme (accents folded). */
const STOP_WORDS = new Set(
  `a afin ai aie ainsi alors apres au aucun aussi autre autres aux avant avec avoir bien c ca car ce ceci cela celle
  celles celui ces cet cette chaque chez ci comme comment d dans de des deja doit doivent donc dont du elle elles en
  encore entre est et etc etre eu faire fait faut il ils j je jusqu l la le les leur leurs lui m ma mais me meme mes
  mieux moi moins mon n ne ni nos notre nous on ont ou par parce pas pendant peu peut peuvent plus pour pourquoi
  pouvoir qu quand que quel quelle quelles quels qui quoi s sa sans se ses si son sont sous sur t ta te tes toi ton
  tous tout toute toutes tres trop tu un une unes uns vers via vos votre vous y`.split(/\s+/),
)

/** Longest first: the first ending that leaves a stem of at least three letters is removed. */
const ENDINGS = [
  'issement',
  'ements',
  'ement',
  'ations',
  'ation',
  'atrice',
  'ateur',
  'ances',
  'ance',
  'ences',
  'ence',
  'ment',
  'ites',
  'ite',
  'iques',
  'ique',
  'iste',
  'isme',
  'able',
  'ible',
  'euse',
  'eur',
  'ive',
  'if',
  'ees',
  'ee',
  'es',
  'er',
  'ez',
  'e',
]

const MIN_STEM = 3

/** Lower case without diacritics: "Procédures" → "procedures". */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

/** The light stem of one folded word. */
export function frenchStem(word: string): string {
  let stem = word
  if (stem.length > 4 && stem.endsWith('aux')) stem = `${stem.slice(0, -3)}al`
  else if (stem.length > MIN_STEM && (stem.endsWith('s') || stem.endsWith('x'))) stem = stem.slice(0, -1)
  for (const ending of ENDINGS) {
    if (stem.endsWith(ending) && stem.length - ending.length >= MIN_STEM) {
      stem = stem.slice(0, -ending.length)
      break
    }
  }
  // "appell-", "programm-": a doubled final consonant left by the ending meets the single one.
  if (stem.length > MIN_STEM && stem.at(-1) === stem.at(-2)) stem = stem.slice(0, -1)
  return stem
}

export interface Word {
  /** The word as written (elisions removed): what a theme's title shows. */
  surface: string
  stem: string
}

/** The meaningful words of a text, in order: no stop words, no numbers, nothing shorter than 3 letters. */
export function meaningfulWords(text: string): Word[] {
  const words: Word[] = []
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    // "l'accueil", "d’achat": the elided article goes, the word stays.
    const surface = match[0].replace(/^[\p{L}]{1,2}['’]/u, '')
    const folded = foldAccents(surface)
    if (folded.length < MIN_STEM || STOP_WORDS.has(folded) || /^\p{N}+$/u.test(folded)) continue
    words.push({ surface, stem: frenchStem(folded) })
  }
  return words
}
