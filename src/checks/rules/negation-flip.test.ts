import { ruleTester } from '../tester.js';
import { negationFlip } from './negation-flip.js';

ruleTester(negationFlip, {
  valid: [
    {
      name: 'a short negated sentence aligned to a longer one about something else',
      source: 'The defendant said it was not a relationship. He denied the charge.',
      derived: 'Over the summer a secret relationship developed between the two men, the court heard.',
      links: [[0, 0]],
    },
    {
      name: 'a negated claim the aligned sentence does not carry',
      source: 'The officer warned the footballer not to intervene in the arrest of his friend.',
      derived: 'The officer arrested the footballer for shouting at colleagues.',
      links: [[0, 0]],
    },
    {
      name: 'negation kept',
      source: 'The minister said the government will not cut the maintenance budget.',
      derived: 'The government will not cut the maintenance budget, the minister said.',
    },
    {
      name: 'negation in other words ("did not comment" → "declined to comment")',
      source: 'The club did not comment on the report on Sunday.',
      derived: 'The club declined to comment on the report on Sunday.',
    },
    {
      name: 'double negative paraphrased ("did not deny" → "acknowledged")',
      source: 'The company did not deny that the data had been leaked.',
      derived: 'The company acknowledged that the data had been leaked.',
    },
  ],
  invalid: [
    {
      name: 'negation removed',
      source: 'The minister said the government will not cut the maintenance budget.',
      derived: 'The minister said the government will cut the maintenance budget.',
      errors: [{ messageId: 'removed', source: 'not', derived: 'The minister said the government will cut the maintenance budget.' }],
    },
    {
      name: 'negation added',
      source: 'The company confirmed the merger talks on Monday.',
      derived: 'The company did not confirm the merger talks on Monday.',
      errors: [{ messageId: 'added', source: 'The company confirmed the merger talks on Monday.', derived: 'not' }],
    },
  ],
});
