import type { TemplateInput } from '../format.js'
import {
  BUILTIN_META,
  FRAME,
  type FrameInput,
  GAP,
  heading,
  instruction,
  label,
  NOTE,
  note,
  TOP,
  t,
} from './layout.js'

const SIZE = 1800
const OUTER = 1700
const MIDDLE = 1180
const INNER = 640
/** The project's note at the centre reaches this far: the inner ring's band starts below it. */
const PROJECT = 400
/**
 * The three rings as places a phone offers: below the centre, in each ring's band, so a note put
 * there (200 high) stays inside its ring and clear of the project at the centre.
 */
const ringZone = (fr: string, en: string, inner: number, outer: number) => ({
  title: t(fr, en),
  x: 0.5,
  y: (SIZE / 2 + (inner + outer) / 4) / SIZE,
})
const carte: FrameInput = {
  id: 'carte',
  title: t('Carte des acteurs', 'Stakeholder map'),
  x: 0,
  y: TOP,
  w: SIZE,
  h: SIZE,
  color: FRAME.grey,
  zones: [
    ringZone('Organisent, coordonnent et structurent', 'Organise, coordinate and structure', PROJECT, INNER),
    ringZone('Nourrissent', 'Feed in', INNER, MIDDLE),
    ringZone('Participent, animent et produisent', 'Take part, run activities and produce', MIDDLE, OUTER),
  ],
}
const legende: FrameInput = {
  id: 'legende',
  title: t('Qui porte quelle expertise ?', 'Who brings which expertise?'),
  x: SIZE + GAP,
  y: TOP,
  w: 560,
  h: 860,
  color: FRAME.yellow,
}
const manques: FrameInput = {
  id: 'manques',
  title: t('Qui manque ? Qui contacter ?', 'Who is missing? Whom to contact?'),
  x: SIZE + GAP,
  y: TOP + 860 + GAP,
  w: 560,
  h: SIZE - 860 - GAP,
  color: FRAME.orange,
}

/** A locked ring of the map, centred in the map frame. */
function ring(id: string, diameter: number) {
  const offset = (SIZE - diameter) / 2
  return {
    id,
    type: 'shape' as const,
    shape: 'ellipse' as const,
    frameId: carte.id,
    x: carte.x + offset,
    y: carte.y + offset,
    w: diameter,
    h: diameter,
    locked: true,
  }
}
const ringLabel = (id: string, diameter: number, fr: string, en: string) =>
  label(id, carte, (SIZE - 520) / 2, (SIZE - diameter) / 2 + 30, 520, 80, t(fr, en))

