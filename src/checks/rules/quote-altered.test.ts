import { ruleTester } from '../tester.js';
import { quoteAltered } from './quote-altered.js';

ruleTester(quoteAltered, {
  valid: [
    {
      name: 'an abbreviation written without dots is the same word',
      source: '"The F.D.A. has not approved this treatment for children," the senator said.',
      derived: '"The FDA has not approved this treatment for children," the senator said.',
    },
    {
      name: 'a title spelled out and a hyphenated figure spaced are the same words',
      source: '"Sen. Warren asked for 47-million dollars in relief," the mayor said.',
      derived: '"Senator Warren asked for 47 million dollars in relief," the mayor said.',
    },
    {
      name: 'a word censored with asterisks is the same word',
      source: '"They called me a stupid fat bastard every single day," he told the court.',
      derived: '"They called me a stupid fat b*****d every single day," he told the court.',
    },
    {
      name: 'a contraction spelled out is the same quote',
      source: '"I\'m quite happy to drop that specific point," the former minister said.',
      derived: '"I am quite happy to drop that specific point," the former minister said.',
    },
    {
      name: 'another short quote sharing only function words is not this quote',
      source: '"I am disappointed that the hearing did not continue to the end," White said.',
      derived: '"That is not the way I operate," White said.',
    },
    {
      name: 'a quote cut with an ellipsis',
      source:
        'Judge Patel said: "The defendant showed no remorse at any point during this long trial, and that weighs heavily."',
      derived: 'Judge Patel said: "The defendant showed no remorse ... and that weighs heavily."',
    },
    {
      name: "the source's editorial parenthesis left out",
      source: '"I knew the officer wanted to arrest Tom (Hughes) that night," the witness said.',
      derived: '"I knew the officer wanted to arrest Tom that night," the witness said.',
    },
    {
      name: 'quote copied with other quotation marks and case',
      source: 'Lenz said the delays were "completely unacceptable for commuters".',
      derived: 'The delays were “Completely unacceptable for commuters,” Lenz said.',
    },
    {
      name: 'quote trimmed to a run of its own words',
      source: 'Lenz said the delays were "completely unacceptable for commuters in the region".',
      derived: 'Lenz said the delays were "unacceptable for commuters".',
    },
    {
      name: 'two consecutive source quotes joined',
      source: '"We will not cut the budget," Wissing said. "The network needs every euro."',
      derived: 'Wissing said: "We will not cut the budget. The network needs every euro."',
      links: [[[0, 1], [0]]],
    },
  ],
  invalid: [
    {
      name: 'two statements that share a few content words: shown, but not as HIGH',
      source: '"My father would punch me almost every day and my stepmother would join in," Richard told the jury.',
      derived: '"Every day my stepmother found a new reason to punch me," Richard told the jury.',
      errors: [{ messageId: 'altered', severity: 'medium' }],
    },
    {
      name: 'one word changed inside the quote',
      source: 'Lenz said the delays were "completely unacceptable for commuters".',
      derived: 'Lenz said the delays were "totally unacceptable for commuters".',
      errors: [
        { messageId: 'altered', source: 'completely', derived: 'totally', expected: 'completely', actual: 'totally' },
      ],
    },
    {
      name: 'words in the middle replaced',
      source: '"We will not cut the maintenance budget this year," Wissing told reporters.',
      derived: '"We will not touch the rail budget this year," Wissing told reporters.',
      errors: [{ messageId: 'altered', source: 'cut the maintenance', derived: 'touch the rail' }],
    },
  ],
});
