import { describe, expect, it } from 'vitest'
import { proposeThemes } from './clusters.js'
import { foldAccents, frenchStem, meaningfulWords } from './french.js'

describe('French words', () => {
  it('folds accents and case', () => {
    expect(foldAccents('Procédures d’Achat À Réécrire')).toBe('procedures d’achat a reecrire')
    expect(foldAccents('Élus, agents, bénéficiaires')).toBe('elus, agents, beneficiaires')
  })

  it('reduces plurals and derived forms to one stem', () => {
    const stem = (word: string) => frenchStem(foldAccents(word))
    expect(stem('formations')).toBe(stem('formation'))
    expect(stem('formation')).toBe(stem('former'))
    expect(stem('procédures')).toBe(stem('procédure'))
    expect(stem('journaux')).toBe(stem('journal'))
    expect(stem('usagers')).toBe(stem('usager'))
    expect(stem('numérique')).toBe(stem('numériques'))
    expect(stem('équipes')).toBe(stem('équipe'))
    expect(stem('accueil')).not.toBe(stem('achat'))
  })

  it('drops stop words, numbers, elided articles and short words', () => {
    expect(meaningfulWords("Simplifier l'accueil des usagers à 2 guichets").map((w) => w.stem)).toEqual(
      ['simplifi', 'accueil', 'usag', 'guichet'].map((w) => frenchStem(w)),
    )
    expect(meaningfulWords('et pour le de la du').length).toBe(0)
  })
})

/** Notes as participants write them: accents or not, plurals, capitals, stop words. */
const FIXTURE = [
  { id: 'n1', text: 'Former les agents au numérique' },
  { id: 'n2', text: 'Des formations courtes pour les équipes' },
  { id: 'n3', text: "Simplifier l'accueil des usagers" },
  { id: 'n4', text: 'Accueil unique en mairie' },
  { id: 'n5', text: 'Procédures d’achat trop longues' },
  { id: 'n6', text: 'Alléger les procedures internes' },
  { id: 'n7', text: 'Un café convivial le vendredi' },
  { id: 'n8', text: 'Formation des élus aux outils numeriques' },
  { id: 'n9', text: "ACCUEIL téléphonique de l'usager" },
]

describe('proposeThemes', () => {
  it('groups a French fixture by shared stems, regardless of accents, plurals and capitals', () => {
    const { themes, unmatched } = proposeThemes(FIXTURE)
    const byTitle = Object.fromEntries(themes.map((theme) => [theme.title, theme.itemIds]))
    expect(byTitle).toEqual({
      Formation: ['n1', 'n2', 'n8'],
      Accueil: ['n3', 'n4', 'n9'],
      Procédure: ['n5', 'n6'],
    })
    expect(unmatched).toEqual(['n7'])
  })

  it('puts each note in one theme only and loses none', () => {
    const { themes, unmatched } = proposeThemes(FIXTURE)
    const all = [...themes.flatMap((theme) => theme.itemIds), ...unmatched].sort()
    expect(all).toEqual(FIXTURE.map((note) => note.id).sort())
  })

  it('never makes a theme of stop words alone, nor of a word only one note uses', () => {
    const { themes, unmatched } = proposeThemes([
      { id: 'a', text: 'Pour le public et la mairie' },
      { id: 'b', text: 'Pour les jeunes et la culture' },
    ])
    expect(themes).toEqual([])
    expect(unmatched).toEqual(['a', 'b'])
  })

  it('stops at the number of themes asked for', () => {
    expect(proposeThemes(FIXTURE, { maxThemes: 1 }).themes.map((theme) => theme.title)).toEqual(['Formation'])
  })
})
