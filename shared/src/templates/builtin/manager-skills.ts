import type { TemplateInput } from '../format.js'
import {
  BUILTIN_META,
  col,
  columns,
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

const H = 1000
const column = columns(H)
const savoir = column(0, 'savoir', ['Savoir', 'Knowledge'], FRAME.blue)
const savoirEtre = column(1, 'savoir-etre', ['Savoir-être', 'Attitudes'], FRAME.pink)
const savoirFaire = column(2, 'savoir-faire', ['Savoir-faire', 'Skills'], FRAME.green)
const faireSavoir = column(3, 'faire-savoir', ['Faire savoir', 'Sharing and promoting'], FRAME.violet)
const plan: FrameInput = {
  id: 'plan',
  title: t('Mon plan de développement', 'My development plan'),
  x: col(4),
  y: TOP,
  w: span(1),
  h: H,
  color: FRAME.yellow,
}

const legend = (frame: FrameInput) => [
  note(`${frame.id}-acquis`, frame, 40, 300, t('Je maîtrise déjà…', 'I already master…'), NOTE.green, {
    h: 140,
    example: true,
  }),
  note(
    `${frame.id}-a-developper`,
    frame,
    300,
    300,
    t('Je veux développer…', 'I want to develop…'),
    NOTE.orange,
    {
      h: 140,
      example: true,
    },
  ),
]

/** The four families of skills, which the reading, the self-assessment, the reveal and the vote span. */
const FOUR_FAMILIES = { frameId: 'savoir', moreFrames: ['savoir-etre', 'savoir-faire', 'faire-savoir'] }

/** Compétences du manager innovant: savoir, savoir-être, savoir-faire, faire savoir. */
export const managerSkills: TemplateInput = {
  ...BUILTIN_META,
  id: 'manager-skills',
  title: t('Compétences du manager innovant', 'Skills of the innovative manager'),
  description: t(
    'Un auto-diagnostic partagé des compétences des encadrants : savoir (connaissances), savoir-être (attitudes, comportements), savoir-faire (compétences), faire savoir (diffusion, valorisation), puis un plan de développement.',
    'A shared self-assessment of managers’ skills: knowledge, attitudes and behaviours, skills, sharing and promoting, then a development plan.',
  ),
  category: 'change',
  facilitation: t(
    'Le rôle des encadrants évolue : de la transmission à la traduction, de la surveillance à la maîtrise, de la supervision hiérarchique au pilotage relationnel. Chacun écrit d’abord en privé ce qu’il maîtrise (vert) et ce qu’il veut développer (orange). Favorisez le « non-sachant » et l’humilité : personne n’a tout. Terminez par un plan personnel, avec une action à essayer dans le mois.',
    'The role of managers is shifting: from passing orders down to translating them, from monitoring to steering, from hierarchical supervision to relational leadership. Everyone first writes in private what they master (green) and what they want to develop (orange). Encourage “not knowing” and humility: nobody has it all. End with a personal plan, with one thing to try within the month.',
  ),
  participants: { min: 3, max: 25 },
  durationMinutes: 60,
  frames: [savoir, savoirEtre, savoirFaire, faireSavoir, plan],
  items: [
    heading('titre', t('Compétences du manager innovant', 'Skills of the innovative manager'), span(5)),
    instruction(
      savoir,
      t(
        'Connaissances : des savoirs managériaux au-delà des savoirs techniques ; des savoirs propres à l’innovation et au pilotage du changement.',
        'Knowledge: management knowledge beyond technical know-how; knowledge specific to innovation and to leading change.',
      ),
      240,
    ),
    ...legend(savoir),
    instruction(
      savoirEtre,
      t(
        'Attitudes et comportements : questionnement, remise en question, posture du « non-sachant », observation, leadership partagé, humilité.',
        'Attitudes and behaviours: questioning, self-questioning, a “not-knowing” stance, observation, shared leadership, humility.',
      ),
      240,
    ),
    ...legend(savoirEtre),
    instruction(
      savoirFaire,
      t(
        'Compétences : capacité d’écoute, d’expérimentation, de créativité, de veille et d’apprentissage.',
        'Skills: listening, experimenting, creativity, horizon scanning and learning.',
      ),
      240,
    ),
    ...legend(savoirFaire),
    instruction(
      faireSavoir,
      t(
        'Diffusion et valorisation : communiquer, partager l’information pour dépasser les clivages, les opacités et le pouvoir par le contrôle de l’information.',
        'Sharing and promoting: communicate and share information to overcome divides, opacity and power through control of information.',
      ),
      240,
    ),
    ...legend(faireSavoir),
    instruction(
      plan,
      t(
        'Deux compétences à développer, et pour chacune une action à essayer dans le mois.',
        'Two skills to develop, and for each one a thing to try within the month.',
      ),
      120,
    ),
    note(
      'plan-exemple',
      plan,
      40,
      180,
      t('Compétence → action à essayer → quand', 'Skill → thing to try → when'),
      NOTE.yellow,
      {
        w: 480,
        h: 160,
        example: true,
      },
    ),
    label(
      'plan-rappel',
      plan,
      40,
      H - 140,
      480,
      100,
      t(
        'Le manager aide l’organisation à apprendre et à changer ses routines.',
        'The manager helps the organisation learn and change its routines.',
      ),
    ),
  ],
  agenda: [
    {
      id: 'etape-intro',
      title: t('Les quatre familles', 'The four families'),
      instructions: t(
        'Lisez ensemble les quatre familles de compétences.',
        'Read the four families of skills together.',
      ),
      durationMinutes: 5,
      ...FOUR_FAMILIES,
    },
    {
      id: 'etape-auto-diagnostic',
      title: t('Auto-diagnostic', 'Self-assessment'),
      instructions: t(
        'Seul, en vert ce que vous maîtrisez, en orange ce que vous voulez développer, dans chaque colonne. Vos post-it restent privés.',
        'Alone, in green what you master, in orange what you want to develop, in each column. Your notes stay private.',
      ),
      durationMinutes: 15,
      ...FOUR_FAMILIES,
      mode: 'private',
    },
    {
      id: 'etape-partage',
      title: t('Mise en commun', 'Sharing'),
      instructions: t(
        'Les post-it sont révélés. Où sont nos forces collectives ? Nos manques ?',
        'Notes are revealed. Where are our collective strengths? Our gaps?',
      ),
      durationMinutes: 15,
      ...FOUR_FAMILIES,
      mode: 'revealed',
    },
    {
      id: 'etape-vote',
      title: t('Compétences prioritaires', 'Priority skills'),
      instructions: t(
        'Trois gommettes chacun sur les compétences à développer en priorité dans l’équipe.',
        'Three dots each on the skills the team should develop first.',
      ),
      durationMinutes: 5,
      ...FOUR_FAMILIES,
      vote: { budget: 3 },
    },
    {
      id: 'etape-plan',
      title: t('Plan de développement', 'Development plan'),
      instructions: t(
        'Chacun écrit son plan : deux compétences, une action à essayer pour chacune.',
        'Everyone writes their plan: two skills, one thing to try for each.',
      ),
      durationMinutes: 15,
      frameId: 'plan',
    },
  ],
}
