import type { TemplateInput } from '../format.js'
import {
  BUILTIN_META,
  FRAME,
  type FrameInput,
  type FrameZoneInput,
  GAP,
  heading,
  type ItemInput,
  instruction,
  NOTE,
  note,
  TOP,
  t,
} from './layout.js'

const STAGES: [string, string][] = [
  ['S’informer', 'Finding out'],
  ['Faire la demande', 'Applying'],
  ['Attendre la réponse', 'Waiting'],
  ['Recevoir le service', 'Receiving the service'],
  ['Après : suivi et avis', 'Afterwards: follow-up and feedback'],
]
const STAGE_W = 420
const ROWS_X = 600
const ROW_H = 380
const HEADER_Y = TOP
const ROWS_Y = TOP + 120
const ROWS_W = STAGES.length * STAGE_W + 80

const persona: FrameInput = {
  id: 'persona',
  title: t('L’usager et le service', 'The user and the service'),
  x: 0,
  y: ROWS_Y,
  w: 560,
  h: 4 * ROW_H + 3 * GAP,
  color: FRAME.grey,
}
/** Each stage's column in a row, where a phone puts an idea written for that stage. */
const STAGE_ZONES: FrameZoneInput[] = STAGES.map(([fr, en], i) => ({
  title: t(`${i + 1}. ${fr}`, `${i + 1}. ${en}`),
  x: (40 + i * STAGE_W + STAGE_W / 2) / ROWS_W,
  y: 200 / ROW_H,
}))
const row = (i: number, id: string, title: [string, string], color: string): FrameInput => ({
  id,
  title: t(...title),
  x: ROWS_X,
  y: ROWS_Y + i * (ROW_H + GAP),
  w: ROWS_W,
  h: ROW_H,
  color,
  zones: STAGE_ZONES,
})
const fait = row(0, 'fait', ['Ce que fait l’usager', 'What the user does'], FRAME.blue)
const ressent = row(1, 'ressent', ['Ce qu’il ressent', 'What they feel'], FRAME.yellow)
const irritants = row(2, 'irritants', ['Irritants', 'Pain points'], FRAME.pink)
const opportunites = row(3, 'opportunites', ['Opportunités', 'Opportunities'], FRAME.green)
const suite: FrameInput = {
  id: 'suite',
  title: t('Pistes à prototyper', 'Ideas to prototype'),
  x: ROWS_X + ROWS_W + GAP,
  y: ROWS_Y,
  w: 560,
  h: 4 * ROW_H + 3 * GAP,
  color: FRAME.violet,
}
const stageX = (i: number) => ROWS_X + 40 + i * STAGE_W

/** Stage headers above the rows and thin locked separators between stages. */
function stages(): ItemInput[] {
  const headers: ItemInput[] = STAGES.map(([fr, en], i) => ({
    id: `etape-parcours-${i + 1}`,
    type: 'text',
    x: stageX(i),
    y: HEADER_Y,
    w: STAGE_W - 20,
    h: 80,
    text: t(`${i + 1}. ${fr}`, `${i + 1}. ${en}`),
    locked: true,
  }))
  const separators: ItemInput[] = STAGES.slice(1).map((_, i) => ({
    id: `separateur-${i + 1}`,
    type: 'shape',
    shape: 'rectangle',
    x: stageX(i + 1) - 12,
    y: ROWS_Y,
    w: 4,
    h: 4 * ROW_H + 3 * GAP,
    color: '#ced4da',
    locked: true,
  }))
  return [...headers, ...separators]
}

const rowInstruction = (frame: FrameInput, fr: string, en: string): ItemInput => ({
  ...instruction(frame, t(fr, en), 60),
})

