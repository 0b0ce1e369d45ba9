import { ruleTester } from '../tester.js';
import { unsupportedContent } from './unsupported-content.js';

const SOURCE = 'Nearly 300 trains were cancelled across Germany on Tuesday.';
const KEPT = 'Almost 300 trains were cancelled across Germany on Tuesday.';
const ARTICLE =
  'Hundreds of trains were cancelled across Germany on Tuesday after a fire damaged a signal box near Frankfurt. ' +
  'Maria Lenz, a spokeswoman for the rail operator, said engineers hoped to restore services by Thursday. ' +
  'Commuters queued for buses at the main station for most of the morning. ' +
  'Police said the fire was not thought to be arson.';

ruleTester(unsupportedContent, {
  valid: [
    {
      name: "a speaker's loaded words inside a quote are the speaker's",
      source: 'Workers removed the statue from the square before dawn on Thursday, the city said.',
      derived:
        'Workers removed the statue from the square before dawn on Thursday, in what one protester called "a heartless disgrace".',
      links: [[0, 0]],
    },
    {
      name: 'class 6: commentary the source itself makes is supported',
      source: 'Only time will tell whether the harbour repairs will hold, the port authority said on Monday.',
      derived: 'Only time will tell whether the harbour repairs will hold, the port authority said on Monday.',
    },
    {
      name: "class 6: commentary inside a quote is the speaker's, not the rewrite's",
      source: 'The mayor said the port had made mistakes with the cranes.',
      derived:
        'The mayor said the port had made mistakes with the cranes. "Only time will tell whether they have learned their lesson," she added.',
      links: [[0, [0, 1]]],
    },
    {
      // A full rewrite (not a summary), where added capitalised words count as added specifics.
      name: '"the German capital" for Berlin in a full rewrite is not an added specific',
      source:
        'Commuters between Berlin and Hamburg have faced weeks of delays caused by faulty signals, the authority said. ' +
        'Engineers found seventeen broken signal boxes near the town of Wittenberge last week.',
      derived:
        'Commuters between the German capital and Hamburg have endured weeks of delays caused by faulty signals. ' +
        'Seventeen broken signal boxes were found by engineers near the town of Wittenberge last week.',
      links: [
        [0, 0],
        [1, 1],
      ],
    },
    // Issue 9, read on outside rewrites.
    {
      name: 'a county named by its short form ("Lancashire" → "Lancs")',
      source: 'A woman from Burnley, Lancashire, was remanded in custody by magistrates charged with arson at a mill.',
      derived: 'A woman from Burnley, Lancs, was remanded in custody by magistrates charged with arson at a mill.',
      links: [[0, 0]],
    },
    {
      name: '"at the end of the day" meaning the time of day is no commentary',
      source: 'Staff kept a book of visitors at the harbour office, which was locked away each evening.',
      derived: 'Staff kept a book of visitors at the harbour office, which was locked away at the end of the day.',
      links: [[0, 0]],
    },
    {
      name: 'a question asserts nothing',
      source: SOURCE,
      derived: `${KEPT} Will the government finally act?`,
      links: [[0, 0]],
    },
    {
      name: 'a call to action asserts nothing',
      source: SOURCE,
      derived: `${KEPT} Let us know your thoughts in the comments below.`,
      links: [[0, 0]],
    },
    {
      name: 'an imperative asserts nothing',
      source: SOURCE,
      derived: `${KEPT} Share this story with your friends and family.`,
      links: [[0, 0]],
    },
    {
      name: 'an added heading is not content',
      source: SOURCE,
      derived: `# Rail Chaos Hits Germany\n\n${KEPT}`,
      links: [[0, 1]],
    },
    {
      name: 'a summary sentence merging two source sentences is supported',
      source: ARTICLE,
      derived:
        'Trains were cancelled across Germany after a fire near Frankfurt, and engineers hoped to restore services by Thursday.',
      links: [[[0, 1], 0]],
    },
    {
      name: "a tokenised summary's placeholders and a courtesy title add nothing",
      source: ARTICLE,
      derived: 'dr maria UNK -lrb- a spokeswoman -rrb- said engineers hoped to restore services by thursday .',
      links: [[1, 0]],
    },
  ],
  invalid: [
    {
      name: 'loaded words the source never uses, where nothing else is added: shown one step lower',
      source: 'Workers removed the statue from the square before dawn on Thursday, the city said.',
      derived: 'Heartless workers removed the statue from the square before dawn on Thursday in a disgrace.',
      links: [[0, 0]],
      errors: [{ messageId: 'loaded', actual: 'Heartless", "disgrace', severity: 'low' }],
    },
    {
      name: 'one added name is a word, not a claim: shown one step lower',
      source: 'Commuters have faced weeks of delays caused by faulty signals on the line, the authority said.',
      derived: 'Commuters have faced weeks of delays caused by faulty signals on the Furness line, the authority said.',
      links: [[0, 0]],
      errors: [{ messageId: 'unsupported-words', actual: 'Furness', severity: 'low' }],
    },
    {
      name: 'a country the source does not imply is still an added specific',
      source: 'Commuters have faced weeks of delays caused by faulty signals on the line, the authority said.',
      derived: 'Commuters in the German capital have faced weeks of delays caused by faulty signals on the line.',
      links: [[0, 0]],
      errors: [{ messageId: 'unsupported-words', actual: 'German' }],
    },
    {
      name: 'class 6: an editorial conclusion linked to a source sentence by topic words alone',
      source: 'The port authority admitted that two of its cranes failed in March, delaying 40 container ships.',
      derived:
        "The port authority admitted that two of its cranes failed in March, delaying 40 container ships. Only time will tell whether the port authority's leaders have learned their lesson about the cranes.",
      links: [[0, [0, 1]]],
      errors: [
        {
          messageId: 'editorial',
          source: null,
          derived:
            "Only time will tell whether the port authority's leaders have learned their lesson about the cranes.",
          actual: 'Only time will tell',
          severity: 'medium',
        },
      ],
    },
    {
      name: '"At the end of the day" opening a clause is commentary',
      source: 'The port authority admitted that two of its cranes failed in March, delaying 40 container ships.',
      derived:
        'The port authority admitted that two of its cranes failed in March, delaying 40 container ships. At the end of the day, the port authority has only itself to blame for the cranes.',
      links: [[0, [0, 1]]],
      errors: [{ messageId: 'editorial', actual: 'At the end of the day' }],
    },
    {
      name: 'an added conclusion',
      source: SOURCE,
      derived: `${KEPT} This is clear proof that the railway has been mismanaged for years.`,
      links: [[0, 0]],
      errors: [
        {
          messageId: 'unsupported',
          source: null,
          derived: 'This is clear proof that the railway has been mismanaged for years.',
        },
      ],
    },
    {
      name: 'a name the source never gives, in a carried-over sentence',
      source: ARTICLE,
      derived: 'Engineer Klaus Berger hoped to restore services by Thursday.',
      links: [[1, 0]],
      errors: [{ messageId: 'unsupported-words', derived: 'Klaus Berger', actual: 'Klaus Berger', severity: 'medium' }],
    },
    {
      name: 'in a full rewrite only added specifics count, not reworded verbs',
      source: SOURCE,
      derived: 'Almost 300 trains were cancelled across Germany on Tuesday, transport minister Klaus Berger confirmed.',
      links: [[0, 0]],
      errors: [{ messageId: 'unsupported-words', derived: 'Klaus Berger' }],
    },
    {
      name: 'a one-sentence summary the verdict calls unrelated is still checked',
      source: ARTICLE,
      derived: 'Police arrested 17 teenagers after the fire near Frankfurt.',
      links: [[[0, 3], 0]],
      verdict: 'unrelated',
      errors: [{ messageId: 'unsupported-words', derived: '17 teenagers' }],
    },
  ],
});
