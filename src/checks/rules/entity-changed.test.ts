import { ruleTester } from '../tester.js';
import { entityChanged } from './entity-changed.js';

ruleTester(entityChanged, {
  valid: [
    {
      name: 'an abbreviated place name is a variant ("County Durham" → "Co Durham")',
      source: 'The nurse worked at a care home in Seaham, County Durham, for six years.',
      derived: 'The nurse worked at a care home in Seaham, Co Durham, for six years.',
    },
    {
      name: 'a place named in another slot is added detail, not a replacement',
      source: 'The alleged assaults took place at the force headquarters near Guildford.',
      derived: 'The alleged assaults took place at the Mount Browne headquarters.',
    },
    {
      name: 'same places in the same sentence',
      source: 'The fault occurred at a signal box in Frankfurt on Tuesday morning.',
      derived: 'On Tuesday morning a signal box in Frankfurt failed.',
    },
    {
      name: 'a person named elsewhere and referred to by pronoun',
      source: 'Maria Lenz chairs the transport committee. Lenz said the report was late.',
      derived: 'Maria Lenz chairs the transport committee. She said the report was late.',
      links: [
        [0, 0],
        [1, 1],
      ],
    },
    {
      name: 'leading "the" and possessive do not change an entity',
      source: "The Federal Railway Authority's board ordered an inquiry into the outage.",
      derived: 'The board of the Federal Railway Authority ordered an inquiry into the outage.',
    },
    {
      name: 'reading (2026-12-01): a summariser\'s unknown-word token is no name ("Mr Peters" → "mr UNK")',
      source: 'Mr Peters said his client had grabbed the bailiff by the arm at the gate.',
      derived: 'mr UNK said his client had grabbed the bailiff by the arm at the gate .',
    },
    {
      name: 'reading: an acronym of the same body ("DOJ" → "Department of Justice")',
      source: 'The inspector cooperated fully with the DOJ review of the harbour contracts.',
      derived: 'The inspector cooperated fully with the Department of Justice review of the harbour contracts.',
    },
    {
      name: 'reading: a spelling variant of the same programme ("Dispatches" → "Despatches")',
      source: 'The councillor is suing over claims made on a Channel 4 Dispatches programme in 1997.',
      derived: 'The councillor is suing over claims made on a Channel 4 Despatches programme in 1997.',
    },
    {
      name: 'reading: a street dropped and the county spelled out ("Mill Lane, Wootton, North Lincs" → "Wootton, North Lincolnshire")',
      source: 'The farmer, of Mill Lane, Wootton, North Lincs, had used excessive force, the judge ruled.',
      derived: 'The farmer, of Wootton, North Lincolnshire, had used excessive force, the judge ruled.',
    },
    {
      name: 'reading (second sample): capitalised words of no known kind are not names ("Phew" → "Whew")',
      source: 'The new ferry timetable.... Phew where to even start.',
      derived: 'The new ferry timetable... Whew, where to even start?',
    },
  ],
  invalid: [
    {
      name: 'place swapped',
      source: 'The fault occurred at a signal box in Frankfurt on Tuesday morning.',
      derived: 'The fault occurred at a signal box in Munich on Tuesday morning.',
      errors: [
        { messageId: 'changed', source: 'Frankfurt', derived: 'Munich', expected: 'Frankfurt', actual: 'Munich' },
      ],
    },
    {
      name: 'organisation swapped',
      source: 'The Federal Railway Authority ordered an inquiry into the outage on Wednesday.',
      derived: 'The Transport Ministry ordered an inquiry into the outage on Wednesday.',
      errors: [{ messageId: 'changed', expected: 'Federal Railway Authority', actual: 'Transport Ministry' }],
    },
  ],
});
