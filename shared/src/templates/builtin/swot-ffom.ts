import type { TemplateInput } from '../format.js'
import {
  BUILTIN_META,
  FRAME,
  type FrameInput,
  GAP,
  heading,
  instruction,
  NOTE,
  note,
  TOP,
  t,
} from './layout.js'

const W = 860
const H = 620
const X0 = 200
// The axis labels above the quadrants, then room for the quadrants' titles at any zoom.
const Y0 = TOP + 200
const quadrant = (i: number, j: number, id: string, title: [string, string], color: string): FrameInput => ({
  id,
  title: t(...title),
  x: X0 + i * (W + GAP),
  y: Y0 + j * (H + GAP),
  w: W,
  h: H,
  color,
})
const forces = quadrant(0, 0, 'forces', ['Forces', 'Strengths'], FRAME.green)
const faiblesses = quadrant(1, 0, 'faiblesses', ['Faiblesses', 'Weaknesses'], FRAME.pink)
const opportunites = quadrant(0, 1, 'opportunites', ['Opportunités', 'Opportunities'], FRAME.blue)
const menaces = quadrant(1, 1, 'menaces', ['Menaces', 'Threats'], FRAME.orange)
const enjeux: FrameInput = {
  id: 'enjeux',
  title: t('Enjeux stratégiques', 'Strategic issues'),
  x: X0 + 2 * (W + GAP),
  y: Y0,
  w: 560,
  h: 2 * H + GAP,
  color: FRAME.violet,
}
const GRID_W = 2 * W + GAP

const axis = (id: string, x: number, y: number, w: number, fr: string, en: string) => ({
  id,
  type: 'text' as const,
  x,
  y,
  w,
  h: 60,
  text: t(fr, en),
  locked: true,
})

/** Diagnostic FFOM (SWOT): internal strengths and weaknesses, external opportunities and threats. */
export const swotFfom: TemplateInput = {
  ...BUILTIN_META,
  id: 'swot-ffom',
  title: t('Diagnostic FFOM', 'SWOT analysis'),
  description: t(
    'Forces, faiblesses, opportunités, menaces : le diagnostic stratégique d’un service, d’une politique publique ou d’un projet, puis les enjeux qui en découlent.',
    'Strengths, weaknesses, opportunities, threats: the strategic diagnosis of a service, a public policy or a project, then the issues that follow from it.',
  ),
  category: 'diagnosis',
  facilitation: t(
    'Forces et faiblesses sont internes (ce qui dépend de nous), opportunités et menaces externes (l’environnement : usagers, partenaires, réglementation, tendances). Faites écrire en privé pour éviter que les premières idées n’orientent le groupe. Une faiblesse peut cacher une opportunité : c’est en croisant les quatre cadrans que l’on formule les enjeux.',
    'Strengths and weaknesses are internal (what depends on us), opportunities and threats external (the environment: users, partners, regulation, trends). Have people write in private so the first ideas do not steer the group. A weakness may hide an opportunity: crossing the four quadrants is how the issues are phrased.',
  ),
  participants: { min: 3, max: 30 },
  durationMinutes: 60,
  frames: [forces, faiblesses, opportunites, menaces, enjeux],
  items: [
    heading('titre', t('Diagnostic FFOM', 'SWOT analysis'), X0 + GRID_W + GAP + 560),
    axis('axe-positif', X0, TOP, W, 'Positif', 'Helpful'),
    axis('axe-negatif', X0 + W + GAP, TOP, W, 'Négatif', 'Harmful'),
    axis('axe-interne', 0, Y0 + H / 2 - 30, 180, 'Interne', 'Internal'),
    axis('axe-externe', 0, Y0 + H + GAP + H / 2 - 30, 180, 'Externe', 'External'),
    instruction(
      forces,
      t(
        'Sur quoi pouvons-nous nous appuyer ? Ce que nous faisons bien.',
        'What can we build on? What we do well.',
      ),
      80,
    ),
    note('forces-exemple', forces, 40, 140, t('Une force…', 'A strength…'), NOTE.green, { example: true }),
    instruction(
      faiblesses,
      t('Ce qui nous freine, ce que nous faisons moins bien.', 'What holds us back, what we do less well.'),
      80,
    ),
    note('faiblesses-exemple', faiblesses, 40, 140, t('Une faiblesse…', 'A weakness…'), NOTE.pink, {
      example: true,
    }),
    instruction(
      opportunites,
      t(
        'Ce qui, dans l’environnement, peut nous aider : usagers, partenaires, tendances, réglementation.',
        'What in the environment may help us: users, partners, trends, regulation.',
      ),
      80,
    ),
    note('opportunites-exemple', opportunites, 40, 140, t('Une opportunité…', 'An opportunity…'), NOTE.blue, {
      example: true,
    }),
    instruction(
      menaces,
      t('Ce qui, dans l’environnement, peut nous nuire.', 'What in the environment may harm us.'),
      80,
    ),
    note('menaces-exemple', menaces, 40, 140, t('Une menace…', 'A threat…'), NOTE.orange, { example: true }),
    instruction(
      enjeux,
      t(
        'En croisant les quatre cadrans : quels enjeux pour les années à venir ? Une phrase par enjeu.',
        'Crossing the four quadrants: which issues for the coming years? One sentence per issue.',
      ),
    ),
    note('enjeux-exemple', enjeux, 40, 180, t('Un enjeu…', 'An issue…'), NOTE.violet, {
      w: 480,
      h: 140,
      example: true,
    }),
  ],
  agenda: [
    {
      id: 'etape-interne',
      title: t('Forces et faiblesses', 'Strengths and weaknesses'),
      instructions: t(
        'Seul, notez forces et faiblesses : ce qui dépend de nous. Vos post-it restent privés.',
        'Alone, note strengths and weaknesses: what depends on us. Your notes stay private.',
      ),
      durationMinutes: 8,
      frameId: 'forces',
      moreFrames: ['faiblesses'],
      mode: 'private',
    },
    {
      id: 'etape-externe',
      title: t('Opportunités et menaces', 'Opportunities and threats'),
      instructions: t(
        'Seul, notez opportunités et menaces : ce qui vient de l’environnement. Toujours en privé.',
        'Alone, note opportunities and threats: what comes from the environment. Still private.',
      ),
      durationMinutes: 8,
      frameId: 'opportunites',
      moreFrames: ['menaces'],
      mode: 'private',
    },
    {
      id: 'etape-partage',
      title: t('Mise en commun', 'Sharing'),
      instructions: t(
        'Les post-it sont révélés. Regroupez les doublons et vérifiez que chacun est dans le bon cadran.',
        'Notes are revealed. Merge duplicates and check each one sits in the right quadrant.',
      ),
      durationMinutes: 15,
      frameId: 'forces',
      moreFrames: ['faiblesses', 'opportunites', 'menaces'],
      mode: 'revealed',
    },
    {
      id: 'etape-enjeux',
      title: t('Enjeux stratégiques', 'Strategic issues'),
      instructions: t(
        'Croisez les cadrans et formulez les enjeux.',
        'Cross the quadrants and phrase the issues.',
      ),
      durationMinutes: 15,
      frameId: 'enjeux',
    },
    {
      id: 'etape-vote',
      title: t('Vote', 'Vote'),
      instructions: t(
        'Trois gommettes chacun sur les enjeux prioritaires.',
        'Three dots each on the priority issues.',
      ),
      durationMinutes: 5,
      frameId: 'enjeux',
      vote: { budget: 3 },
    },
  ],
}
