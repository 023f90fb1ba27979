import type { TemplateInput } from '../format.js'
import {
  BUILTIN_META,
  columns,
  FRAME,
  type FrameInput,
  GAP,
  heading,
  instruction,
  NOTE,
  note,
  span,
  TOP,
  t,
} from './layout.js'

const H = 1000
const column = columns(H)
const axes = column(0, 'axes', ['Axes', 'Strategic lines'], FRAME.violet)
const objectifs = column(1, 'objectifs', ['Objectifs', 'Objectives'], FRAME.blue)
const indicateurs = column(2, 'indicateurs', ['Indicateurs', 'Indicators'], FRAME.green)
const responsables = column(3, 'responsables', ['Responsable', 'Owner'], FRAME.yellow)
const echeances = column(4, 'echeances', ['Échéance', 'Deadline'], FRAME.orange)
const suivi: FrameInput = {
  id: 'suivi',
  title: t('Suivi et amélioration continue', 'Tracking and continuous improvement'),
  x: 0,
  y: TOP + H + GAP,
  w: span(5),
  h: 560,
  color: FRAME.grey,
}

const ROW = 180
const example = (frame: FrameInput, id: string, fr: string, en: string, color: string) =>
  note(id, frame, 40, ROW, t(fr, en), color, { w: 480, h: 160, example: true })

/** Carte stratégique, after Saint-Paul-lès-Dax: lines → objectives → indicators → owner → deadline. */
export const strategyMap: TemplateInput = {
  ...BUILTIN_META,
  id: 'strategy-map',
  title: t('Carte stratégique', 'Strategy map'),
  description: t(
    'Mettre en œuvre le projet politique des élus et suivre les objectifs fixés : axes, objectifs, indicateurs, responsable, échéance, puis revues de suivi dans une démarche d’amélioration continue. D’après la carte stratégique de Saint-Paul-lès-Dax.',
    'Carry out the elected officials’ political project and track its objectives: strategic lines, objectives, indicators, owner, deadline, then review meetings in a continuous-improvement approach. After the strategy map of Saint-Paul-lès-Dax.',
  ),
  category: 'strategy',
  facilitation: t(
    'Réunissez élus et agents, cadres et non-cadres : la carte place l’agent au cœur du processus d’amélioration. Une ligne par objectif, lue de gauche à droite : axe, objectif, indicateur, responsable, échéance. Gardez peu d’indicateurs, mesurables et suivis. La carte vit ensuite en revue de direction et en revue d’encadrement : rouvrez le tableau à chaque revue.',
    'Bring together elected officials and staff, managers and non-managers: the map puts staff at the heart of improvement. One row per objective, read from left to right: line, objective, indicator, owner, deadline. Keep few indicators, measurable and tracked. The map then lives on in management reviews: reopen the board at each review.',
  ),
  participants: { min: 3, max: 20 },
  durationMinutes: 90,
  frames: [axes, objectifs, indicateurs, responsables, echeances, suivi],
  items: [
    heading('titre', t('Carte stratégique', 'Strategy map'), span(5)),
    instruction(
      axes,
      t(
        'Les grands axes du projet politique. Un post-it par axe, aligné avec ses objectifs.',
        'The main lines of the political project. One note per line, level with its objectives.',
      ),
    ),
    example(
      axes,
      'axe-exemple',
      'Ex. : améliorer la qualité des prestations',
      'E.g. improve the quality of services',
      NOTE.violet,
    ),
    instruction(objectifs, t('Pour chaque axe, les objectifs fixés.', 'For each line, the objectives set.')),
    example(
      objectifs,
      'objectif-exemple',
      'Ex. : répondre aux courriers des usagers en moins de quinze jours',
      'E.g. answer residents’ letters within fifteen days',
      NOTE.blue,
    ),
    instruction(
      indicateurs,
      t(
        'Comment mesurer l’efficacité de l’intervention publique ? Un indicateur par objectif.',
        'How do we measure the effectiveness of public action? One indicator per objective.',
      ),
    ),
    example(
      indicateurs,
      'indicateur-exemple',
      'Ex. : délai moyen de réponse (jours)',
      'E.g. average response time (days)',
      NOTE.green,
    ),
    instruction(
      responsables,
      t(
        'Qui en est responsable (un service, une personne) ?',
        'Who is responsible (a department, a person)?',
      ),
    ),
    example(
      responsables,
      'responsable-exemple',
      'Ex. : direction des services à la population',
      'E.g. residents’ services department',
      NOTE.yellow,
    ),
    instruction(echeances, t('Pour quand ?', 'By when?')),
    example(echeances, 'echeance-exemple', 'Ex. : fin d’année', 'E.g. end of the year', NOTE.orange),
    instruction(
      suivi,
      t(
        'À chaque revue : quels indicateurs sont atteints, en retard, à revoir ? Quelle amélioration décidons-nous ?',
        'At each review: which indicators are met, late, to be revised? Which improvement do we decide?',
      ),
      80,
    ),
    note('suivi-atteint', suivi, 40, 140, t('Atteint', 'Met'), NOTE.green, { h: 120 }),
    note('suivi-retard', suivi, 280, 140, t('En retard', 'Late'), NOTE.orange, { h: 120 }),
    note('suivi-revoir', suivi, 520, 140, t('À revoir', 'To revise'), NOTE.pink, { h: 120 }),
  ],
  agenda: [
    {
      id: 'etape-axes',
      title: t('Axes', 'Strategic lines'),
      instructions: t(
        'Rappelez les axes du projet politique des élus.',
        'Recall the lines of the elected officials’ political project.',
      ),
      durationMinutes: 10,
      frameId: 'axes',
    },
    {
      id: 'etape-objectifs',
      title: t('Objectifs', 'Objectives'),
      instructions: t(
        'Seul, proposez des objectifs pour chaque axe. Vos post-it restent privés.',
        'Alone, propose objectives for each line. Your notes stay private.',
      ),
      durationMinutes: 10,
      frameId: 'objectifs',
      mode: 'private',
      lockFrames: ['axes'],
    },
    {
      id: 'etape-partage',
      title: t('Mise en commun et choix', 'Sharing and choice'),
      instructions: t(
        'Les objectifs sont révélés. Regroupez-les, puis trois gommettes chacun sur ceux à retenir.',
        'Objectives are revealed. Group them, then three dots each on those to keep.',
      ),
      durationMinutes: 15,
      frameId: 'objectifs',
      mode: 'revealed',
      vote: { budget: 3 },
    },
    {
      id: 'etape-indicateurs',
      title: t('Indicateurs', 'Indicators'),
      instructions: t(
        'Un indicateur mesurable par objectif retenu, sur la même ligne.',
        'One measurable indicator per objective kept, on the same row.',
      ),
      durationMinutes: 20,
      frameId: 'indicateurs',
    },
    {
      id: 'etape-responsables',
      title: t('Responsables et échéances', 'Owners and deadlines'),
      instructions: t(
        'Pour chaque ligne : un responsable et une échéance.',
        'For each row: an owner and a deadline.',
      ),
      durationMinutes: 15,
      frameId: 'responsables',
    },
    {
      id: 'etape-suivi',
      title: t('Organiser le suivi', 'Plan the follow-up'),
      instructions: t(
        'Fixez les dates de revue et la façon de rendre compte aux élus et aux agents.',
        'Set the review dates and how to report back to elected officials and staff.',
      ),
      durationMinutes: 10,
      frameId: 'suivi',
    },
  ],
}
