import { ruleTester } from '../tester.js';
import { quoteFabricated } from './quote-fabricated.js';

ruleTester(quoteFabricated, {
  valid: [
    {
      name: 'quotation marks around a campaign name',
      source: 'A protester from the Save Our Libraries campaign was cleared on Monday.',
      derived: 'A "Save Our Libraries" protester was cleared on Monday.',
    },
    {
      name: 'quote copied faithfully',
      source: '"We will not cut the budget," Wissing told reporters in Berlin.',
      derived: 'Wissing told reporters: "We will not cut the budget."',
    },
    {
      name: 'short scare quotes are not judged',
      source: 'The government presented its rail reform on Monday.',
      derived: 'The government presented its so-called "reform" on Monday.',
    },
  ],
  invalid: [
    {
      name: 'invented quote',
      source: 'Lenz said the repairs would be finished by Friday.',
      derived: 'Lenz said: "This chaos will be over by the weekend, I promise."',
      errors: [{ messageId: 'invented', source: null, derived: 'This chaos will be over by the weekend, I promise.' }],
    },
    {
      name: "the source's narration put in quotation marks",
      source: 'The minister described the plan as a waste of public money.',
      derived: 'The minister called the plan "a waste of public money".',
      errors: [
        { messageId: 'narration-quoted', source: 'a waste of public money', derived: 'a waste of public money' },
      ],
    },
  ],
});
