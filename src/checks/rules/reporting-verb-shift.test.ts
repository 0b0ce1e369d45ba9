import { ruleTester } from '../tester.js';
import { reportingVerbShift } from './reporting-verb-shift.js';

ruleTester(reportingVerbShift, {
  valid: [
    {
      name: 'neutral verb for neutral verb ("said" → "told reporters")',
      source: 'Lenz said the repairs would take until Friday.',
      derived: 'Lenz told reporters the repairs would take until Friday.',
    },
    {
      name: 'same verb',
      source: 'The authority said 12,000 passengers had been stranded overnight.',
      derived: 'Overnight, 12,000 passengers had been stranded, the authority said.',
    },
  ],
  invalid: [
    {
      name: '"said" becomes "claims"',
      source: 'The authority said 12,000 passengers had been stranded overnight.',
      derived: 'The authority claims 12,000 passengers had been stranded overnight.',
      errors: [{ messageId: 'shift', source: 'said', derived: 'claims', expected: 'said', actual: 'claims' }],
    },
    {
      name: '"said" becomes "insisted"',
      source: 'Wissing said the maintenance budget was sufficient.',
      derived: 'Wissing insisted the maintenance budget was sufficient.',
      errors: [{ messageId: 'shift', source: 'said', derived: 'insisted' }],
    },
  ],
});
