import { ruleTester } from '../tester.js';
import { sourceUncredited } from './source-uncredited.js';

const SOURCE = {
  text: 'BERLIN (Reuters) - Nearly 300 trains were cancelled across Germany on Tuesday.',
  outlet: 'Reuters',
  byline: 'By Anna Keller',
  url: 'https://www.reuters.com/world/europe/german-rail-outage',
};

ruleTester(sourceUncredited, {
  valid: [
    {
      name: 'credited via the outlet',
      source: SOURCE,
      derived: 'Almost 300 trains were cancelled across Germany on Tuesday (via Reuters).',
    },
    {
      name: 'credited by link',
      source: SOURCE,
      derived: 'Almost 300 trains were cancelled on Tuesday, as first reported at reuters.com/world.',
    },
    {
      name: 'credited by author surname',
      source: SOURCE,
      derived: 'Almost 300 trains were cancelled on Tuesday, Keller reported.',
    },
    {
      name: 'nothing known about the source',
      source: SOURCE.text,
      derived: 'Almost 300 trains were cancelled across Germany on Tuesday.',
    },
  ],
  invalid: [
    {
      name: 'no credit at all',
      source: SOURCE,
      derived: 'Almost 300 trains were cancelled across Germany on Tuesday.',
      errors: [
        {
          messageId: 'uncredited',
          source: 'Reuters',
          derived: null,
          expected: 'Reuters, reuters.com, Anna Keller, Keller',
          actual: 'no credit',
        },
      ],
    },
  ],
});
