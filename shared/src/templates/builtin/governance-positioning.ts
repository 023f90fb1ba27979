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
  label,
  NOTE,
  note,
  TOP,
  t,
} from './layout.js'

const W = 2400
const H = 340
const SCALE_X = 560
const SCALE_W = W - 2 * SCALE_X

/**
 * Five marks along each scale, from the closed pole to the open one: where a phone puts the token
 * of a person who chose one. A token's centre stays half a note (200 wide) inside the scale's ends.
 */
const NOTE_HALF = 100
const MARKS: [string, string][] = [
  ['Fermée', 'Closed'],
  ['Plutôt fermée', 'Rather closed'],
  ['Entre les deux', 'In between'],
  ['Plutôt ouverte', 'Rather open'],
  ['Ouverte', 'Open'],
]
const MARK_ZONES: FrameZoneInput[] = MARKS.map(([fr, en], i) => ({
  title: t(fr, en),
  x: (SCALE_X + NOTE_HALF + (i * (SCALE_W - 2 * NOTE_HALF)) / (MARKS.length - 1)) / W,
  y: 0.5,
}))

const component = (i: number, id: string, title: [string, string]): FrameInput => ({
  id,
  title: t(...title),
  x: 0,
  y: TOP + i * (H + GAP),
  w: W,
  h: H,
  color: i % 2 === 0 ? FRAME.blue : FRAME.violet,
  zones: MARK_ZONES,
})
const strategique = component(0, 'strategique', ['1. Stratégique', '1. Strategic'])
const decisionnel = component(1, 'decisionnel', ['2. Décisionnel', '2. Decision-making'])
const informationnel = component(2, 'informationnel', ['3. Informationnel', '3. Information'])
const relationnel = component(3, 'relationnel', ['4. Relationnel', '4. Relationships'])
const structurel = component(4, 'structurel', ['5. Structurel', '5. Structure'])
const ROWS_H = 5 * H + 4 * GAP
const jetons: FrameInput = {
  id: 'jetons',
  title: t('Réserve de jetons', 'Token tray'),
  x: W + GAP,
  y: TOP,
  w: 560,
  h: 560,
  color: FRAME.yellow,
}
const leviers: FrameInput = {
  id: 'leviers',
  title: t('Leviers pour ouvrir la gouvernance', 'Levers to open up governance'),
  x: W + GAP,
  y: TOP + 560 + GAP,
  w: 560,
  h: ROWS_H - 560 - GAP,
  color: FRAME.green,
}

/** Below the scale, clear of the tokens centred on its line: the name of each mark, under it. */
const MARK_LABEL = { w: 230, h: 60, dy: H - 90 }

/**
 * One component row: the two poles with the deck's descriptors, the scale between them, and its
 * marks named under it, so the board shows the five places a phone offers and the report counts.
 */
function scale(frame: FrameInput, passive: [string, string], active: [string, string]): ItemInput[] {
  const marks: ItemInput[] = MARKS.map(([fr, en], i) => ({
    id: `${frame.id}-repere-${i + 1}`,
    type: 'shape',
    shape: 'rectangle',
    frameId: frame.id,
    x: frame.x + Math.round((MARK_ZONES[i]?.x ?? 0) * W - MARK_LABEL.w / 2),
    y: frame.y + MARK_LABEL.dy,
    w: MARK_LABEL.w,
    h: MARK_LABEL.h,
    text: t(fr, en),
    locked: true,
  }))
  return [
    label(
      `${frame.id}-passive`,
      frame,
      40,
      60,
      SCALE_X - 80,
      H - 100,
      t(`Gouvernance passive / fermée : ${passive[0]}`, `Passive / closed governance: ${passive[1]}`),
    ),
    label(
      `${frame.id}-active`,
      frame,
      W - SCALE_X + 40,
      60,
      SCALE_X - 80,
      H - 100,
      t(`Gouvernance active / ouverte : ${active[0]}`, `Active / open governance: ${active[1]}`),
    ),
    {
      id: `${frame.id}-echelle`,
      type: 'shape',
      shape: 'rectangle',
      frameId: frame.id,
      x: frame.x + SCALE_X,
      y: frame.y + H / 2 - 8,
      w: SCALE_W,
      h: 16,
      color: '#adb5bd',
      locked: true,
    },
    ...marks,
  ]
}