/** Parcours usager / design de service: journey stages × what the user does, feels, pain points, opportunities. */
export const userJourney: TemplateInput = {
  ...BUILTIN_META,
  id: 'user-journey',
  title: t('Parcours usager', 'User journey'),
  description: t(
    'Design de service : suivez un usager étape par étape — ce qu’il fait, ce qu’il ressent, les irritants, les opportunités — puis choisissez les pistes à prototyper. D’après les pratiques du Lab 06 (Département des Alpes-Maritimes) : design de service, simplification des processus administratifs, expérimentation avec les usagers.',
    'Service design: follow one user step by step — what they do, what they feel, pain points, opportunities — then choose the ideas to prototype. After the practices of Lab 06 (Alpes-Maritimes département): service design, simplifying administrative processes, experimenting with users.',
  ),
  category: 'ideation',
  facilitation: t(
    'Partez d’un usager réel ou d’un persona précis, et d’un service précis. Si possible, invitez des usagers ou apportez leurs verbatims : l’expertise d’usage ne s’invente pas. Remplissez ligne par ligne, de gauche à droite. Les irritants s’écrivent en privé pour que chacun ose les nommer. Les opportunités se placent sous l’irritant qu’elles traitent. Terminez par des pistes à tester vite et petit avec les usagers.',
    'Start from a real user or a precise persona, and a precise service. If you can, invite users or bring their own words: lived expertise cannot be made up. Fill in row by row, left to right. Pain points are written in private so everyone dares to name them. Opportunities go under the pain point they address. End with ideas to test small and fast with users.',
  ),
  participants: { min: 3, max: 20 },
  durationMinutes: 90,
  frames: [persona, fait, ressent, irritants, opportunites, suite],
  items: [
    heading('titre', t('Parcours usager', 'User journey'), 560, 0, 0),
    ...stages(),
    instruction(
      persona,
      t(
        'Qui est l’usager ? Quel service suivons-nous, de quel point de départ à quelle arrivée ?',
        'Who is the user? Which service are we following, from which starting point to which end?',
      ),
    ),
    note(
      'persona-exemple',
      persona,
      40,
      180,
      t(
        'Ex. : Jeanne, 78 ans, vit seule en zone rurale, sans ordinateur ; elle demande une aide à domicile.',
        'E.g. Jeanne, 78, lives alone in the countryside, with no computer; she applies for home help.',
      ),
      NOTE.grey,
      { w: 480, h: 220, example: true },
    ),
    rowInstruction(
      fait,
      'Ses actions à chaque étape : où va-t-il, qui appelle-t-il, que remplit-il ?',
      'Their actions at each stage: where do they go, whom do they call, what do they fill in?',
    ),
    note('fait-exemple', fait, 40, 100, t('Appelle la mairie', 'Calls the town hall'), NOTE.blue, {
      w: 180,
      h: 180,
      example: true,
    }),
    rowInstruction(
      ressent,
      'Ses émotions à chaque étape : confiance, doute, agacement, soulagement…',
      'Their feelings at each stage: trust, doubt, irritation, relief…',
    ),
    note(
      'ressent-exemple',
      ressent,
      40,
      100,
      t('Inquiète : à qui s’adresser ?', 'Worried: whom to ask?'),
      NOTE.yellow,
      {
        w: 180,
        h: 180,
        example: true,
      },
    ),
    rowInstruction(
      irritants,
      'Ce qui bloque, agace, fait perdre du temps.',
      'What blocks, annoys, wastes time.',
    ),
    rowInstruction(
      opportunites,
      'Comment faire mieux ? Une idée sous l’irritant qu’elle traite.',
      'How could we do better? One idea under the pain point it addresses.',
    ),
    instruction(
      suite,
      t(
        'Les opportunités retenues, à tester vite et petit avec des usagers.',
        'The opportunities kept, to test small and fast with users.',
      ),
    ),
  ],
  agenda: [
    {
      id: 'etape-persona',
      title: t('L’usager et le service', 'The user and the service'),
      instructions: t(
        'Présentez l’usager suivi et les étapes de son parcours.',
        'Introduce the user and the stages of their journey.',
      ),
      durationMinutes: 10,
      frameId: 'persona',
    },
    {
      id: 'etape-fait',
      title: t('Ce que fait l’usager', 'What the user does'),
      instructions: t('Étape par étape, ses actions.', 'Stage by stage, their actions.'),
      durationMinutes: 15,
      frameId: 'fait',
      lockFrames: ['persona'],
    },
    {
      id: 'etape-ressent',
      title: t('Ce qu’il ressent', 'What they feel'),
      instructions: t('Étape par étape, ses émotions.', 'Stage by stage, their feelings.'),
      durationMinutes: 10,
      frameId: 'ressent',
    },
    {
      id: 'etape-irritants',
      title: t('Irritants', 'Pain points'),
      instructions: t(
        'Seul, notez les irritants sous l’étape concernée. Vos post-it restent privés.',
        'Alone, note the pain points under the stage concerned. Your notes stay private.',
      ),
      durationMinutes: 10,
      frameId: 'irritants',
      mode: 'private',
    },
    {
      id: 'etape-revelation',
      title: t('Mise en commun des irritants', 'Sharing the pain points'),
      instructions: t('Les irritants sont révélés. Regroupez-les.', 'Pain points are revealed. Group them.'),
      durationMinutes: 5,
      frameId: 'irritants',
      revealInPlace: true,
      mode: 'revealed',
    },
    {
      id: 'etape-opportunites',
      title: t('Opportunités', 'Opportunities'),
      instructions: t(
        'Une idée d’amélioration sous chaque irritant.',
        'One improvement idea under each pain point.',
      ),
      durationMinutes: 15,
      frameId: 'opportunites',
    },
    {
      id: 'etape-vote',
      title: t('Vote', 'Vote'),
      instructions: t(
        'Trois gommettes chacun sur les opportunités à prototyper.',
        'Three dots each on the opportunities to prototype.',
      ),
      durationMinutes: 5,
      frameId: 'opportunites',
      vote: { budget: 3 },
    },
    {
      id: 'etape-suite',
      title: t('Pistes à prototyper', 'Ideas to prototype'),
      instructions: t(
        'Déplacez les pistes retenues et décidez du premier test avec des usagers.',
        'Move the ideas kept here and decide on the first test with users.',
      ),
      durationMinutes: 10,
      frameId: 'suite',
    },
  ],
}
