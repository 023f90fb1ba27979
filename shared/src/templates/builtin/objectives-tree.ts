import type { TemplateInput } from '../format.js'
import {
  arrow,
  BUILTIN_META,
  FRAME,
  type FrameInput,
  GAP,
  heading,
  type ItemInput,
  instruction,
  NOTE,
  note,
  span,
  TOP,
  t,
} from './layout.js'

const W = span(4)
const H = 480
const level = (i: number, id: string, title: [string, string], color: string): FrameInput => ({
  id,
  title: t(...title),
  x: 0,
  y: TOP + i * (H + GAP),
  w: W,
  h: H,
  color,
})
const finalite = level(0, 'finalite', ['Finalité', 'Purpose'], FRAME.violet)
const strategiques = level(
  1,
  'objectifs-strategiques',
  ['Objectifs stratégiques', 'Strategic objectives'],
  FRAME.blue,
)
const operationnels = level(
  2,
  'objectifs-operationnels',
  ['Objectifs opérationnels', 'Operational objectives'],
  FRAME.green,
)
const actions = level(3, 'actions', ['Actions', 'Actions'], FRAME.yellow)

const NOTE_W = 360
const NOTE_H = 150
const X = (W - NOTE_W) / 2
const DY = 160

/** An example objective and, beside it, its evaluation indicator (grey). */
function objective(
  frame: FrameInput,
  id: string,
  text: [string, string],
  indicator: [string, string],
  color: string,
): ItemInput[] {
  return [
    note(id, frame, X, DY, t(...text), color, { w: NOTE_W, h: NOTE_H, example: true }),
    note(`${id}-indicateur`, frame, X + NOTE_W + 40, DY + 20, t(...indicator), NOTE.grey, {
      w: 300,
      h: 110,
      example: true,
    }),
  ]
}

const f = objective(
  finalite,
  'finalite-exemple',
  [
    'Ex. : faciliter l’accès de tous les habitants aux services publics',
    'E.g. make public services easy to reach for every resident',
  ],
  ['Indicateur : taux de non-recours aux droits', 'Indicator: rate of unclaimed entitlements'],
  NOTE.violet,
)
const s = objective(
  strategiques,
  'strategique-exemple',
  ['Ex. : simplifier les démarches administratives', 'E.g. simplify administrative procedures'],
  [
    'Indicateur : délai moyen de traitement d’une demande',
    'Indicator: average time to process an application',
  ],
  NOTE.blue,
)
const o = objective(
  operationnels,
  'operationnel-exemple',
  [
    'Ex. : proposer en ligne les dix démarches les plus demandées',
    'E.g. put the ten most requested procedures online',
  ],
  ['Indicateur : part des demandes faites en ligne', 'Indicator: share of applications made online'],
  NOTE.green,
)
const a = objective(
  actions,
  'action-exemple',
  ['Ex. : tester le formulaire en ligne avec dix usagers', 'E.g. test the online form with ten users'],
  ['Indicateur : satisfaction des usagers testeurs', 'Indicator: satisfaction of the test users'],
  NOTE.yellow,
)

const box = (items: ItemInput[]) => {
  const first = items[0]
  if (!first) throw new Error('objective without a note')
  return { id: first.id, x: first.x, y: first.y, w: first.w ?? NOTE_W, h: first.h ?? NOTE_H }
}

