import type { TemplateInput } from '../format.js'
import {
  BUILTIN_META,
  col,
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

const H = 760

const defi: FrameInput = {
  id: 'defi',
  title: t('1. Le défi', '1. The challenge'),
  x: col(0),
  y: TOP,
  w: span(1),
  h: H,
  color: FRAME.yellow,
}
const idees: FrameInput = {
  id: 'idees',
  title: t('2. Nos idées', '2. Our ideas'),
  x: col(1),
  y: TOP,
  w: span(2),
  h: H,
  color: FRAME.blue,
}
const familles: FrameInput = {
  id: 'familles',
  title: t('3. Familles d’idées et vote', '3. Idea clusters and vote'),
  x: col(3),
  y: TOP,
  w: span(2),
  h: H,
  color: FRAME.violet,
}
const suite: FrameInput = {
  id: 'suite',
  title: t('4. Prochaines étapes', '4. Next steps'),
  x: col(5),
  y: TOP,
  w: span(1),
  h: H,
  color: FRAME.green,
}

/** Atelier d'idéation: challenge → private divergence → share and cluster → dot vote → next steps. */
export const ideation: TemplateInput = {
  ...BUILTIN_META,
  id: 'ideation',
  title: t('Atelier d’idéation', 'Ideation workshop'),
  description: t(
    'Du défi « Comment pourrions-nous… ? » aux prochaines étapes : divergence en écriture privée, partage et regroupement, vote par gommettes. Les techniques de créativité du support (analogie, créativité frugale, acronyme, petits pas, cycle de vie du service) sont proposées en cartes.',
    'From a “How might we…?” challenge to next steps: private divergent writing, sharing and clustering, dot voting. The deck’s creativity techniques (analogy, frugal creativity, acronym, small steps, service life cycle) come as prompt cards.',
  ),
  category: 'ideation',
  facilitation: t(
    'Reformulez le défi avec le commanditaire avant l’atelier : une seule question, centrée sur l’usager, ni trop large ni trop étroite. Pendant la divergence, la quantité prime : pas de jugement, une idée par post-it. Si le groupe sèche, tirez une carte de créativité. Au regroupement, faites nommer chaque famille par le groupe. Terminez toujours par un petit pas concret, un porteur et une date : le droit à l’erreur se pratique en testant vite et petit.',
    'Rephrase the challenge with the sponsor before the workshop: one question, centred on the user, neither too broad nor too narrow. During divergence, quantity comes first: no judging, one idea per note. If the group runs dry, draw a creativity card. When clustering, let the group name each cluster. Always end with a concrete small step, an owner and a date: the right to fail is practised by testing small and fast.',
  ),
  participants: { min: 3, max: 30 },
  durationMinutes: 45,
  frames: [defi, idees, familles, suite],
  items: [
    heading('titre', t('Atelier d’idéation', 'Ideation workshop'), span(6)),
    instruction(
      defi,
      t(
        'Formulez le défi en une question : « Comment pourrions-nous… ? ». Pour qui ? Avec quelle contrainte ?',
        'Phrase the challenge as one question: “How might we…?”. For whom? Under which constraint?',
      ),
    ),
    note('defi-question', defi, 40, 180, t('Comment pourrions-nous… ?', 'How might we…?'), NOTE.yellow, {
      w: 480,
      h: 240,
      example: true,
    }),
    instruction(
      idees,
      t(
        'Seul et en silence : une idée par post-it, le plus d’idées possible. Personne ne voit les vôtres avant la mise en commun. À court d’idées ? Tirez une carte de créativité.',
        'Alone and in silence: one idea per note, as many as you can. Nobody sees yours before the reveal. Out of ideas? Draw a creativity card.',
      ),
    ),
    note('idees-exemple', idees, 40, 180, t('Une idée par post-it', 'One idea per note'), NOTE.blue, {
      example: true,
    }),
    instruction(
      familles,
      t(
        'Présentez vos idées en une phrase, rapprochez celles qui se ressemblent et donnez un nom à chaque famille. Puis votez : 3 gommettes chacun.',
        'Present your ideas in one sentence each, group the similar ones and name each cluster. Then vote: 3 dots each.',
      ),
    ),
    note('familles-exemple', familles, 40, 180, t('Nom de la famille', 'Cluster name'), NOTE.violet, {
      h: 120,
      example: true,
    }),
    instruction(
      suite,
      t(
        'Pour chaque idée retenue : le plus petit pas à faire dès lundi, qui le porte, pour quand.',
        'For each idea kept: the smallest step to take on Monday, who owns it, by when.',
      ),
    ),
    note(
      'suite-exemple',
      suite,
      40,
      180,
      t(
        'Idée retenue → premier petit pas → qui → pour quand',
        'Idea kept → first small step → who → by when',
      ),
      NOTE.green,
      { w: 480, h: 160, example: true },
    ),
  ],
  agenda: [
    {
      id: 'etape-defi',
      title: t('Le défi', 'The challenge'),
      instructions: t(
        'Lisez le défi ensemble et ajustez-le jusqu’à ce que chacun puisse le redire avec ses mots.',
        'Read the challenge together and adjust it until everyone can say it in their own words.',
      ),
      durationMinutes: 5,
      frameId: 'defi',
      mode: 'open',
    },
    {
      id: 'etape-divergence',
      title: t('Divergence en privé', 'Private divergence'),
      instructions: t(
        'Écrivez vos idées chacun·e de votre côté, une par post-it. Elles restent privées jusqu’à la mise en commun.',
        'Write your ideas on your own, one per note. They stay private until the reveal.',
      ),
      durationMinutes: 5,
      frameId: 'idees',
      mode: 'private',
      lockFrames: ['defi'],
      deckId: 'creativite',
      tools: 'simple',
    },
    {
      id: 'etape-partage',
      title: t('Partage et regroupement', 'Share and cluster'),
      instructions: t(
        'Les idées sont révélées. Chacun présente les siennes, puis le groupe les range en familles.',
        'Ideas are revealed. Everyone presents theirs, then the group sorts them into clusters.',
      ),
      durationMinutes: 10,
      frameId: 'familles',
      mode: 'revealed',
      // Sorting everybody's notes into clusters: the group moves each other's notes and frames them.
      tools: 'complet',
      ownItemsOnly: false,
    },
    {
      id: 'etape-vote',
      title: t('Vote par gommettes', 'Dot vote'),
      instructions: t(
        'Trois gommettes chacun, à placer sur les idées ou familles à approfondir.',
        'Three dots each, to place on the ideas or clusters worth taking further.',
      ),
      durationMinutes: 5,
      frameId: 'familles',
      mode: 'open',
      vote: { budget: 3 },
      tools: 'simple',
      ownItemsOnly: true,
    },
    {
      id: 'etape-suite',
      title: t('Prochaines étapes', 'Next steps'),
      instructions: t(
        'Pour les idées les mieux classées : premier petit pas, porteur, échéance.',
        'For the top-ranked ideas: first small step, owner, deadline.',
      ),
      durationMinutes: 10,
      frameId: 'suite',
      mode: 'open',
    },
  ],
  decks: [
    {
      id: 'creativite',
      title: t('Techniques de créativité', 'Creativity techniques'),
      cards: [
        {
          id: 'analogie',
          title: t('Analogie', 'Analogy'),
          prompt: t(
            'Et si notre service était un restaurant ? Un jeu ? Une appli ? Qu’est-ce qui changerait pour l’usager ?',
            'What if our service were a restaurant? A game? An app? What would change for the user?',
          ),
        },
        {
          id: 'frugale',
          title: t('Créativité frugale', 'Frugal creativity'),
          prompt: t(
            'Sans budget, en une semaine, avec les usagers : que pourrions-nous faire dès maintenant ?',
            'With no budget, in one week, with users: what could we do right now?',
          ),
        },
        {
          id: 'acronyme',
          title: t('Acronyme', 'Acronym'),
          prompt: t(
            'Prenez un mot clé du défi (par exemple USAGER) : trouvez une idée qui commence par chacune de ses lettres.',
            'Take a key word of the challenge (for example SERVICE): find an idea starting with each of its letters.',
          ),
        },
        {
          id: 'petits-pas',
          title: t('Petits pas', 'Small steps'),
          prompt: t(
            'Quel est le plus petit pas que nous pourrions faire dès lundi, sans rien demander à personne ?',
            'What is the smallest step we could take on Monday, without asking anyone’s permission?',
          ),
        },
        {
          id: 'cycle-de-vie',
          title: t('Cycle de vie du service', 'Service life cycle'),
          prompt: t(
            'Suivez le service de bout en bout : s’informer, demander, obtenir, utiliser, en sortir. Une idée pour chaque étape.',
            'Follow the service end to end: finding out, applying, getting it, using it, leaving it. One idea for each stage.',
          ),
        },
        {
          id: 'persona',
          title: t('Persona usager', 'User persona'),
          prompt: t(
            'Mettez-vous à la place de Jeanne, 78 ans, seule en zone rurale, sans ordinateur. Que lui proposeriez-vous ?',
            'Put yourself in the shoes of Jeanne, 78, living alone in the countryside, with no computer. What would you offer her?',
          ),
        },
      ],
    },
  ],
}
