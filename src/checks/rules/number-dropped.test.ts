import { ruleTester } from '../tester.js';
import { numberDropped } from './number-dropped.js';

ruleTester(numberDropped, {
  valid: [
    {
      name: 'an exact figure given as "about" the same figure survives',
      source: 'The council said 300 homes were without power on Sunday night.',
      derived: 'The council said about 300 homes were without power on Sunday night.',
    },
    {
      name: 'figure kept in other words',
      source: 'Nearly 300 trains were cancelled across Germany on Tuesday.',
      derived: 'Almost 300 trains were cancelled across Germany on Tuesday.',
    },
    {
      name: 'a dropped sentence yields claim-dropped, not number-dropped',
      source: 'Fire crews fought the blaze for six hours. The fire destroyed 40 homes in the village of Bramley.',
      derived: 'Fire crews fought the blaze for six hours.',
      links: [[0, 0]],
    },
    {
      name: 'a changed figure is number-changed, not dropped',
      source: 'The authority said 12,000 passengers had been stranded overnight.',
      derived: 'The authority said 1,200 passengers had been stranded overnight.',
    },
    {
      name: 'class 7: an approximation made exact is not vaguer ("about 48 million" → "48 million")',
      source: 'The harbour upgrade will cost about 48 million euros, the port authority said.',
      derived: 'The harbour upgrade will cost 48 million euros, the port authority said.',
    },
    {
      name: 'class 7: an inflation is number-changed, not blurred ("17 faulty boxes" → "dozens of faulty boxes")',
      source: 'Inspectors found 17 faulty signal boxes along the coastal line last week.',
      derived: 'Inspectors found dozens of faulty signal boxes along the coastal line last week.',
    },
  ],
  invalid: [
    {
      name: 'class 7: "nearly 300" → "hundreds" is a blur (the range of "hundreds" holds 300)',
      source: 'Nearly 300 passengers were stranded overnight at Dunmore station.',
      derived: 'Hundreds of passengers were stranded overnight at Dunmore station.',
      errors: [
        { messageId: 'blurred', source: 'Nearly 300 passengers', derived: 'Hundreds of passengers', severity: 'low' },
      ],
    },
    {
      name: 'a date given less precisely is blurred',
      source: 'The fire broke out at the warehouse on July 4, 2024, police said.',
      derived: 'The fire broke out at the warehouse in July 2024, police said.',
      errors: [{ messageId: 'blurred', source: 'July 4, 2024', derived: 'July 2024' }],
    },
    {
      name: 'figure left out of the carried-over sentence',
      source: 'The fire destroyed 40 homes in the village of Bramley, police said.',
      derived: 'The fire destroyed homes in the village of Bramley, police said.',
      errors: [
        {
          messageId: 'dropped',
          source: '40 homes',
          derived: 'The fire destroyed homes in the village of Bramley, police said.',
          expected: '40 homes',
        },
      ],
    },
    {
      name: 'exact figure made vague (3,500 soldiers → thousands of troops)',
      source: 'Some 3,500 soldiers took part in the exercise near the Polish border.',
      derived: 'Thousands of troops took part in the exercise near the Polish border.',
      errors: [
        {
          messageId: 'blurred',
          source: 'Some 3,500 soldiers',
          derived: 'Thousands of troops',
          expected: 'Some 3,500 soldiers',
          actual: 'Thousands of troops',
        },
      ],
    },
  ],
});
