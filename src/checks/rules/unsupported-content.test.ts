import { ruleTester } from '../tester.js';
import { unsupportedContent } from './unsupported-content.js';

const SOURCE = 'Nearly 300 trains were cancelled across Germany on Tuesday.';
const KEPT = 'Almost 300 trains were cancelled across Germany on Tuesday.';

ruleTester(unsupportedContent, {
  valid: [
    { name: 'a question asserts nothing', source: SOURCE, derived: `${KEPT} Will the government finally act?`, links: [[0, 0]] },
    { name: 'a call to action asserts nothing', source: SOURCE, derived: `${KEPT} Let us know your thoughts in the comments below.`, links: [[0, 0]] },
    { name: 'an imperative asserts nothing', source: SOURCE, derived: `${KEPT} Share this story with your friends and family.`, links: [[0, 0]] },
    { name: 'an added heading is not content', source: SOURCE, derived: `# Rail Chaos Hits Germany\n\n${KEPT}`, links: [[0, 1]] },
  ],
  invalid: [
    {
      name: 'an added conclusion',
      source: SOURCE,
      derived: `${KEPT} This is clear proof that the railway has been mismanaged for years.`,
      links: [[0, 0]],
      errors: [{ messageId: 'unsupported', source: null, derived: 'This is clear proof that the railway has been mismanaged for years.' }],
    },
  ],
});
