import { ruleTester } from '../tester.js';
import { entityDropped } from './entity-dropped.js';

ruleTester(entityDropped, {
  valid: [
    {
      name: 'entity named elsewhere in the rewrite',
      source: 'Police in Leeds arrested two men after the robbery. The shop is on a busy street.',
      derived: 'The Leeds shop is on a busy street. Police arrested two men after the robbery.',
      links: [
        [0, 1],
        [1, 0],
      ],
    },
    {
      name: 'entities of a dropped sentence are left to claim-dropped',
      source: 'Two men were arrested after the robbery. Police in Leeds said the shop had been targeted before.',
      derived: 'Two men were arrested after the robbery.',
      links: [[0, 0]],
    },
  ],
  invalid: [
    {
      name: 'place dropped from a carried-over sentence',
      source: 'Police in Leeds arrested two men after the robbery on Saturday.',
      derived: 'Police arrested two men after the robbery on Saturday.',
      errors: [
        {
          messageId: 'dropped',
          source: 'Leeds',
          derived: 'Police arrested two men after the robbery on Saturday.',
          expected: 'Leeds',
        },
      ],
    },
  ],
});
