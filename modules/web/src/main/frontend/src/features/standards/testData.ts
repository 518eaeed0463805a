/** What the fake API answers on the desk, standards and training screens' tests (the shapes of modules/standards). */
import type { DeskTopic } from '../desk/desk';
import type { CatalogueChanges, Completion, Standard, TrainingScenario } from './standards';

export const PRINCIPLE: Standard = {
  id: 'principle.equal-respect',
  kind: 'principle',
  own: false,
  reworded: false,
  title: 'Equal respect for everyone',
  summary: 'Every patron gets the same quality of service.',
  points: ['Greet each patron the same way.'],
  links: { positions: [], situations: [] },
};

export const BLAST: Standard = {
  id: 'method.blast',
  kind: 'method',
  own: false,
  reworded: false,
  title: 'BLAST',
  summary: 'Five steps for a complaint.',
  steps: [
    { name: 'Believe', action: 'Take the account as true for them.', say: ['I can see why that is frustrating.'], avoid: ["That can't be right."] },
    { name: 'Listen', action: 'Let them finish.', say: [], avoid: ['Interrupting <b>them</b>.'] },
  ],
};

/** A guide the library reworded, linked to a position and an escalation situation. */
export const GRUMPY: Standard = {
  id: 'guide.grumpy-or-abusive',
  kind: 'response-guide',
  own: false,
  reworded: true,
  title: 'Grumpy or abusive: where the line is',
  summary: 'Our words: grumpy is allowed, threats are not.',
  points: ['Stay calm.', 'Call the person in charge at the first threat.'],
  avoid: ['Arguing back.'],
  original: {
    title: 'Grumpy versus abusive behaviour',
    summary: 'The shared words: rudeness is not abuse.',
    points: ['Keep your voice low.'],
  },
  links: {
    positions: [
      { code: 'branch-manager', name: 'Branch manager' },
      { code: 'director', name: 'Director' },
    ],
    situations: [{ code: 'difficult-situation', name: 'A difficult or abusive situation with a patron' }],
  },
};

export const OWN_CHECKLIST: Standard = {
  id: 'own.desk-opening',
  kind: 'checklist',
  own: true,
  reworded: false,
  title: 'Opening the desk',
  summary: 'Before the doors open.',
  points: ['Sign in to the desk computer.', 'Clear the screen of the last patron.', 'Wear your name tag.'],
};

export const SCENARIO_STANDARD: Standard = {
  id: 'scenario.benefits-form',
  kind: 'scenario',
  own: false,
  reworded: false,
  title: 'A patron asks you to fill in an application',
  summary: 'Where technology help ends.',
  scenario: { situation: 'A patron asks you to complete a benefits form.', choices: [], recommended: 'b', why: 'Secret why' },
};

/** In the library's order: its checklist first, then the shared entries. */
export const STANDARDS: Standard[] = [OWN_CHECKLIST, GRUMPY, PRINCIPLE, SCENARIO_STANDARD, BLAST];

export const TOPICS: DeskTopic[] = [
  { kind: 'policy', id: 'fines', title: 'Fines and fees', snippet: 'Overdue fines are waived for children', rank: 0.9 },
  { kind: 'response-guide', id: GRUMPY.id, title: GRUMPY.title, snippet: 'when a patron shouts', rank: 0.7 },
  { kind: 'scenario', id: SCENARIO_STANDARD.id, title: SCENARIO_STANDARD.title, snippet: null, rank: 0.2 },
];

export const TRAINING: TrainingScenario[] = [
  {
    id: 'scenario.benefits-form',
    title: 'A patron asks you to fill in an application',
    situation: 'A patron asks you to complete a benefits form. Two others wait.',
    choices: [
      { key: 'a', text: 'Fill it in for him.' },
      { key: 'b', text: 'Show the first steps and offer an appointment.' },
      { key: 'c', text: 'Say staff do not help with forms.' },
    ],
    done: true,
    chosen: 'a',
  },
  {
    id: 'scenario.someone-else',
    title: '"Someone else was allowed to"',
    situation: 'A patron says another staff member let him print for free.',
    choices: [
      { key: 'a', text: 'Let him print for free too.' },
      { key: 'b', text: 'Explain the policy and the one-time exception.' },
    ],
    done: false,
    chosen: null,
  },
];

export const COMPLETION: Completion = {
  scenarios: 2,
  staff: [
    { staffId: 's-1', tagName: 'José', branch: 'PINE-HOLLOW', done: 2 },
    { staffId: 's-2', tagName: 'Zoë <b>Ω</b>', branch: 'HQ', done: 0 },
  ],
};

export const CHANGES: CatalogueChanges = {
  reviewedVersion: 1,
  currentVersion: 2,
  changes: [
    {
      id: GRUMPY.id,
      kind: 'response-guide',
      title: GRUMPY.title,
      what: 'changed',
      fromVersion: 1,
      toVersion: 2,
      changedParts: ['en.points', 'es-US.points'],
      adopted: true,
      rewordedIn: ['en'],
    },
    { id: 'guide.new-one', kind: 'response-guide', title: 'Lost children', what: 'added', toVersion: 1, changedParts: [], adopted: true, rewordedIn: [] },
  ],
};
