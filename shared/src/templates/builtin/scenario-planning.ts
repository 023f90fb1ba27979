import type { TemplateInput } from '../format.js'
import {
  BUILTIN_META,
  col,
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

// Row 1: trends by domain, then the two key uncertainties.
const TRENDS_H = 1000
const domain = columns(TRENDS_H)
const societe = domain(0, 'societe', ['Société', 'Society'], FRAME.yellow)
const technologie = domain(1, 'technologie', ['Technologie', 'Technology'], FRAME.blue)
const economie = domain(2, 'economie', ['Économie', 'Economy'], FRAME.green)
const politique = domain(3, 'politique', ['Politique', 'Politics'], FRAME.violet)
const incertitudes: FrameInput = {
  id: 'incertitudes',
  title: t('Deux incertitudes clés', 'Two key uncertainties'),
  x: col(4),
  y: TOP,
  w: span(1),
  h: TRENDS_H,
  color: FRAME.orange,
}

// Row 2: the 2×2 of scenarios, axes labelled around it.
// The first uncertainty's labels, then room for the scenarios' titles at any zoom.
const S_Y = TOP + TRENDS_H + 300
const S_X = 240
const S_W = 1000
const S_H = 640
const scenario = (i: number, j: number, n: number): FrameInput => ({
  id: `scenario-${n}`,
  title: t(`Scénario ${n}`, `Scenario ${n}`),
  x: S_X + i * (S_W + GAP),
  y: S_Y + j * (S_H + GAP),
  w: S_W,
  h: S_H,
  color: FRAME.grey,
})
const s1 = scenario(0, 0, 1)
const s2 = scenario(1, 0, 2)
const s3 = scenario(0, 1, 3)
const s4 = scenario(1, 1, 4)

// Row 3: robust strategies.
const R_Y = S_Y + 2 * S_H + GAP + 120
const strategy = (i: number, id: string, title: [string, string]): FrameInput => ({
  id,
  title: t(...title),
  x: col(i),
  y: R_Y,
  w: span(1),
  h: 700,
  color: FRAME.green,
})
const alignement = strategy(0, 'alignement', ['Alignement', 'Alignment'])
const retrait = strategy(1, 'retrait', ['Retrait', 'Withdrawal'])
const nouveauxServices = strategy(2, 'nouveaux-services', ['Nouveaux services', 'New services'])
const reorganisation = strategy(3, 'reorganisation', ['Réorganisation', 'Reorganisation'])

const trend = (id: string, frame: FrameInput, slot: number, fr: string, en: string, color: string) =>
  note(id, frame, 40 + (slot % 2) * 260, 180 + Math.floor(slot / 2) * 240, t(fr, en), color)

const axisLabel = (id: string, x: number, y: number, w: number, fr: string, en: string) => ({
  id,
  type: 'text' as const,
  x,
  y,
  w,
  h: 80,
  text: t(fr, en),
  locked: true,
})

/** The four kinds of strategy, which their sorting and their vote span. */
const FOUR_STRATEGIES = {
  frameId: 'alignement',
  moreFrames: ['retrait', 'nouveaux-services', 'reorganisation'],
}

/** The four domains of trends, which the writing, the reveal and the first vote span. */
const FOUR_DOMAINS = { frameId: 'societe', moreFrames: ['technologie', 'economie', 'politique'] }

/** Planification par scénarios: trends and uncertainties → 2×2 scenarios → robust strategies. */
export const scenarioPlanning: TemplateInput = {
  ...BUILTIN_META,
  id: 'scenario-planning',
  title: t('Planification par scénarios', 'Scenario planning'),
  description: t(
    'Outil de prospective : identifier les tendances et incertitudes clés (société, technologie, économie, politique), croiser deux incertitudes pour obtenir quatre scénarios, puis développer des stratégies robustes : alignement, retrait, nouveaux services, réorganisation.',
    'A foresight tool: identify trends and key uncertainties (society, technology, economy, politics), cross two uncertainties into four scenarios, then develop robust strategies: alignment, withdrawal, new services, reorganisation.',
  ),
  category: 'strategy',
  facilitation: t(
    'Une tendance est probable (le vieillissement), une incertitude peut basculer dans un sens ou dans l’autre (le coût de l’énergie). Choisissez deux incertitudes à fort impact et indépendantes l’une de l’autre : elles forment les axes. Donnez un nom parlant à chaque scénario et racontez-le comme une journée d’usager en 2035. Une stratégie robuste tient la route dans plusieurs scénarios : c’est elle que l’on retient.',
    'A trend is likely (ageing); an uncertainty may swing either way (the cost of energy). Choose two high-impact uncertainties that do not depend on each other: they form the axes. Give each scenario a vivid name and tell it as a user’s day in 2035. A robust strategy holds in several scenarios: that is the one to keep.',
  ),
  participants: { min: 4, max: 24 },
  durationMinutes: 120,
  frames: [
    societe,
    technologie,
    economie,
    politique,
    incertitudes,
    s1,
    s2,
    s3,
    s4,
    alignement,
    retrait,
    nouveauxServices,
    reorganisation,
  ],
  items: [
    heading('titre', t('Planification par scénarios', 'Scenario planning'), span(5)),
    instruction(societe, t('Tendances et incertitudes de société.', 'Social trends and uncertainties.'), 100),
    trend('societe-1', societe, 0, 'Réseaux sociaux', 'Social media', NOTE.yellow),
    trend('societe-2', societe, 1, 'Urbanisation', 'Urbanisation', NOTE.yellow),
    trend('societe-3', societe, 2, 'Vieillissement', 'Ageing', NOTE.yellow),
    trend('societe-4', societe, 3, 'Immigration', 'Immigration', NOTE.yellow),
    instruction(
      technologie,
      t('Tendances et incertitudes technologiques.', 'Technology trends and uncertainties.'),
      100,
    ),
    trend(
      'techno-1',
      technologie,
      0,
      'Capteurs / internet des objets',
      'Sensors / internet of things',
      NOTE.blue,
    ),
    trend('techno-2', technologie, 1, 'Intelligence artificielle', 'Artificial intelligence', NOTE.blue),
    trend('techno-3', technologie, 2, 'Sécurité', 'Security', NOTE.blue),
    instruction(
      economie,
      t('Tendances et incertitudes économiques.', 'Economic trends and uncertainties.'),
      100,
    ),
    trend('eco-1', economie, 0, 'Coût de l’énergie', 'Cost of energy', NOTE.green),
    trend('eco-2', economie, 1, 'Ubérisation / e-commerce', 'Uberisation / e-commerce', NOTE.green),
    trend('eco-3', economie, 2, 'Silver économie', 'Silver economy', NOTE.green),
    instruction(
      politique,
      t('Tendances et incertitudes politiques.', 'Political trends and uncertainties.'),
      100,
    ),
    trend('poli-1', politique, 0, 'Union européenne', 'European Union', NOTE.violet),
    trend('poli-2', politique, 1, 'Global / local', 'Global / local', NOTE.violet),
    trend('poli-3', politique, 2, 'Réglementations', 'Regulations', NOTE.violet),
    instruction(
      incertitudes,
      t(
        'Déplacez ici les deux incertitudes les plus structurantes. Pour chacune, écrivez ses deux issues possibles.',
        'Move here the two most decisive uncertainties. For each, write its two possible outcomes.',
      ),
    ),
    note(
      'incertitude-a',
      incertitudes,
      40,
      180,
      t('Incertitude A : … ou …', 'Uncertainty A: … or …'),
      NOTE.orange,
      {
        w: 480,
        h: 160,
        example: true,
      },
    ),
    note(
      'incertitude-b',
      incertitudes,
      40,
      380,
      t('Incertitude B : … ou …', 'Uncertainty B: … or …'),
      NOTE.orange,
      {
        w: 480,
        h: 160,
        example: true,
      },
    ),
    axisLabel(
      'axe-a-1',
      S_X,
      S_Y - 220,
      S_W,
      '← Incertitude A : première issue',
      '← Uncertainty A: first outcome',
    ),
    axisLabel(
      'axe-a-2',
      S_X + S_W + GAP,
      S_Y - 220,
      S_W,
      'Incertitude A : seconde issue →',
      'Uncertainty A: second outcome →',
    ),
    axisLabel(
      'axe-b-1',
      0,
      S_Y + S_H / 2 - 40,
      220,
      'Incertitude B : première issue ↑',
      'Uncertainty B: first outcome ↑',
    ),
    axisLabel(
      'axe-b-2',
      0,
      S_Y + S_H + GAP + S_H / 2 - 40,
      220,
      'Incertitude B : seconde issue ↓',
      'Uncertainty B: second outcome ↓',
    ),
    ...[s1, s2, s3, s4].flatMap((frame) => [
      instruction(
        frame,
        t(
          'Donnez un nom au scénario. Racontez-le : que vivent les usagers, les agents, les élus ? Quelles conséquences pour nos services ?',
          'Name the scenario. Tell it: what do users, staff and elected officials experience? What does it mean for our services?',
        ),
      ),
      note(`${frame.id}-nom`, frame, 40, 180, t('Nom du scénario', 'Scenario name'), NOTE.grey, {
        w: 400,
        h: 120,
        example: true,
      }),
    ]),
    instruction(
      alignement,
      t('S’aligner : adapter l’existant à l’évolution.', 'Align: adapt what exists to the change.'),
      100,
    ),
    instruction(
      retrait,
      t('Se retirer : ce que nous cesserons de faire.', 'Withdraw: what we will stop doing.'),
      100,
    ),
    instruction(nouveauxServices, t('Inventer de nouveaux services.', 'Invent new services.'), 100),
    instruction(
      reorganisation,
      t(
        'Nous réorganiser : structures, process, partenariats.',
        'Reorganise: structures, processes, partnerships.',
      ),
      100,
    ),
    note('strategie-exemple', alignement, 40, 160, t('Une stratégie…', 'A strategy…'), NOTE.green, {
      example: true,
    }),
  ],
  agenda: [
    {
      id: 'etape-tendances',
      title: t('Tendances et incertitudes', 'Trends and uncertainties'),
      instructions: t(
        'Seul, complétez les quatre domaines : une tendance ou une incertitude par post-it.',
        'Alone, fill in the four domains: one trend or uncertainty per note.',
      ),
      durationMinutes: 15,
      ...FOUR_DOMAINS,
      mode: 'private',
    },
    {
      id: 'etape-partage',
      title: t('Mise en commun', 'Sharing'),
      instructions: t(
        'Les post-it sont révélés. Distinguez ce qui est probable (tendance) de ce qui peut basculer (incertitude).',
        'Notes are revealed. Tell what is likely (trend) from what may swing (uncertainty).',
      ),
      durationMinutes: 10,
      ...FOUR_DOMAINS,
      mode: 'revealed',
    },
    {
      id: 'etape-vote-incertitudes',
      title: t('Incertitudes clés', 'Key uncertainties'),
      instructions: t(
        'Trois gommettes chacun sur les incertitudes au plus fort impact pour nos politiques publiques.',
        'Three dots each on the uncertainties with the greatest impact on our public policies.',
      ),
      durationMinutes: 5,
      ...FOUR_DOMAINS,
      vote: { budget: 3 },
    },
    {
      id: 'etape-axes',
      title: t('Choisir les axes', 'Choose the axes'),
      instructions: t(
        'Retenez les deux incertitudes les mieux classées et écrivez leurs deux issues possibles.',
        'Keep the two top-ranked uncertainties and write their two possible outcomes.',
      ),
      durationMinutes: 10,
      frameId: 'incertitudes',
    },
    {
      id: 'etape-scenarios',
      title: t('Quatre scénarios', 'Four scenarios'),
      instructions: t(
        'Par équipe, un scénario chacune : nommez-le et racontez-le.',
        'In teams, one scenario each: name it and tell it.',
      ),
      durationMinutes: 25,
      frameId: 'scenario-1',
      moreFrames: ['scenario-2', 'scenario-3', 'scenario-4'],
      lockFrames: ['incertitudes'],
    },
    {
      id: 'etape-strategies',
      title: t('Stratégies robustes', 'Robust strategies'),
      instructions: t(
        'Quelles stratégies tiennent dans plusieurs scénarios ? Classez-les : alignement, retrait, nouveaux services, réorganisation.',
        'Which strategies hold in several scenarios? Sort them: alignment, withdrawal, new services, reorganisation.',
      ),
      durationMinutes: 25,
      ...FOUR_STRATEGIES,
    },
    {
      id: 'etape-vote-strategies',
      title: t('Vote', 'Vote'),
      instructions: t(
        'Trois gommettes chacun sur les stratégies à approfondir.',
        'Three dots each on the strategies to develop further.',
      ),
      durationMinutes: 5,
      ...FOUR_STRATEGIES,
      vote: { budget: 3 },
    },
  ],
}
