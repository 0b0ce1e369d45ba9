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
    // Issue 9, read on outside rewrites: the name kept in another form.
    {
      name: 'an organisation kept as its initials, and initials kept spelt out',
      source:
        'The Averly Harbour Trust said the Marine Safety Board would review the crash. Officers of the HSU searched the ferry.',
      derived:
        'The AHT said the Marine Safety Board would review the crash. Officers of the Harbour Search Unit searched the ferry.',
      links: [
        [0, 0],
        [1, 1],
      ],
    },
    {
      name: 'plural and singular of a title-like name, and a name inside a hyphenated word',
      source:
        'The permit was refused by successive Harbour Commissioners. The Welsh crew said the decision was unfair.',
      derived: 'The permit was refused by the Harbour Commissioner. The crew spoke of anti-Welsh bias in the decision.',
      links: [
        [0, 0],
        [1, 1],
      ],
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
    {
      name: 'a person is not kept by a name one letter shorter',
      source: 'Sergeant Williams arrested two men after the robbery near the harbour.',
      derived: 'Police arrested two men after the robbery near the harbour on William Street.',
      errors: [{ messageId: 'dropped', source: 'Williams' }],
    },
  ],
});
