import type { TemplateInput } from '../format.js'
import {
  BUILTIN_META,
  columns,
  FRAME,
  heading,
  type ItemInput,
  instruction,
  label,
  NOTE,
  note,
  span,
  t,
} from './layout.js'

const H = 900
const frame = columns(H)
const regles = frame(0, 'regles', ['Règles et scores', 'Rules and scores'], FRAME.grey)
const manche1 = frame(1, 'manche-1', ['Manche 1 — sprint d’idées', 'Round 1 — idea sprint'], FRAME.yellow)
const manche2 = frame(2, 'manche-2', ['Manche 2 — cartes défi', 'Round 2 — challenge cards'], FRAME.orange)
const rebonds = frame(3, 'rebonds', ['Rebonds', 'Build on it'], FRAME.blue)
const quiz = frame(4, 'quiz', ['Sondage et quiz', 'Poll and quiz'], FRAME.violet)
const podium = frame(5, 'podium', ['Podium', 'Podium'], FRAME.green)

/** Three locked steps of the podium, second – first – third. */
function steps(): ItemInput[] {
  const step = (id: string, dx: number, height: number, fr: string, en: string): ItemInput[] => [
    {
      id,
      type: 'shape',
      shape: 'rectangle',
      frameId: podium.id,
      x: podium.x + dx,
      y: podium.y + H - 40 - height,
      w: 140,
      h: height,
      color: '#c9f2c7',
      locked: true,
    },
    label(`${id}-rang`, podium, dx, H - 40 - height - 70, 140, 60, t(fr, en)),
  ]
  return [
    ...step('podium-2', 60, 200, '2e', '2nd'),
    ...step('podium-1', 210, 300, '1er', '1st'),
    ...step('podium-3', 360, 120, '3e', '3rd'),
  ]
}

const card = (id: string, title: [string, string], prompt: [string, string]) => ({
  id,
  title: t(...title),
  prompt: t(...prompt),
})

