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
  ],
  invalid: [
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
      errors: [{ messageId: 'dropped', source: '40 homes', derived: 'The fire destroyed homes in the village of Bramley, police said.', expected: '40 homes' }],
    },
    {
      name: 'exact figure made vague (3,500 soldiers → thousands of troops)',
      source: 'Some 3,500 soldiers took part in the exercise near the Polish border.',
      derived: 'Thousands of troops took part in the exercise near the Polish border.',
      errors: [{ messageId: 'blurred', source: 'Some 3,500 soldiers', derived: 'Thousands of troops', expected: 'Some 3,500 soldiers', actual: 'Thousands of troops' }],
    },
  ],
});
