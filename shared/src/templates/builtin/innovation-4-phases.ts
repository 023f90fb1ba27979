import type { TemplateInput } from '../format.js'
import {
  arrow,
  BUILTIN_META,
  columns,
  FRAME,
  type FrameInput,
  heading,
  type ItemInput,
  instruction,
  label,
  NOTE,
  note,
  span,
  t,
} from './layout.js'

const H = 1100
const phase = columns(H)
const preparation = phase(0, 'preparation', ['1. Préparation', '1. Preparation'], FRAME.blue)
const ideation = phase(1, 'ideation', ['2. Idéation', '2. Ideation'], FRAME.yellow)
const appropriation = phase(2, 'appropriation', ['3. Appropriation', '3. Adoption'], FRAME.orange)
const integration = phase(3, 'integration', ['4. Intégration', '4. Integration'], FRAME.green)

/** The phase's levers as locked notes, then the manager's posture at the bottom of the frame. */
function levers(
  frame: FrameInput,
  color: string,
  list: [string, string][],
  posture: [string, string],
): ItemInput[] {
  return [
    ...list.map(([fr, en], i) =>
      note(
        `${frame.id}-levier-${i + 1}`,
        frame,
        40 + (i % 2) * 260,
        160 + Math.floor(i / 2) * 150,
        t(fr, en),
        color,
        {
          w: 220,
          h: 120,
          locked: true,
        },
      ),
    ),
    label(`${frame.id}-posture`, frame, 40, H - 120, 480, 80, t(...posture)),
  ]
}

/** Innovation publique en 4 phases: a roadmap from preparation to integration, with the managers' roles. */
export const innovation4Phases: TemplateInput = {
  ...BUILTIN_META,
  id: 'innovation-4-phases',
  title: t('Innovation publique en 4 phases', 'Public innovation in 4 phases'),
  description: t(
    'Une feuille de route en quatre phases : préparation (veille, anticipation, planification), idéation, appropriation (accompagnement, mode projet), intégration (culture interne, engagement). À chaque phase sa posture managériale : des managers « leaders », « créatifs », « capacitants », « apprenants ».',
    'A roadmap in four phases: preparation (horizon scanning, anticipation, planning), ideation, adoption (support, project mode), integration (internal culture, commitment). Each phase calls for a management posture: “leading”, “creative”, “enabling”, “learning” managers.',
  ),
  category: 'change',
  facilitation: t(
    'Partez d’un projet réel. Pour chaque phase, demandez ce qui est déjà fait, ce qui manque, qui le porte. Les leviers (post-it verrouillés) rappellent le support ; les participants ajoutent leurs actions en dessous. Insistez sur l’appropriation et l’intégration, souvent oubliées : le changement se pilote en faisant participer les acteurs concernés, et le manager aide l’organisation à apprendre.',
    'Start from a real project. For each phase, ask what is already done, what is missing, who owns it. The levers (locked notes) recall the deck; participants add their actions below. Stress adoption and integration, often forgotten: change is led by involving the people concerned, and the manager helps the organisation learn.',
  ),
  participants: { min: 3, max: 25 },
  durationMinutes: 75,
  frames: [preparation, ideation, appropriation, integration],
  items: [
    heading('titre', t('Innovation publique en 4 phases', 'Public innovation in 4 phases'), span(4)),
    instruction(
      preparation,
      t('Que faut-il surveiller, anticiper, planifier ?', 'What must we scan, anticipate, plan?'),
      100,
    ),
    ...levers(
      preparation,
      NOTE.blue,
      [
        ['Veille', 'Horizon scanning'],
        ['Anticipation', 'Anticipation'],
        ['Planification', 'Planning'],
      ],
      ['Vers des managers « leaders »', 'Towards “leading” managers'],
    ),
    instruction(
      ideation,
      t('Quelles idées, avec quels outils de créativité ?', 'Which ideas, with which creativity tools?'),
      100,
    ),
    ...levers(
      ideation,
      NOTE.yellow,
      [
        ['Ateliers de créativité', 'Creativity workshops'],
        ['Droit à l’erreur', 'Right to fail'],
      ],
      ['Vers des managers « créatifs »', 'Towards “creative” managers'],
    ),
    instruction(
      appropriation,
      t(
        'Comment accompagner les équipes et les usagers, en mode projet ?',
        'How do we support teams and users, in project mode?',
      ),
      100,
    ),
    ...levers(
      appropriation,
      NOTE.orange,
      [
        ['Accompagnement', 'Support'],
        ['Mode projet', 'Project mode'],
      ],
      ['Vers des managers « capacitants »', 'Towards “enabling” managers'],
    ),
    instruction(
      integration,
      t(
        'Comment l’innovation devient-elle la façon normale de travailler ?',
        'How does innovation become the normal way of working?',
      ),
      100,
    ),
    ...levers(
      integration,
      NOTE.green,
      [
        ['Culture interne', 'Internal culture'],
        ['Engagement', 'Commitment'],
      ],
      ['Vers des managers « apprenants »', 'Towards “learning” managers'],
    ),
    arrow('fleche-1', preparation, ideation),
    arrow('fleche-2', ideation, appropriation),
    arrow('fleche-3', appropriation, integration),
  ],
  agenda: [
    {
      id: 'etape-preparation',
      title: t('Préparation', 'Preparation'),
      instructions: t(
        'Veille, anticipation, planification : ce qui existe, ce qui manque.',
        'Horizon scanning, anticipation, planning: what exists, what is missing.',
      ),
      durationMinutes: 15,
      frameId: 'preparation',
    },
    {
      id: 'etape-ideation',
      title: t('Idéation', 'Ideation'),
      instructions: t(
        'Seul d’abord : les idées et les outils de créativité à mobiliser. Vos post-it restent privés.',
        'Alone first: the ideas and creativity tools to use. Your notes stay private.',
      ),
      durationMinutes: 10,
      frameId: 'ideation',
      mode: 'private',
    },
    {
      id: 'etape-partage',
      title: t('Mise en commun', 'Sharing'),
      instructions: t('Les idées sont révélées et discutées.', 'Ideas are revealed and discussed.'),
      durationMinutes: 10,
      frameId: 'ideation',
      mode: 'revealed',
    },
    {
      id: 'etape-appropriation',
      title: t('Appropriation', 'Adoption'),
      instructions: t(
        'Accompagnement, mode projet : qui associer, comment, avec quels relais ?',
        'Support, project mode: whom to involve, how, through which relays?',
      ),
      durationMinutes: 15,
      frameId: 'appropriation',
    },
    {
      id: 'etape-integration',
      title: t('Intégration', 'Integration'),
      instructions: t(
        'Culture interne, engagement : ce qui fera durer l’innovation.',
        'Internal culture, commitment: what will make innovation last.',
      ),
      durationMinutes: 15,
      frameId: 'integration',
    },
    {
      id: 'etape-vote',
      title: t('Priorités', 'Priorities'),
      instructions: t(
        'Trois gommettes chacun sur les actions prioritaires de la feuille de route.',
        'Three dots each on the roadmap’s priority actions.',
      ),
      durationMinutes: 5,
      frameId: 'preparation',
      moreFrames: ['ideation', 'appropriation', 'integration'],
      vote: { budget: 3 },
    },
  ],
}