/** Serious games: timed idea sprints, challenge cards, polls and quizzes, points and a podium. */
export const seriousGames: TemplateInput = {
  ...BUILTIN_META,
  id: 'serious-games',
  title: t('Serious games — sprint d’idées', 'Serious games — idea sprint'),
  description: t(
    'Une session gamifiée : manches chronométrées où l’on compte les idées par personne ou par équipe, cartes défi (analogie, contrainte frugale, acronyme, petits pas, persona usager), rebonds sur les idées des autres, sondage et quiz en direct, points et podium final.',
    'A gamified session: timed rounds counting ideas per person or team, challenge cards (analogy, frugal constraint, acronym, small steps, user persona), building on others’ ideas, live poll and quiz, points and a final podium.',
  ),
  category: 'game',
  facilitation: t(
    'Annoncez les règles et le barème dès le début : une idée rapporte 1 point, une gommette reçue 2, un rebond sur l’idée d’un autre 2, une carte défi relevée 3. Le jeu sert la créativité, pas la compétition : valorisez les rebonds et l’humour, et rappelez que toutes les idées comptent. En grand groupe, passez le score en équipes. Gardez le rythme : des manches courtes, le chrono visible, le classement affiché entre les manches.',
    'Announce the rules and scoring at the start: an idea earns 1 point, a dot received 2, building on someone else’s idea 2, a challenge card taken up 3. The game serves creativity, not competition: reward building on ideas and humour, and remind everyone that every idea counts. With a large group, score by team. Keep the pace: short rounds, the timer visible, the leaderboard shown between rounds.',
  ),
  participants: { min: 4, max: 60 },
  durationMinutes: 45,
  frames: [regles, manche1, manche2, rebonds, quiz, podium],
  items: [
    heading('titre', t('Serious games — sprint d’idées', 'Serious games — idea sprint'), span(6)),
    instruction(
      regles,
      t(
        'Le défi du jour, les règles et le barème. Le classement s’affiche entre les manches.',
        'Today’s challenge, the rules and the scoring. The leaderboard shows between rounds.',
      ),
      100,
    ),
    note('regles-defi', regles, 40, 150, t('Comment pourrions-nous… ?', 'How might we…?'), NOTE.yellow, {
      w: 480,
      h: 180,
      example: true,
    }),
    label(
      'regles-bareme',
      regles,
      40,
      370,
      480,
      300,
      t(
        'Barème : une idée = 1 point · une gommette reçue = 2 points · un rebond sur l’idée d’un autre = 2 points · une carte défi relevée = 3 points.',
        'Scoring: an idea = 1 point · a dot received = 2 points · building on someone else’s idea = 2 points · a challenge card taken up = 3 points.',
      ),
    ),
    instruction(
      manche1,
      t(
        'Trois minutes : le plus d’idées possible, une par post-it. Chaque idée rapporte un point.',
        'Three minutes: as many ideas as you can, one per note. Each idea scores a point.',
      ),
      100,
    ),
    instruction(
      manche2,
      t(
        'Tirez une carte défi et relevez-la : une idée qui respecte la carte rapporte trois points.',
        'Draw a challenge card and take it up: an idea that follows the card scores three points.',
      ),
      100,
    ),
    instruction(
      rebonds,
      t(
        'Choisissez l’idée d’un autre et améliorez-la : reliez votre post-it au sien par une flèche.',
        'Pick someone else’s idea and improve it: link your note to theirs with an arrow.',
      ),
      100,
    ),
    note('rebonds-exemple', rebonds, 40, 160, t('Et si en plus… ?', 'And what if also…?'), NOTE.blue, {
      example: true,
    }),
    instruction(
      quiz,
      t('Répondez en direct : les résultats s’affichent ici.', 'Answer live: results show here.'),
      100,
    ),
    instruction(
      podium,
      t('Les trois premiers, et un bravo à tous.', 'The top three, and well done everyone.'),
      100,
    ),
    ...steps(),
  ],
  agenda: [
    {
      id: 'etape-regles',
      title: t('Règles du jeu', 'Rules of the game'),
      instructions: t(
        'Présentez le défi, les manches et le barème.',
        'Present the challenge, the rounds and the scoring.',
      ),
      durationMinutes: 5,
      frameId: 'regles',
    },
    {
      id: 'etape-manche-1',
      title: t('Manche 1 — sprint d’idées', 'Round 1 — idea sprint'),
      instructions: t(
        'Trois minutes, le plus d’idées possible !',
        'Three minutes, as many ideas as you can!',
      ),
      durationMinutes: 3,
      frameId: 'manche-1',
      lockFrames: ['regles'],
    },
    {
      id: 'etape-manche-2',
      title: t('Manche 2 — cartes défi', 'Round 2 — challenge cards'),
      instructions: t(
        'Tirez une carte défi et relevez-la en cinq minutes.',
        'Draw a challenge card and take it up within five minutes.',
      ),
      durationMinutes: 5,
      frameId: 'manche-2',
      deckId: 'defis',
      lockFrames: ['manche-1'],
    },
    {
      id: 'etape-rebonds',
      title: t('Rebonds', 'Build on it'),
      instructions: t(
        'Améliorez les idées des autres : chaque rebond rapporte deux points.',
        'Improve other people’s ideas: each build scores two points.',
      ),
      durationMinutes: 5,
      frameId: 'rebonds',
    },
    {
      id: 'etape-vote',
      title: t('Vote', 'Vote'),
      instructions: t(
        'Trois gommettes chacun, pas sur vos propres idées : chaque gommette reçue rapporte deux points.',
        'Three dots each, not on your own ideas: each dot received scores two points.',
      ),
      durationMinutes: 5,
      frameId: 'manche-1',
      vote: { budget: 3, maxPerItem: 1 },
    },
    {
      id: 'etape-sondage',
      title: t('Sondage éclair', 'Quick poll'),
      instructions: t('Répondez en un clic.', 'Answer in one click.'),
      durationMinutes: 2,
      frameId: 'quiz',
      poll: {
        question: t('Après ce sprint, notre défi vous paraît…', 'After this sprint, our challenge feels…'),
        options: [
          { id: 'sondage-hors-portee', label: t('Hors de portée', 'Out of reach') },
          { id: 'sondage-atteignable', label: t('Atteignable', 'Within reach') },
          { id: 'sondage-a-lancer', label: t('À lancer dès demain', 'Ready to start tomorrow') },
        ],
      },
    },
    {
      id: 'etape-quiz',
      title: t('Quiz', 'Quiz'),
      instructions: t('Une question, une bonne réponse.', 'One question, one right answer.'),
      durationMinutes: 3,
      frameId: 'quiz',
      poll: {
        question: t(
          'Dans l’innovation publique en 4 phases, quelle phase suit l’idéation ?',
          'In public innovation in 4 phases, which phase follows ideation?',
        ),
        options: [
          { id: 'quiz-preparation', label: t('La préparation', 'Preparation') },
          { id: 'quiz-appropriation', label: t('L’appropriation', 'Adoption') },
          { id: 'quiz-integration', label: t('L’intégration', 'Integration') },
        ],
        correctOptionId: 'quiz-appropriation',
      },
    },
    {
      id: 'etape-podium',
      title: t('Podium', 'Podium'),
      instructions: t(
        'Le classement final, puis les idées qui méritent une suite.',
        'The final ranking, then the ideas worth following up.',
      ),
      durationMinutes: 5,
      frameId: 'podium',
    },
  ],
  decks: [
    {
      id: 'defis',
      title: t('Cartes défi', 'Challenge cards'),
      cards: [
        card(
          'defi-analogie',
          ['Analogie', 'Analogy'],
          [
            'Et si notre service était un restaurant, un jeu ou une appli ?',
            'What if our service were a restaurant, a game or an app?',
          ],
        ),
        card(
          'defi-frugale',
          ['Contrainte frugale', 'Frugal constraint'],
          [
            'Zéro budget, une semaine, avec les usagers : que faites-vous ?',
            'No budget, one week, with users: what do you do?',
          ],
        ),
        card(
          'defi-acronyme',
          ['Acronyme', 'Acronym'],
          ['Une idée par lettre du mot USAGER.', 'One idea for each letter of the word SERVICE.'],
        ),
        card(
          'defi-petits-pas',
          ['Petits pas', 'Small steps'],
          [
            'Le plus petit pas possible, faisable dès lundi.',
            'The smallest possible step, doable on Monday.',
          ],
        ),
        card(
          'defi-persona',
          ['Persona usager', 'User persona'],
          [
            'Une idée pour Karim, 19 ans, premier logement, tout sur son téléphone.',
            'An idea for Karim, 19, first flat, does everything on his phone.',
          ],
        ),
        card(
          'defi-cycle-de-vie',
          ['Cycle de vie du service', 'Service life cycle'],
          [
            'Une idée pour le moment où l’usager quitte le service.',
            'An idea for the moment the user leaves the service.',
          ],
        ),
      ],
    },
  ],
  gamification: {
    pointsPerIdea: 1,
    pointsPerVoteReceived: 2,
    pointsPerRebond: 2,
    pointsPerCardAnswered: 3,
    scoreBy: 'person',
    leaderboard: true,
  },
}
