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
    // Issue 9, read on outside rewrites: the rewrite keeps the claim unproven or second-hand in other words.
    {
      name: 'an accusation kept as a charge ("is accused of" → "faces two charges of")',
      source: 'The ferry skipper is accused of falsifying the safety logbook at Port Averly.',
      derived: 'The ferry skipper faces two charges of falsifying the safety logbook at Port Averly.',
    },
    {
      name: 'accused of charges → faces charges',
      source: 'The harbour master is accused of two charges of fraud at the Averly port office.',
      derived: 'The harbour master faces two charges of fraud at the Averly port office.',
    },
    {
      name: '"was said to" traded for a court formula ("the court heard that")',
      source: 'The deckhand was said to have thrown a mooring rope at the harbour inspectors.',
      derived: 'The court heard that the deckhand threw a mooring rope at the harbour inspectors.',
    },
    {
      name: '"allegedly" kept as "an alleged …"',
      source: 'The skipper had allegedly assaulted a deckhand on the Averly ferry in May.',
      derived: 'The inquiry looked at an alleged assault on a deckhand by the skipper of the Averly ferry in May.',
    },
    {
      name: '"I would suggest" is advice, not a hedge',
      source: 'The harbour master wrote: I would suggest you check the mooring lines before the storm.',
      derived: 'The harbour master wrote that the crew should check the mooring lines before the storm.',
    },
    {
      name: '"is set to" is a schedule, not a hedge',
      source: 'The ferry company is set to appeal against the licensing ruling next month.',
      derived: 'The ferry company will appeal against the licensing ruling next month.',
    },
    {
      name: 'a person "was questioned" for hours is not a contested claim',
      source: 'The mate of the ferry was questioned for six hours at Averly police station.',
      derived: 'The mate of the ferry was held for six hours at Averly police station.',
    },
  ],
  invalid: [
    {
      name: 'amid paraphrase: "is expected to make" → "will make", the subject retold out of reach',
      source:
        'The 41-year-old comedian, whose late show still has no title, is expected to make fun of ministers and bankers alike.',
      derived: "Harlan's untitled show will make fun of ministers and bankers alike.",
      errors: [{ messageId: 'removed', source: 'is expected to' }],
    },
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
    {
      name: 'an accusation stated as fact, both under the same court formula',
      source: 'The court heard that the ferry skipper is accused of falsifying the safety logbook.',
      derived: 'The court heard that the ferry skipper falsified the safety logbook.',
      errors: [{ messageId: 'removed', source: 'is accused of' }],
    },
  ],
});
