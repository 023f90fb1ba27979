import type { TemplateInput } from '../format.js'
import {
  arrow,
  BUILTIN_META,
  col,
  FRAME,
  type FrameInput,
  heading,
  instruction,
  label,
  NOTE,
  note,
  span,
  TOP,
  t,
} from './layout.js'

const vise: FrameInput = {
  id: 'changement-vise',
  title: t('Le changement visé', 'The intended change'),
  x: 0,
  y: TOP,
  w: span(3),
  h: 320,
  color: FRAME.grey,
}
const PHASE_Y = TOP + 360
const PHASE_H = 940
const decristallisation: FrameInput = {
  id: 'decristallisation',
  title: t('1. Décristallisation', '1. Unfreezing'),
  x: col(0),
  y: PHASE_Y,
  w: span(1),
  h: PHASE_H,
  color: FRAME.blue,
}
const transition: FrameInput = {
  id: 'transition',
  title: t('2. Transition', '2. Transition'),
  x: col(1),
  y: PHASE_Y,
  w: span(1),
  h: PHASE_H,
  color: FRAME.yellow,
}
const cristallisation: FrameInput = {
  id: 'cristallisation',
  title: t('3. Cristallisation', '3. Refreezing'),
  x: col(2),
  y: PHASE_Y,
  w: span(1),
  h: PHASE_H,
  color: FRAME.green,
}

/** Two locked prompt notes from the deck, side by side under the frame's instruction. */
function prompts(frame: FrameInput, color: string, first: [string, string], second: [string, string]) {
  const size = { w: 220, h: 200, locked: true }
  return [
    note(`${frame.id}-invite-1`, frame, 40, 160, t(...first), color, size),
    note(`${frame.id}-invite-2`, frame, 300, 160, t(...second), color, size),
  ]
}

