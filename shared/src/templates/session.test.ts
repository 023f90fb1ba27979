import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readAgenda } from '../session/doc.js'
import { builtinTemplate } from './builtin/index.js'
import { expandTemplate } from './expand.js'
import type { Template } from './format.js'
import { readTemplateKit, seedSession, sessionUpdateFor } from './session.js'

function get(id: string): Template {
  const template = builtinTemplate(id)
  if (!template) throw new Error(`no built-in ${id}`)
  return template
}

const expand = (id: string) => expandTemplate(get(id), { origin: { x: 0, y: 0 }, lang: 'fr' })

describe('seedSession', () => {
  it('writes the agenda, decks and gamification of a template', () => {
    const games = expand('serious-games')
    const doc = new Y.Doc()
    seedSession(doc, games)
    expect(readAgenda(doc).map((s) => s.id)).toEqual(games.agenda.map((s) => s.id))
    const kit = readTemplateKit(doc)
    expect(kit.templateId).toBe('serious-games')
    expect(kit.decks).toEqual(games.decks)
    expect(kit.gamification).toEqual(games.gamification)
    expect(kit.facilitation).toBe(games.facilitation)
  })

  it('replaces the agenda by default and appends when inserting', () => {
    const doc = new Y.Doc()
    const ideation = expand('ideation')
    const lewin = expand('lewin-change')
    seedSession(doc, ideation)
    seedSession(doc, lewin, { append: true })
    expect(readAgenda(doc)).toHaveLength(ideation.agenda.length + lewin.agenda.length)
    expect(readTemplateKit(doc).templateId).toBe('ideation')
    expect(readTemplateKit(doc).decks).toEqual([...ideation.decks, ...lewin.decks])
    seedSession(doc, lewin)
    expect(readAgenda(doc).map((s) => s.id)).toEqual(lewin.agenda.map((s) => s.id))
  })

  it('encodes a fresh session document as one update', () => {
    const lewin = expand('lewin-change')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, sessionUpdateFor(lewin))
    expect(readAgenda(doc).map((s) => s.title)).toEqual(lewin.agenda.map((s) => s.title))
  })

  it('reads an empty or foreign kit without failing', () => {
    const doc = new Y.Doc()
    doc.getMap('template').set('decks', 'nope')
    expect(readTemplateKit(doc)).toEqual({
      templateId: null,
      facilitation: '',
      decks: [],
      gamification: null,
    })
  })
})
