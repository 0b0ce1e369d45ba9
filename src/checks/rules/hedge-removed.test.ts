import { ruleTester } from '../tester.js';
import { hedgeRemoved } from './hedge-removed.js';

ruleTester(hedgeRemoved, {
  valid: [
    {
      name: 'hedge kept',
      source: 'Engineers may need until Friday to repair the fault.',
      derived: 'Engineers may need until Friday to fix the fault.',
    },
    {
      name: 'hedge of the same class in other words',
      source: 'Engineers may need until Friday to repair the fault.',
      derived: 'Engineers could need until Friday to repair the fault.',
    },
  ],
  invalid: [
    {
      name: '"may" dropped',
      source: 'Engineers may need until Friday to repair the fault.',
      derived: 'Engineers will need until Friday to repair the fault.',
      errors: [
        {
          messageId: 'removed',
          source: 'may',
          derived: 'Engineers will need until Friday to repair the fault.',
          expected: 'may',
        },
      ],
    },
    {
      name: '"is expected to" dropped',
      source: 'The line between Frankfurt and Cologne is expected to reopen in late 2027.',
      derived: 'The line between Frankfurt and Cologne will reopen in late 2027.',
      errors: [{ messageId: 'removed', derived: 'The line between Frankfurt and Cologne will reopen in late 2027.' }],
    },
  ],
});
