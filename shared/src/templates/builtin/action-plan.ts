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
  t,
} from './layout.js'

const H = 1100
const column = columns(H)
const axes = column(0, 'axes', ['Les 6 axes d’innovation', 'The 6 lines of innovation'], FRAME.grey)
const actions = column(1, 'actions', ['Action', 'Action'], FRAME.yellow)
const axe = column(2, 'axe', ['Axe', 'Line'], FRAME.violet)
const pilote = column(3, 'pilote', ['Pilote', 'Lead'], FRAME.blue)
const echeance = column(4, 'echeance', ['Échéance', 'Deadline'], FRAME.orange)
const indicateur = column(5, 'indicateur', ['Indicateur', 'Indicator'], FRAME.green)

const AXES: [string, string][] = [
  ['Demandes / relations usagers', 'User requests and relations'],
  ['Prospective / planification', 'Foresight and planning'],
  ['Process', 'Processes'],
  ['Organisation', 'Organisation'],
  ['Mode projet', 'Project mode'],
  ['Qualité de vie au travail', 'Quality of working life'],
]
const AXIS_COLORS = [NOTE.pink, NOTE.violet, NOTE.blue, NOTE.green, NOTE.orange, NOTE.yellow]

const ROW = 160
const example = (frame: FrameInput, id: string, fr: string, en: string, color: string) =>
  note(id, frame, 40, ROW, t(fr, en), color, { w: 480, h: 150, example: true })

/** The columns an action sheet fills in, which the filling and the review span. */
const SHEET_COLUMNS = { frameId: 'axe', moreFrames: ['pilote', 'echeance', 'indicateur'] }

/** Plan d'actions / fiches actions, after Innova'Brive: action, line, lead, deadline, indicator. */
export const actionPlan: TemplateInput = {
  ...BUILTIN_META,
  id: 'action-plan',
  title: t('Plan d’actions — fiches actions', 'Action plan — action sheets'),
  description: t(
    'Une fiche action par ligne : l’action, son axe d’innovation (demandes / relations usagers, prospective / planification, process, organisation, mode projet, qualité de vie au travail), son pilote, son échéance, son indicateur. D’après Innova’Brive : une feuille de route commune et une douzaine de fiches actions élaborées en groupes de travail.',
    'One action sheet per row: the action, its line of innovation (user requests and relations, foresight and planning, processes, organisation, project mode, quality of working life), its lead, its deadline, its indicator. After Innova’Brive: a shared roadmap and a dozen action sheets written in working groups.',
  ),
  category: 'decision',
  facilitation: t(
    'Chaque ligne du tableau est une fiche action. Commencez par des propositions individuelles, votez, puis complétez les fiches retenues en petits groupes mélangeant les services. Un pilote est une personne nommée, pas un service. Une douzaine de fiches suffit pour une feuille de route : mieux vaut peu d’actions menées à terme.',
    'Each row of the table is an action sheet. Start with individual proposals, vote, then fill in the sheets kept in small groups mixing departments. A lead is a named person, not a department. A dozen sheets is enough for a roadmap: better few actions carried through.',
  ),
  participants: { min: 4, max: 40 },
  durationMinutes: 75,
  frames: [axes, actions, axe, pilote, echeance, indicateur],
  items: [
    heading('titre', t('Plan d’actions — fiches actions', 'Action plan — action sheets'), span(6)),
    instruction(
      axes,
      t(
        'Chaque action se rattache à l’un des six axes : reprenez sa couleur.',
        'Each action belongs to one of the six lines: use its colour.',
      ),
      100,
    ),
    ...AXES.map(([fr, en], i) =>
      note(`axe-${i + 1}`, axes, 40, 150 + i * 150, t(fr, en), AXIS_COLORS[i] ?? NOTE.grey, {
        w: 480,
        h: 130,
        locked: true,
      }),
    ),
    instruction(
      actions,
      t('Quoi ? Une action concrète par post-it.', 'What? One concrete action per note.'),
      100,
    ),
    example(
      actions,
      'action-exemple',
      'Ex. : accueillir les usagers sur rendez-vous le samedi matin',
      'E.g. see residents by appointment on Saturday mornings',
      NOTE.pink,
    ),
    instruction(axe, t('Quel axe d’innovation ?', 'Which line of innovation?'), 100),
    example(axe, 'axe-exemple', 'Demandes / relations usagers', 'User requests and relations', NOTE.pink),
    instruction(pilote, t('Qui pilote ? Une personne nommée.', 'Who leads it? A named person.'), 100),
    example(
      pilote,
      'pilote-exemple',
      'Ex. : la responsable de l’accueil',
      'E.g. the head of reception',
      NOTE.blue,
    ),
    instruction(echeance, t('Pour quand ?', 'By when?'), 100),
    example(echeance, 'echeance-exemple', 'Ex. : en septembre', 'E.g. in September', NOTE.orange),
    instruction(indicateur, t('Comment saurons-nous que c’est réussi ?', 'How will we know it worked?'), 100),
    example(
      indicateur,
      'indicateur-exemple',
      'Ex. : nombre de rendez-vous pris, satisfaction des usagers',
      'E.g. appointments booked, user satisfaction',
      NOTE.green,
    ),
  ],
  agenda: [
    {
      id: 'etape-axes',
      title: t('Les six axes', 'The six lines'),
      instructions: t(
        'Présentez la feuille de route et ses six axes d’innovation.',
        'Present the roadmap and its six lines of innovation.',
      ),
      durationMinutes: 5,
      frameId: 'axes',
    },
    {
      id: 'etape-propositions',
      title: t('Propositions d’actions', 'Proposed actions'),
      instructions: t(
        'Seul, proposez des actions, une par post-it, dans la couleur de leur axe. Vos post-it restent privés.',
        'Alone, propose actions, one per note, in the colour of their line. Your notes stay private.',
      ),
      durationMinutes: 10,
      frameId: 'actions',
      mode: 'private',
    },
    {
      id: 'etape-partage',
      title: t('Mise en commun', 'Sharing'),
      instructions: t(
        'Les actions sont révélées. Fusionnez les doublons.',
        'Actions are revealed. Merge duplicates.',
      ),
      durationMinutes: 10,
      frameId: 'actions',
      mode: 'revealed',
    },
    {
      id: 'etape-vote',
      title: t('Vote', 'Vote'),
      instructions: t(
        'Trois gommettes chacun, au plus deux sur la même action.',
        'Three dots each, at most two on the same action.',
      ),
      durationMinutes: 5,
      frameId: 'actions',
      vote: { budget: 3, maxPerItem: 2 },
    },
    {
      id: 'etape-fiches',
      title: t('Compléter les fiches', 'Fill in the sheets'),
      instructions: t(
        'Pour chaque action retenue, sur la même ligne : axe, pilote, échéance, indicateur.',
        'For each action kept, on the same row: line, lead, deadline, indicator.',
      ),
      durationMinutes: 25,
      ...SHEET_COLUMNS,
      lockFrames: ['axes'],
    },
    {
      id: 'etape-relecture',
      title: t('Relecture', 'Read-through'),
      instructions: t(
        'Relisez chaque fiche : le pilote est-il d’accord ? L’échéance est-elle réaliste ?',
        'Read each sheet: does the lead agree? Is the deadline realistic?',
      ),
      durationMinutes: 10,
      ...SHEET_COLUMNS,
    },
  ],
}
