import { ruleTester } from '../tester.js';
import { attributionRemoved } from './attribution-removed.js';

ruleTester(attributionRemoved, {
  valid: [
    {
      name: 'a passive reporting formula keeps the attribution',
      source: 'Judge Ellen Marsh told the defendant that his trial would start on March 27.',
      derived: 'The defendant was told that his trial would start on March 27.',
    },
    {
      name: 'a court formula keeps the attribution',
      source: 'The prosecution alleges the defendant met the victim at a party in Ilford.',
      derived: 'The court heard the defendant met the victim at a party in Ilford.',
    },
    {
      name: 'attribution moved to the end of the sentence',
      source: 'The authority said the fault was caused by a lightning strike.',
      derived: 'The fault was caused by a lightning strike, the authority said.',
    },
    {
      name: 'attribution kept with another reporting verb',
      source: 'According to the ministry, the line will reopen in March.',
      derived: 'The ministry said the line will reopen in March.',
    },
    {
      name: 'narrator sentence on both sides',
      source: 'The fault was caused by a lightning strike.',
      derived: 'A lightning strike caused the fault.',
    },
  ],
  invalid: [
    {
      name: "a spokeswoman's claim stated as fact",
      source: 'Maria Lenz said the fault was caused by a lightning strike.',
      derived: 'The fault was caused by a lightning strike.',
      errors: [
        {
          messageId: 'removed',
          source: 'Maria Lenz said',
          derived: 'The fault was caused by a lightning strike.',
          actual: 'no attribution',
          severity: 'medium',
        },
      ],
    },
    {
      name: 'the speaker named in the next sentence still owns the claim: weaker',
      source: 'Maria Lenz said the fault was caused by a lightning strike. Repairs would take two days.',
      derived: 'The fault was caused by a lightning strike. Maria Lenz expects repairs to take two days.',
      links: [
        [0, 0],
        [1, 1],
      ],
      errors: [{ messageId: 'removed', source: 'Maria Lenz said', severity: 'low' }],
    },
    {
      name: 'according-to dropped',
      source: 'According to the ministry, the line will reopen in March.',
      derived: 'The line will reopen in March.',
      errors: [{ messageId: 'removed', derived: 'The line will reopen in March.' }],
    },
  ],
});
