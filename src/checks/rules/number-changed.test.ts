import { ruleTester } from '../tester.js';
import { numberChanged } from './number-changed.js';

ruleTester(numberChanged, {
  valid: [
    {
      name: 'a sentence said twice with the same figure, once rounded ("651 depots" … "about 650 depots")',
      source: 'Each winter the ferry company inspects its ships at 651 repair depots across the coast.',
      derived:
        'Each winter the ferry company inspects its ships at 651 repair depots across the coast. Each winter the ferry company inspects its ships at about 650 repair depots across the coast.',
    },
    {
      name: 'reading: two bounds that can both hold ("more than £55,000" → "nearly £60,000")',
      source: 'The presenter is accused of conning friends out of more than £55,000 by pretending to be ill.',
      derived: 'The presenter is accused of conning friends out of nearly £60,000 by pretending to be ill.',
    },
    {
      name: 'reading: two durations in different slots ("the next 20 years" / "a minimum of 25 years")',
      source:
        'No recommendation on her term was made, and no suggestion was made for the next 20 years that she would stay in prison for life.',
      derived: 'No recommendation on her term was made, though a judge later recommended a minimum of 25 years.',
      links: [[0, 0]],
    },
    {
      name: 'a more precise figure within the source bound ("more than 20 years" → "22 years")',
      source: 'The couple had run the corner shop for more than 20 years before the fire.',
      derived: 'The couple had run the corner shop for 22 years before the fire.',
    },
    {
      name: 'a date given less precisely is not a changed date',
      source: 'The fire broke out at the warehouse on July 4, 2024, police said.',
      derived: 'The fire broke out at the warehouse in July 2024, police said.',
    },
    {
      name: 'a count and an age are not the same slot',
      source: 'The striker was arrested after two women insulted his friend outside the club.',
      derived: 'The striker and his friend Dean Moss, 33, were arrested outside the club.',
    },
    {
      name: 'same figure in other words ("nearly" → "almost")',
      source: 'Nearly 300 trains were cancelled across Germany on Tuesday.',
      derived: 'Almost 300 trains were cancelled across Germany on Tuesday.',
    },
    {
      name: 'same value written out ("1.5 million" → "1,500,000")',
      source: 'The authority said 1.5 million passengers were affected by the outage.',
      derived: 'The authority said 1,500,000 passengers were affected by the outage.',
    },
    {
      name: 'a figure of a dropped sentence is left to claim-dropped',
      source:
        'Nearly 300 trains were cancelled on Tuesday. The authority said 12,000 passengers were stranded overnight.',
      derived: 'Almost 300 trains were cancelled on Tuesday.',
      links: [[0, 0]],
    },
    {
      name: 'a figure moved to another sentence is kept',
      source: 'The exercise involved 12,000 soldiers from nine countries. It ended on Friday near the border.',
      derived: 'The exercise ended on Friday near the border. Some 12,000 soldiers from nine countries took part.',
      links: [
        [0, 1],
        [1, 0],
      ],
    },
    {
      name: 'reading (2026-12-01): a dot grouping thousands ("18.000 USD" → "$18,000")',
      source: 'Volunteers for the sleep study will receive a fee of 18.000 USD each.',
      derived: 'Volunteers for the sleep study will be paid $18,000 each.',
    },
    {
      name: 'reading: two counts of different things ("250 sheep" / "23 charges") in one slot',
      source: 'The farmer caused unnecessary suffering to a flock of more than 250 sheep, the court heard.',
      derived: 'The farmer admitted 23 charges of causing unnecessary suffering, the court heard.',
    },
    {
      name: 'reading: a duration and an age are two facts ("10 minutes" / "six-year-old")',
      source: 'She said she left the phone for 10 minutes before her daughter rang back.',
      derived: 'She said she left her six-year-old daughter alone before the call.',
    },
    {
      name: 'reading: two dates of two events in one slot ("admitted … in April" / "released … in May")',
      source: 'The skipper was admitted to the Harwich hospital in April after a fall on deck.',
      derived: 'The skipper, who fell on deck, was released from the Harwich hospital in May.',
    },
    {
      name: 'reading (third sample): "millions" holds 28 million ("almost 28 million taxpayers" → "millions of taxpayers")',
      source: 'The change removes deductions taken by almost 28 million taxpayers in 2015.',
      derived: 'The change removes deductions taken by millions of taxpayers in 2015.',
    },
  ],
  invalid: [
    {
      name: 'a sentence copied, then said again lower down with another figure (651 → only 50 depots)',
      source:
        'The ferry company runs a fleet of 40 boats. Each winter it inspects its ships at roughly 651 repair depots across the coast.',
      derived:
        'The ferry company runs a fleet of 40 boats. Each winter it inspects its ships at roughly 651 repair depots across the coast. Each winter it inspects its ships at only 50 repair depots across the coast.',
      errors: [
        { messageId: 'deflated', source: 'roughly 651 repair depots', derived: '50 repair depots', severity: 'high' },
      ],
    },
    {
      name: 'class 7: an inflation into a vague amount ("17" → "dozens", which is at least 24)',
      source: 'Inspectors found 17 faulty signal boxes along the coastal line last week.',
      derived: 'Inspectors found dozens of faulty signal boxes along the coastal line last week.',
      errors: [
        {
          messageId: 'inflated',
          source: '17 faulty signal boxes',
          derived: 'dozens of faulty signal boxes',
          severity: 'high',
        },
      ],
    },
    {
      name: 'value changed (12,000 → 1,200)',
      source: 'The authority said 12,000 passengers had been stranded overnight.',
      derived: 'The authority said 1,200 passengers had been stranded overnight.',
      errors: [
        {
          messageId: 'deflated',
          source: '12,000 passengers',
          derived: '1,200 passengers',
          expected: '12,000 passengers',
          actual: '1,200 passengers',
        },
      ],
    },
    {
      name: 'money changed (€2.5 million → €25 million)',
      source: 'The repairs will cost €2.5 million, the ministry said on Wednesday.',
      derived: 'The repairs will cost €25 million, the ministry said on Wednesday.',
      errors: [{ messageId: 'inflated', source: '€2.5 million', derived: '€25 million' }],
    },
    {
      name: 'merged sentences compare against their union (14 → 41 people, 300 homes kept)',
      source: 'The storm killed 14 people in the coastal province. It also destroyed 300 homes.',
      derived: 'The storm killed 41 people in the coastal province and destroyed 300 homes.',
      links: [[[0, 1], 0]],
      errors: [{ messageId: 'inflated', source: '14 people', derived: '41 people' }],
    },
  ],
});