/** Carte des acteurs, after the Gers Convention Territoriale Globale: who organises, who feeds, who takes part. */
export const stakeholderMap: TemplateInput = {
  ...BUILTIN_META,
  id: 'stakeholder-map',
  title: t('Carte des acteurs', 'Stakeholder map'),
  description: t(
    'Qui organise, qui nourrit, qui participe ? Placez les acteurs d’un projet sur trois cercles et distinguez la dimension stratégique des élus, l’expertise technique des professionnels et acteurs locaux, l’expertise d’usage des bénéficiaires, aidants et citoyens. D’après la Convention Territoriale Globale gersoise des solidarités (Gers).',
    'Who organises, who feeds in, who takes part? Place a project’s stakeholders on three circles and tell apart the strategic dimension of elected officials, the technical expertise of professionals and local actors, and the lived expertise of beneficiaries, carers and citizens. After the Gers Convention Territoriale Globale for solidarity.',
  ),
  category: 'diagnosis',
  facilitation: t(
    'Un post-it par acteur, dans la couleur de son expertise (voir la légende). Au centre, ceux qui organisent, coordonnent et structurent ; au milieu, ceux qui nourrissent le projet ; à l’extérieur, ceux qui participent, animent et produisent. Cherchez ensuite les absents : les bénéficiaires et les aidants manquent souvent. Piloter le changement, c’est faire participer les acteurs concernés, internes et externes.',
    'One note per stakeholder, in the colour of their expertise (see the legend). At the centre, those who organise, coordinate and structure; in the middle, those who feed the project; outside, those who take part, run activities and produce. Then look for who is missing: beneficiaries and carers often are. Leading change means involving the people concerned, inside and outside.',
  ),
  participants: { min: 3, max: 25 },
  durationMinutes: 50,
  frames: [carte, legende, manques],
  items: [
    heading('titre', t('Carte des acteurs', 'Stakeholder map'), SIZE + GAP + 560),
    ring('cercle-participent', OUTER),
    ring('cercle-nourrissent', MIDDLE),
    ring('cercle-organisent', INNER),
    ringLabel(
      'cercle-participent-titre',
      OUTER,
      'Participent, animent et produisent',
      'Take part, run activities and produce',
    ),
    ringLabel('cercle-nourrissent-titre', MIDDLE, 'Nourrissent', 'Feed in'),
    ringLabel(
      'cercle-organisent-titre',
      INNER,
      'Organisent, coordonnent et structurent',
      'Organise, coordinate and structure',
    ),
    note(
      'projet',
      carte,
      (SIZE - 280) / 2,
      (SIZE - 160) / 2 + 40,
      t('Notre projet…', 'Our project…'),
      NOTE.yellow,
      { w: 280, h: 160, example: true },
    ),
    instruction(
      legende,
      t(
        'Un post-it par acteur, de la couleur de son expertise : choisissez-la dans la palette, d’après les post-it ci-dessous.',
        'One note per stakeholder, in the colour of their expertise: pick it in the palette, after the notes below.',
      ),
    ),
    note(
      'legende-elus',
      legende,
      40,
      170,
      t('Élus — dimension stratégique', 'Elected officials — strategic dimension'),
      NOTE.violet,
      { w: 480, h: 180 },
    ),
    note(
      'legende-professionnels',
      legende,
      40,
      380,
      t(
        'Professionnels, institutionnels et acteurs locaux — expertise technique',
        'Professionals, institutions and local actors — technical expertise',
      ),
      NOTE.blue,
      { w: 480, h: 180 },
    ),
    note(
      'legende-usagers',
      legende,
      40,
      590,
      t(
        'Bénéficiaires, aidants et citoyens — expertise d’usage',
        'Beneficiaries, carers and citizens — lived expertise',
      ),
      NOTE.green,
      { w: 480, h: 180 },
    ),
    instruction(
      manques,
      t(
        'Qui n’est pas encore autour de la table ? Qui va le contacter, et comment l’associer ?',
        'Who is not yet at the table? Who will contact them, and how will we involve them?',
      ),
    ),
  ],
  agenda: [
    {
      id: 'etape-projet',
      title: t('Le projet', 'The project'),
      instructions: t(
        'Écrivez le projet au centre de la carte.',
        'Write the project at the centre of the map.',
      ),
      durationMinutes: 5,
      frameId: 'carte',
    },
    {
      id: 'etape-lister',
      title: t('Lister les acteurs', 'List the stakeholders'),
      instructions: t(
        'Seul, un post-it par acteur, dans la couleur de son expertise. Vos post-it restent privés.',
        'Alone, one note per stakeholder, in the colour of their expertise. Your notes stay private.',
      ),
      durationMinutes: 10,
      frameId: 'legende',
      mode: 'private',
    },
    {
      id: 'etape-placer',
      title: t('Placer les acteurs', 'Place the stakeholders'),
      instructions: t(
        'Les post-it sont révélés. Placez chaque acteur sur son cercle : organise, nourrit ou participe (sur un téléphone : « Déplacer » sous chacune de vos idées).',
        'Notes are revealed. Place each stakeholder on their circle: organises, feeds in or takes part (on a phone: “Move” under each of your ideas).',
      ),
      durationMinutes: 15,
      frameId: 'carte',
      mode: 'revealed',
    },
    {
      id: 'etape-manques',
      title: t('Qui manque ?', 'Who is missing?'),
      instructions: t(
        'Repérez les absents et décidez qui les contacte.',
        'Spot who is missing and decide who contacts them.',
      ),
      durationMinutes: 10,
      frameId: 'manques',
    },
    {
      id: 'etape-vote',
      title: t('Acteurs à associer en priorité', 'Stakeholders to involve first'),
      instructions: t(
        'Trois gommettes chacun sur les acteurs à associer en priorité.',
        'Three dots each on the stakeholders to involve first.',
      ),
      durationMinutes: 5,
      frameId: 'carte',
      vote: { budget: 3 },
    },
  ],
}