/** Positionnement gouvernance: each participant places a token between closed and open governance. */
export const governancePositioning: TemplateInput = {
  ...BUILTIN_META,
  id: 'governance-positioning',
  title: t('Positionnement gouvernance', 'Governance self-assessment'),
  description: t(
    'Un auto-positionnement ludique : pour chaque composante de la gouvernance (stratégique, décisionnel, informationnel, relationnel, structurel), chacun place son jeton entre « gouvernance passive / fermée » et « gouvernance active / ouverte ». Le tableau montre la dispersion du groupe.',
    'A playful self-assessment: for each component of governance (strategic, decision-making, information, relationships, structure), everyone places a token between “passive / closed governance” and “active / open governance”. The board shows how the group is spread.',
  ),
  category: 'diagnosis',
  facilitation: t(
    'Chacun pose un jeton à ses initiales sur chaque échelle, d’un double-clic à l’endroit où il se situe, en privé : personne ne voit les autres avant la révélation, qui laisse chaque jeton à sa place. Une fois révélés, lisez la dispersion plutôt que la moyenne : les écarts sont le sujet de la discussion. Les mots-clés de chaque pôle viennent du support ; ils aident à se situer, ils ne jugent pas. Terminez par les leviers pour ouvrir la gouvernance là où le groupe le souhaite.',
    'Everyone puts a token with their initials on each scale, double-clicking where they stand, in private: nobody sees the others before the reveal, which leaves each token where it was put. Once revealed, read the spread rather than the average: the gaps are what to discuss. The keywords at each pole come from the deck; they help people place themselves, they do not judge. End with the levers to open up governance where the group wants to.',
  ),
  participants: { min: 3, max: 40 },
  durationMinutes: 50,
  frames: [strategique, decisionnel, informationnel, relationnel, structurel, jetons, leviers],
  items: [
    heading('titre', t('Positionnement gouvernance', 'Governance self-assessment'), W + GAP + 560),
    ...scale(
      strategique,
      [
        'informalisation, outils, globalisation, « clientélisme »',
        'informality, tools, one-size-fits-all, patronage',
      ],
      [
        'priorités, ambitions, sens, politiques publiques, personnalisation, projet',
        'priorities, ambitions, meaning, public policies, personalisation, project',
      ],
    ),
    ...scale(
      decisionnel,
      [
        '« pré-carré », individuel, pouvoir, endogène, moyens, jeu d’acteurs',
        'turf, individual, power, inward-looking, resources, power games',
      ],
      [
        'choix, arbitrages, exogène, usagers, coopération, leadership, apprentissage',
        'choices, trade-offs, outward-looking, users, cooperation, leadership, learning',
      ],
    ),
    ...scale(
      informationnel,
      ['opacité, papier', 'opacity, paper'],
      ['transparence, digitalisation', 'transparency, digital'],
    ),
    ...scale(
      relationnel,
      [
        'distance forte, cloisonnement, bilatéralité, conflits d’intérêts',
        'strong distance, silos, one-to-one dealings, conflicts of interest',
      ],
      [
        'transversalité, mode projet, proximité, réseaux, collaboratif',
        'cross-cutting work, project mode, proximity, networks, collaboration',
      ],
    ),
    ...scale(
      structurel,
      ['bureaucratie, hiérarchie, rigidité', 'bureaucracy, hierarchy, rigidity'],
      ['simplification', 'simplification'],
    ),
    instruction(
      jetons,
      t(
        'Sur chaque échelle, double-cliquez là où vous vous situez et écrivez vos initiales.',
        'On each scale, double-click where you stand and write your initials.',
      ),
    ),
    note('jeton', jetons, 200, 220, t('Vos initiales', 'Your initials'), NOTE.yellow, {
      w: 120,
      h: 120,
      example: true,
    }),
    instruction(
      leviers,
      t(
        'Là où nous voulons avancer : quels leviers, quelle première action ?',
        'Where we want to move: which levers, which first action?',
      ),
    ),
  ],
  agenda: [
    {
      id: 'etape-intro',
      title: t('Les cinq composantes', 'The five components'),
      instructions: t(
        'Parcourez les cinq échelles et leurs mots-clés.',
        'Go through the five scales and their keywords.',
      ),
      durationMinutes: 5,
      frameId: 'strategique',
    },
    {
      id: 'etape-positionnement',
      title: t('Positionnement individuel', 'Individual positioning'),
      instructions: t(
        'Sur chacune des cinq échelles, double-cliquez là où vous vous situez et écrivez vos initiales (sur un téléphone : choisissez l’échelle, puis votre position). Personne ne voit votre jeton avant la révélation.',
        'On each of the five scales, double-click where you stand and write your initials (on a phone: choose the scale, then where you stand). Nobody sees your token before the reveal.',
      ),
      durationMinutes: 10,
      frameId: 'strategique',
      moreFrames: [decisionnel, informationnel, relationnel, structurel].map((frame) => frame.id),
      mode: 'private',
    },
    {
      id: 'etape-strategique',
      title: t('Révélation : stratégique', 'Reveal: strategic'),
      instructions: t(
        'Les jetons sont révélés. Que dit la dispersion ? Qui se place aux extrémités, et pourquoi ?',
        'Tokens are revealed. What does the spread tell us? Who sits at either end, and why?',
      ),
      durationMinutes: 5,
      frameId: 'strategique',
      revealInPlace: true,
      mode: 'revealed',
    },
    {
      id: 'etape-decisionnel',
      title: t('Décisionnel', 'Decision-making'),
      instructions: t('Lisez la dispersion, discutez les écarts.', 'Read the spread, discuss the gaps.'),
      durationMinutes: 5,
      frameId: 'decisionnel',
      mode: 'revealed',
    },
    {
      id: 'etape-informationnel',
      title: t('Informationnel', 'Information'),
      instructions: t('Lisez la dispersion, discutez les écarts.', 'Read the spread, discuss the gaps.'),
      durationMinutes: 5,
      frameId: 'informationnel',
      mode: 'revealed',
    },
    {
      id: 'etape-relationnel',
      title: t('Relationnel', 'Relationships'),
      instructions: t('Lisez la dispersion, discutez les écarts.', 'Read the spread, discuss the gaps.'),
      durationMinutes: 5,
      frameId: 'relationnel',
      mode: 'revealed',
    },
    {
      id: 'etape-structurel',
      title: t('Structurel', 'Structure'),
      instructions: t('Lisez la dispersion, discutez les écarts.', 'Read the spread, discuss the gaps.'),
      durationMinutes: 5,
      frameId: 'structurel',
      mode: 'revealed',
    },
    {
      id: 'etape-leviers',
      title: t('Leviers', 'Levers'),
      instructions: t(
        'Proposez des leviers pour ouvrir la gouvernance, puis trois gommettes chacun sur les plus utiles.',
        'Propose levers to open up governance, then three dots each on the most useful.',
      ),
      durationMinutes: 10,
      frameId: 'leviers',
      vote: { budget: 3 },
    },
  ],
}
