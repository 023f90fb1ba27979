import type { TemplateInput } from '../format.js'
import {
  BUILTIN_META,
  columns,
  FRAME,
  type FrameInput,
  heading,
  instruction,
  NOTE,
  note,
  span,
  TOP,
  t,
} from './layout.js'

const politique: FrameInput = {
  id: 'politique',
  title: t('La politique publique relue', 'The public policy under review'),
  x: 0,
  y: TOP,
  w: span(4),
  h: 300,
  color: FRAME.grey,
}
const Y = TOP + 340
const H = 900
const column = columns(H, Y)
const developper = column(0, 'developper', ['Développer', 'Start or grow'], FRAME.green)
const arreter = column(1, 'arreter', ['Arrêter', 'Stop'], FRAME.pink)
const changer = column(2, 'faire-autrement', ['Faire différemment', 'Do differently'], FRAME.orange)
const continuer = column(3, 'continuer', ['Continuer', 'Continue'], FRAME.blue)

/** The four questions' columns, which the writing, the reveal, the vote and the proposals span. */
const FOUR_QUESTIONS = { frameId: 'developper', moreFrames: ['arreter', 'faire-autrement', 'continuer'] }

/** Relecture des politiques publiques: start / stop / change / continue. */
export const policyReview: TemplateInput = {
  ...BUILTIN_META,
  id: 'policy-review',
  title: t('Relecture des politiques publiques', 'Public policy review'),
  description: t(
    'Quatre questions pour relire une politique publique : que développe-t-on ? Qu’arrête-t-on ? Que devons-nous faire différemment ? Que continuons-nous à faire ? D’après l’exemple de relecture des politiques publiques du support : démarche transversale (ville, CCAS, Métropole), ouverte et collaborative, élus et agents, métiers et supports.',
    'Four questions to review a public policy: what do we start or grow? What do we stop? What must we do differently? What do we keep doing? After the deck’s public policy review example: a cross-cutting approach (city, social action centre, metropolitan authority), open and collaborative, elected officials and staff, front-line and support services.',
  ),
  category: 'decision',
  facilitation: t(
    'Mélangez élus et agents, métiers et fonctions support. Appuyez-vous sur les éléments de diagnostic disponibles (FFOM, indicateurs d’évaluation, budget par politique publique). Faites écrire en privé d’abord : « Qu’arrête-t-on ? » est une question difficile à poser devant sa hiérarchie. Terminez par des propositions d’action par axe d’intervention : économies ou recettes, réorganisation, réorientations stratégiques.',
    'Mix elected officials and staff, front-line and support services. Use the diagnosis you have (SWOT, evaluation indicators, budget per policy). Have people write in private first: “What do we stop?” is hard to ask in front of one’s managers. End with proposed actions per line of intervention: savings or revenue, reorganisation, strategic shifts.',
  ),
  participants: { min: 4, max: 30 },
  durationMinutes: 60,
  frames: [politique, developper, arreter, changer, continuer],
  items: [
    heading('titre', t('Relecture des politiques publiques', 'Public policy review'), span(4)),
    instruction(
      politique,
      t(
        'Quelle politique publique relisons-nous ? Pour quels publics, avec quels moyens, quels résultats connus ?',
        'Which public policy are we reviewing? For which people, with which means, with which known results?',
      ),
      80,
    ),
    note(
      'politique-exemple',
      politique,
      40,
      120,
      t('La politique relue…', 'The policy under review…'),
      NOTE.grey,
      {
        w: 600,
        h: 150,
        example: true,
      },
    ),
    instruction(developper, t('Que développe-t-on ?', 'What do we start or grow?'), 80),
    note(
      'developper-exemple',
      developper,
      40,
      140,
      t('Ce que l’on développe…', 'What we grow…'),
      NOTE.green,
      { example: true },
    ),
    instruction(arreter, t('Qu’arrête-t-on ?', 'What do we stop?'), 80),
    note('arreter-exemple', arreter, 40, 140, t('Ce que l’on arrête…', 'What we stop…'), NOTE.pink, {
      example: true,
    }),
    instruction(changer, t('Que devons-nous faire différemment ?', 'What must we do differently?'), 80),
    note(
      'changer-exemple',
      changer,
      40,
      140,
      t('Ce que l’on fait autrement…', 'What we do differently…'),
      NOTE.orange,
      { example: true },
    ),
    instruction(continuer, t('Que continuons-nous à faire ?', 'What do we keep doing?'), 80),
    note('continuer-exemple', continuer, 40, 140, t('Ce que l’on continue…', 'What we keep…'), NOTE.blue, {
      example: true,
    }),
  ],
  agenda: [
    {
      id: 'etape-politique',
      title: t('La politique relue', 'The policy under review'),
      instructions: t(
        'Rappelez la politique publique, ses publics, ses moyens et ce que l’on sait de ses résultats.',
        'Recall the policy, its people, its means and what is known of its results.',
      ),
      durationMinutes: 5,
      frameId: 'politique',
    },
    {
      id: 'etape-ecriture',
      title: t('Écriture individuelle', 'Individual writing'),
      instructions: t(
        'Seul, répondez aux quatre questions, un post-it par réponse, dans la bonne colonne. Vos réponses restent privées.',
        'Alone, answer the four questions, one note per answer, in the right column. Your answers stay private.',
      ),
      durationMinutes: 10,
      ...FOUR_QUESTIONS,
      mode: 'private',
      lockFrames: ['politique'],
    },
    {
      id: 'etape-partage',
      title: t('Mise en commun', 'Sharing'),
      instructions: t(
        'Les réponses sont révélées. Parcourez les quatre colonnes, regroupez et discutez les désaccords.',
        'Answers are revealed. Go through the four columns, merge and discuss disagreements.',
      ),
      durationMinutes: 15,
      ...FOUR_QUESTIONS,
      mode: 'revealed',
    },
    {
      id: 'etape-vote',
      title: t('Vote', 'Vote'),
      instructions: t(
        'Trois gommettes chacun sur les évolutions les plus importantes.',
        'Three dots each on the most important changes.',
      ),
      durationMinutes: 5,
      ...FOUR_QUESTIONS,
      vote: { budget: 3 },
    },
    {
      id: 'etape-propositions',
      title: t('Propositions d’action', 'Proposed actions'),
      instructions: t(
        'Pour les évolutions retenues : quelle action, par quel axe d’intervention (économies ou recettes, réorganisation, réorientation stratégique) ?',
        'For the changes kept: which action, through which line of intervention (savings or revenue, reorganisation, strategic shift)?',
      ),
      durationMinutes: 15,
      ...FOUR_QUESTIONS,
    },
  ],
}
