import { ruleTester } from '../tester.js';
import { hedgeAdded } from './hedge-added.js';

ruleTester(hedgeAdded, {
  valid: [
    {
      name: 'hedge swapped for another ("may" → "could")',
      source: 'The line may reopen in March, the ministry said.',
      derived: 'The line could reopen in March, the ministry said.',
    },
    {
      name: 'no hedge on either side',
      source: 'The fault was caused by a lightning strike.',
      derived: 'A lightning strike caused the fault.',
    },
    // Issue 9, read on outside rewrites: the source already marks the claim in other words.
    {
      name: 'an attribution of the source traded for "allegedly"',
      source: 'According to the harbour master, the skipper was dismissed for negligence in March.',
      derived: 'The skipper was allegedly dismissed for negligence in March.',
    },
    {
      name: 'a charge in the source, an accusation in the rewrite',
      source: 'The ferry operator was charged with breaching the safety rules at Port Averly.',
      derived: 'The ferry operator was accused of breaching the safety rules at Port Averly.',
    },
    {
      name: 'the same cue in another construction ("expected to last" → "is expected to last")',
      source: 'The inquiry, expected to last two weeks, opened at Averly town hall on Monday.',
      derived: 'The inquiry at Averly town hall is expected to last two weeks.',
    },
    {
      name: 'a second cue stuck to a kept one ("could face" → "could potentially face")',
      source: 'The skipper was charged with leaving the scene and could face up to five years in prison.',
      derived: 'The skipper was charged with leaving the scene and could potentially face up to five years in prison.',
    },
    {
      name: 'a question hedges nothing',
      source: 'Will the Averly ferry ever sail again after the storm?',
      derived: 'Could the Averly ferry ever sail again after the storm?',
    },
    {
      name: 'the same evidential said two ways ("it appears" → "it seems")',
      source: 'It appears the harbour board has quietly dropped the plan for a second pier.',
      derived: 'It seems the harbour board has quietly dropped the plan for a second pier.',
    },
    {
      name: '"in danger of" → "may"; "can" → "may"',
      source: 'The pilot is in danger of losing his licence. Winter storms can push the tide over the sea wall.',
      derived: 'The pilot may lose his licence. Winter storms may push the tide over the sea wall.',
    },
  ],
  invalid: [
    {
      name: 'class 3: asserted → contested ("is illegal" → "its legality is hotly debated")',
      source: 'Jane Roe, a security adviser to the Northern Coalition Council, said the land scheme is illegal.',
      derived:
        "Jane Roe, a security adviser to the Northern Coalition Council, said the land scheme's legality is hotly debated, with some arguing it is illegal.",
      errors: [{ messageId: 'contested', derived: 'is hotly debated', severity: 'medium' }],
    },
    {
      name: '"reportedly" added',
      source: 'The fault was caused by a lightning strike.',
      derived: 'The fault was reportedly caused by a lightning strike.',
      errors: [
        {
          messageId: 'added',
          source: 'The fault was caused by a lightning strike.',
          derived: 'reportedly',
          actual: 'reportedly',
        },
      ],
    },
    {
      name: '"may" added',
      source: 'The line will reopen in March after the repairs.',
      derived: 'The line may reopen in March after the repairs.',
      errors: [{ messageId: 'added', derived: 'may' }],
    },
    {
      name: '"allegedly" added under the same court formula',
      source: 'The court heard that the skipper was dismissed for negligence in March.',
      derived: 'The court heard that the skipper was allegedly dismissed for negligence in March.',
      errors: [{ messageId: 'added', derived: 'allegedly' }],
    },
  ],
});
