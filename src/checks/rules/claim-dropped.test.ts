import { ruleTester } from '../tester.js';
import { claimDropped } from './claim-dropped.js';

ruleTester(claimDropped, {
  valid: [
    {
      name: 'every sentence carried over',
      source: 'Nearly 300 trains were cancelled on Tuesday. The authority blamed a signalling fault.',
      derived: 'Almost 300 trains were cancelled on Tuesday. A signalling fault was to blame, the authority said.',
      links: [
        [0, 0],
        [1, 1],
      ],
    },
    {
      name: 'an unmatched heading is not a claim',
      source: '# Rail chaos in Germany\n\nNearly 300 trains were cancelled on Tuesday.',
      derived: 'Almost 300 trains were cancelled on Tuesday.',
      links: [[1, 0]],
    },
    {
      name: 'a dateline fragment is not a claim',
      source: 'BERLIN, Tuesday.\n\nNearly 300 trains were cancelled across Germany.',
      derived: 'Almost 300 trains were cancelled across Germany.',
      links: [[1, 0]],
    },
  ],
  invalid: [
    {
      name: 'one dropped sentence yields one finding',
      source:
        'Nearly 300 trains were cancelled on Tuesday. The opposition Green Party said the network had been neglected for a decade.',
      derived: 'Almost 300 trains were cancelled on Tuesday.',
      links: [[0, 0]],
      errors: [
        {
          messageId: 'dropped',
          source: 'The opposition Green Party said the network had been neglected for a decade.',
          derived: null,
        },
      ],
    },
  ],
});