/** Arbre à objectifs: purpose → strategic objectives → operational objectives → actions, each with an indicator. */
export const objectivesTree: TemplateInput = {
  ...BUILTIN_META,
  id: 'objectives-tree',
  title: t('Arbre à objectifs', 'Objectives tree'),
  description: t(
    'De la finalité aux actions : objectifs stratégiques, objectifs opérationnels, actions, chacun avec son indicateur d’évaluation. Un outil de la relecture des politiques publiques présentée dans le support.',
    'From purpose to actions: strategic objectives, operational objectives, actions, each with its evaluation indicator. A tool of the public policy review presented in the deck.',
  ),
  category: 'strategy',
  facilitation: t(
    'Lisez l’arbre de haut en bas en demandant « pourquoi ? » et de bas en haut en demandant « comment ? ». Chaque objectif s’écrit avec un verbe d’action et reçoit un indicateur d’évaluation (post-it gris) : si l’on ne sait pas le mesurer, il faut le reformuler. Reliez chaque post-it à son parent par une flèche.',
    'Read the tree top-down asking “why?” and bottom-up asking “how?”. Each objective starts with an action verb and gets an evaluation indicator (grey note): if it cannot be measured, rephrase it. Link each note to its parent with an arrow.',
  ),
  participants: { min: 3, max: 20 },
  durationMinutes: 90,
  frames: [finalite, strategiques, operationnels, actions],
  items: [
    heading('titre', t('Arbre à objectifs', 'Objectives tree'), W),
    instruction(
      finalite,
      t(
        'La finalité : pourquoi cette politique publique existe-t-elle ? Une seule phrase.',
        'The purpose: why does this public policy exist? One sentence.',
      ),
      100,
    ),
    ...f,
    instruction(
      strategiques,
      t(
        'Trois à cinq objectifs stratégiques qui servent la finalité, chacun avec son indicateur (post-it gris).',
        'Three to five strategic objectives serving the purpose, each with its indicator (grey note).',
      ),
      100,
    ),
    ...s,
    instruction(
      operationnels,
      t(
        'Pour chaque objectif stratégique, des objectifs opérationnels mesurables, chacun avec son indicateur.',
        'For each strategic objective, measurable operational objectives, each with its indicator.',
      ),
      100,
    ),
    ...o,
    instruction(
      actions,
      t(
        'Les actions concrètes qui atteignent chaque objectif opérationnel, avec leur indicateur.',
        'The concrete actions that reach each operational objective, with their indicator.',
      ),
      100,
    ),
    ...a,
    arrow('lien-1', box(f), box(s)),
    arrow('lien-2', box(s), box(o)),
    arrow('lien-3', box(o), box(a)),
  ],
  agenda: [
    {
      id: 'etape-finalite',
      title: t('Finalité', 'Purpose'),
      instructions: t(
        'Écrivez ensemble la finalité, en une phrase.',
        'Write the purpose together, in one sentence.',
      ),
      durationMinutes: 10,
      frameId: 'finalite',
    },
    {
      id: 'etape-strategiques',
      title: t('Objectifs stratégiques', 'Strategic objectives'),
      instructions: t(
        'Proposez les objectifs stratégiques, puis regroupez-les en trois à cinq.',
        'Propose strategic objectives, then bring them down to three to five.',
      ),
      durationMinutes: 15,
      frameId: 'objectifs-strategiques',
      lockFrames: ['finalite'],
    },
    {
      id: 'etape-operationnels',
      title: t('Objectifs opérationnels', 'Operational objectives'),
      instructions: t(
        'Déclinez chaque objectif stratégique en objectifs opérationnels.',
        'Break each strategic objective down into operational objectives.',
      ),
      durationMinutes: 20,
      frameId: 'objectifs-operationnels',
    },
    {
      id: 'etape-actions',
      title: t('Actions', 'Actions'),
      instructions: t(
        'Pour chaque objectif opérationnel, les actions concrètes.',
        'For each operational objective, the concrete actions.',
      ),
      durationMinutes: 20,
      frameId: 'actions',
    },
    {
      id: 'etape-indicateurs',
      title: t('Indicateurs d’évaluation', 'Evaluation indicators'),
      instructions: t(
        'Vérifiez que chaque post-it a son indicateur d’évaluation (post-it gris) et reliez chaque niveau au précédent.',
        'Check that every note has its evaluation indicator (grey note) and link each level to the one above.',
      ),
      durationMinutes: 15,
      frameId: 'finalite',
      moreFrames: ['objectifs-strategiques', 'objectifs-operationnels', 'actions'],
    },
  ],
}
