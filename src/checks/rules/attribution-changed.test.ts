import { ruleTester } from '../tester.js';
import { attributionChanged } from './attribution-changed.js';

ruleTester(attributionChanged, {
  valid: [
    {
      name: 'a different claim by another speaker in the aligned sentence',
      source: 'Maria Lenz said the inquiry would examine every signal box on the line.',
      derived: 'The inquiry will examine the signal boxes, but Volker Wissing said it was unnecessary.',
      links: [[0, 0]],
    },
    {
      name: 'same speaker by surname',
      source: 'Maria Lenz said the repairs would take until Friday.',
      derived: 'Lenz said the repairs would take until Friday.',
    },
    {
      name: 'speaker replaced by a pronoun is not judged',
      source: 'Maria Lenz chairs the committee. Maria Lenz said the repairs would take until Friday.',
      derived: 'Maria Lenz chairs the committee. She said the repairs would take until Friday.',
      links: [
        [0, 0],
        [1, 1],
      ],
    },
    {
      name: 'claim given to the organisation the speaker speaks for',
      source: 'Maria Lenz, a spokeswoman for the Federal Railway Authority, said the repairs would take until Friday.',
      derived: 'The Federal Railway Authority said the repairs would take until Friday.',
    },
  ],
  invalid: [
    {
      name: 'claim given to another named person',
      source: 'Maria Lenz said the repairs would take until Friday.',
      derived: 'Volker Wissing said the repairs would take until Friday.',
      errors: [
        {
          messageId: 'changed',
          source: 'Maria Lenz',
          derived: 'Volker Wissing',
          expected: 'Maria Lenz',
          actual: 'Volker Wissing',
        },
      ],
    },
  ],
});
