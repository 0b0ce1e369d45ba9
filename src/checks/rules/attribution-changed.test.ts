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
    {
      name: 'reading (2026-12-01): a misspelt surname is the same speaker ("Polotwotski" → "Polowotski")',
      source: 'Dr. Polotwotski confirmed that the seal pup was a female and had recently been fed.',
      derived: 'Dr. Polowotski confirmed that the seal pup was female and had recently been fed.',
    },
    {
      name: 'reading: a nested speaker named in the source sentence ("Mr Wide added: \'Mr Roberts told police …\'")',
      source: 'Mr Wide added: "Mr Roberts told a neighbour he came very close to confessing to the harbour fire."',
      derived: 'Later Mr Roberts allegedly told a neighbour that he came very close to confessing to the harbour fire.',
    },
    {
      name: 'reading: two speakers making opposite claims are two claims, not one moved',
      source: 'Mrs Eady said: "Mr Paton never made any remarks about staff wearing short skirts."',
      derived: 'Mrs Owen said Mr Paton made remarks about staff wearing short skirts.',
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
