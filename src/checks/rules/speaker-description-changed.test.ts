import { ruleTester } from '../tester.js';
import { speakerDescriptionChanged } from './speaker-description-changed.js';

const SOURCE = 'Maria Lenz, a spokeswoman for the Federal Railway Authority, said the line would reopen on Friday.';

ruleTester(speakerDescriptionChanged, {
  valid: [
    {
      name: 'the role given in another sentence naming the person',
      source: 'Smith, a martial arts instructor, thanked the jury as he left court.',
      derived:
        'David Smith thanked the jury as he left court. Smith, who worked as a martial arts instructor, had denied the charge.',
    },
    {
      name: 'description kept',
      source: SOURCE,
      derived: 'The line would reopen on Friday, said Maria Lenz, a spokeswoman for the Federal Railway Authority.',
    },
    {
      name: 'organisation kept in other words in the same sentence',
      source: SOURCE,
      derived: 'Maria Lenz of the Federal Railway Authority said the line would reopen on Friday.',
    },
    {
      name: 'person not named in the rewrite',
      source: SOURCE,
      derived: 'The line will reopen on Friday, officials said.',
    },
  ],
  invalid: [
    {
      name: 'class 5: an organisation the entity step did not type ("a spokesman for the Harlow campaign" → "a spokesman")',
      source: 'Peter Vance, a spokesman for the Harlow campaign, said the leaflets were printed in error.',
      derived: 'Peter Vance, a spokesman, said the leaflets were printed in error.',
      errors: [{ messageId: 'org-dropped', source: 'a spokesman for the Harlow campaign', derived: 'a spokesman' }],
    },
    {
      name: 'class 5: the appositive with the organisation is the introduction, not the rank before the name',
      source:
        'Detective Inspector Sam Okafor, a founder member of the Coastal Police Federation, said the case was weak.',
      derived: 'Detective Inspector Sam Okafor, a founder member, said the case was weak.',
      errors: [
        {
          messageId: 'org-dropped',
          source: 'a founder member of the Coastal Police Federation',
          derived: 'a founder member',
        },
      ],
    },
    {
      name: 'class 5: a bare-noun appositive loses its organisation ("security adviser to the … Council" → "a security adviser")',
      source: 'Jane Roe, security adviser to the Northern Coalition Council, said the border scheme breaks the treaty.',
      derived: 'Jane Roe, a security adviser, said the border scheme breaks the treaty.',
      errors: [
        {
          messageId: 'org-dropped',
          source: 'security adviser to the Northern Coalition Council',
          derived: 'a security adviser',
          severity: 'medium',
        },
      ],
    },
    {
      name: 'class 5: organisation dropped and rank lowered ("Deputy Director of the Port Authority" → "a former port official")',
      source: 'Tom Hale, Deputy Director of the Port Authority, said the cranes had failed twice in March.',
      derived: 'Tom Hale, a former port official, said the cranes had failed twice in March.',
      errors: [
        {
          messageId: 'org-dropped-rank-lowered',
          source: 'Deputy Director of the Port Authority',
          derived: 'a former port official',
        },
      ],
    },
    {
      name: 'class 5: rank lowered with the organisation kept ("the council\'s finance director" → "a council official")',
      source: 'Ann Kerr, finance director of Dunmore Council, said the budget gap had doubled.',
      derived: 'Ann Kerr, an official of Dunmore Council, said the budget gap had doubled.',
      errors: [
        {
          messageId: 'rank-lowered',
          source: 'finance director of Dunmore Council',
          derived: 'an official of Dunmore Council',
        },
      ],
    },
    {
      name: 'description dropped',
      source: SOURCE,
      derived: 'Maria Lenz said the line would reopen on Friday.',
      errors: [
        {
          messageId: 'description-dropped',
          source: 'a spokeswoman for the Federal Railway Authority',
          derived: 'Maria Lenz',
        },
      ],
    },
    {
      name: 'organisation changed',
      source: SOURCE,
      derived: 'Maria Lenz, a spokeswoman for the Transport Ministry, said the line would reopen on Friday.',
      errors: [
        {
          messageId: 'org-changed',
          source: 'a spokeswoman for the Federal Railway Authority',
          derived: 'a spokeswoman for the Transport Ministry',
        },
      ],
    },
    {
      name: 'role changed',
      source: SOURCE,
      derived:
        'Maria Lenz, the chief executive of the Federal Railway Authority, said the line would reopen on Friday.',
      errors: [{ messageId: 'role-changed', derived: 'the chief executive of the Federal Railway Authority' }],
    },
  ],
});
