import { ruleTester } from '../tester.js';
import { hedgeAdded } from './hedge-added.js';

ruleTester(hedgeAdded, {
  valid: [
    {
      name: 'hedge swapped for another ("may" → "could")',
      source: 'The line may reopen in March, the ministry said.',
      derived: 'The line could reopen in March, the ministry said.',
    },
    {
      name: 'no hedge on either side',
      source: 'The fault was caused by a lightning strike.',
      derived: 'A lightning strike caused the fault.',
    },
  ],
  invalid: [
    {
      name: 'class 3: asserted → contested ("is illegal" → "its legality is hotly debated")',
      source: 'Jane Roe, a security adviser to the Northern Coalition Council, said the land scheme is illegal.',
      derived:
        "Jane Roe, a security adviser to the Northern Coalition Council, said the land scheme's legality is hotly debated, with some arguing it is illegal.",
      errors: [{ messageId: 'contested', derived: 'is hotly debated', severity: 'medium' }],
    },
    {
      name: '"reportedly" added',
      source: 'The fault was caused by a lightning strike.',
      derived: 'The fault was reportedly caused by a lightning strike.',
      errors: [
        {
          messageId: 'added',
          source: 'The fault was caused by a lightning strike.',
          derived: 'reportedly',
          actual: 'reportedly',
        },
      ],
    },
    {
      name: '"may" added',
      source: 'The line will reopen in March after the repairs.',
      derived: 'The line may reopen in March after the repairs.',
      errors: [{ messageId: 'added', derived: 'may' }],
    },
  ],
});