/** Conduite du changement in Lewin's three stages, with the deck's prompts. */
export const lewinChange: TemplateInput = {
  ...BUILTIN_META,
  id: 'lewin-change',
  title: t(
    'Conduite du changement — décristallisation, transition, cristallisation',
    'Leading change — unfreeze, transition, refreeze',
  ),
  description: t(
    'Les trois temps du changement (Lewin) : remettre en question les routines, apprendre et expérimenter, puis ancrer les nouvelles façons de faire. Le manager « apprenant » aide l’organisation à apprendre et à changer ses routines.',
    'The three stages of change (Lewin): question routines, learn and experiment, then anchor the new ways of working. The “learning” manager helps the organisation learn and change its routines.',
  ),
  category: 'change',
  facilitation: t(
    'Commencez par nommer le changement en une phrase. La décristallisation se fait en privé : chacun ose dire ce qui dysfonctionne avant d’entendre les autres. Pour la transition, cherchez des expérimentations à petite échelle. Pour la cristallisation, parlez rituels, outils, formation et reconnaissance : ce qui fera tenir le changement. Les modalités du changement comptent souvent plus que le changement lui-même : faites participer les personnes concernées.',
    'Start by naming the change in one sentence. Unfreezing is done in private: everyone dares to say what is not working before hearing the others. For the transition, look for small-scale experiments. For refreezing, talk about rituals, tools, training and recognition: what will make the change stick. How change is led often matters more than the change itself: involve the people concerned.',
  ),
  participants: { min: 4, max: 25 },
  durationMinutes: 60,
  frames: [vise, decristallisation, transition, cristallisation],
  items: [
    heading(
      'titre',
      t(
        'Conduite du changement — décristallisation, transition, cristallisation',
        'Leading change — unfreeze, transition, refreeze',
      ),
      span(3),
    ),
    instruction(
      vise,
      t(
        'Quel changement voulons-nous conduire ? Qui est concerné ? Écrivez-le en une phrase.',
        'Which change do we want to lead? Who is concerned? Write it in one sentence.',
      ),
      80,
    ),
    note('vise-exemple', vise, 40, 120, t('Le changement visé…', 'The intended change…'), NOTE.grey, {
      w: 600,
      h: 160,
      example: true,
    }),
    instruction(
      decristallisation,
      t(
        'Qu’est-ce qui ne fonctionne plus ? Quelles habitudes faut-il questionner ?',
        'What no longer works? Which habits must we question?',
      ),
    ),
    ...prompts(
      decristallisation,
      NOTE.blue,
      [
        'Remise en question des attitudes, des comportements et des perceptions',
        'Questioning attitudes, behaviours and perceptions',
      ],
      ['Prise de conscience des dysfonctionnements', 'Becoming aware of what is not working'],
    ),
    instruction(
      transition,
      t('Qu’allons-nous apprendre, essayer, expérimenter ?', 'What will we learn, try out, experiment with?'),
    ),
    ...prompts(
      transition,
      NOTE.yellow,
      ['Apprentissage de nouveaux modes de fonctionnement', 'Learning new ways of working'],
      [
        'Expérimentation de nouvelles attitudes, adoption de nouveaux comportements',
        'Trying out new attitudes, adopting new behaviours',
      ],
    ),
    instruction(
      cristallisation,
      t(
        'Comment ancrer durablement le changement dans nos façons de faire ?',
        'How do we anchor the change in our ways of working for good?',
      ),
    ),
    ...prompts(
      cristallisation,
      NOTE.green,
      [
        'Intégration du changement dans les nouvelles façons de faire',
        'Building the change into the new ways of doing things',
      ],
      [
        'Stabilisation des nouvelles attitudes, valeurs et comportements',
        'Stabilising the new attitudes, values and behaviours',
      ],
    ),
    label(
      'cristallisation-role',
      cristallisation,
      40,
      PHASE_H - 120,
      480,
      80,
      t(
        'Le manager aide l’organisation à apprendre et à changer ses routines.',
        'The manager helps the organisation learn and change its routines.',
      ),
    ),
    arrow('fleche-1', decristallisation, transition),
    arrow('fleche-2', transition, cristallisation),
  ],
  agenda: [
    {
      id: 'etape-vise',
      title: t('Le changement visé', 'The intended change'),
      instructions: t(
        'Mettez-vous d’accord sur le changement à conduire, en une phrase.',
        'Agree on the change to lead, in one sentence.',
      ),
      durationMinutes: 5,
      frameId: 'changement-vise',
    },
    {
      id: 'etape-decristallisation',
      title: t('Décristallisation', 'Unfreezing'),
      instructions: t(
        'Seul, notez ce qu’il faut remettre en question et les dysfonctionnements constatés. Vos post-it restent privés.',
        'Alone, note what must be questioned and the problems you see. Your notes stay private.',
      ),
      durationMinutes: 7,
      frameId: 'decristallisation',
      mode: 'private',
      lockFrames: ['changement-vise'],
    },
    {
      id: 'etape-partage',
      title: t('Mise en commun', 'Sharing'),
      instructions: t(
        'Les post-it sont révélés : lisez-les, regroupez les doublons, précisez.',
        'Notes are revealed: read them, merge duplicates, clarify.',
      ),
      durationMinutes: 8,
      frameId: 'decristallisation',
      mode: 'revealed',
    },
    {
      id: 'etape-transition',
      title: t('Transition', 'Transition'),
      instructions: t(
        'Quels apprentissages, quelles expérimentations pour passer à de nouvelles façons de faire ?',
        'Which learning, which experiments to move to new ways of working?',
      ),
      durationMinutes: 12,
      frameId: 'transition',
    },
    {
      id: 'etape-cristallisation',
      title: t('Cristallisation', 'Refreezing'),
      instructions: t(
        'Qu’est-ce qui fera tenir le changement : rituels, outils, formation, reconnaissance ?',
        'What will make the change stick: rituals, tools, training, recognition?',
      ),
      durationMinutes: 12,
      frameId: 'cristallisation',
    },
    {
      id: 'etape-vote',
      title: t('Priorités', 'Priorities'),
      instructions: t(
        'Trois gommettes chacun sur les actions à lancer en premier, toutes colonnes confondues.',
        'Three dots each on the actions to start first, in any column.',
      ),
      durationMinutes: 6,
      frameId: 'decristallisation',
      moreFrames: ['transition', 'cristallisation'],
      vote: { budget: 3 },
    },
  ],
}
