import { ruleTester } from '../tester.js';
import { quoteRemoved } from './quote-removed.js';

ruleTester(quoteRemoved, {
  valid: [
    {
      name: 'quote kept',
      source: '"We will not cut the maintenance budget," Wissing told reporters.',
      derived: 'Wissing told reporters: "We will not cut the maintenance budget."',
    },
    {
      name: 'one-word quote paraphrased is not judged',
      source: 'Lenz said the delays were "unacceptable" and promised a review.',
      derived: 'Lenz criticised the delays and promised a review.',
    },
    {
      name: 'a quote in a dropped sentence is left to claim-dropped',
      source: 'Trains were cancelled on Tuesday. "We are doing everything we can," Lenz said.',
      derived: 'Trains were cancelled on Tuesday.',
      links: [[0, 0]],
    },
  ],
  invalid: [
    {
      name: 'a pronoun-attributed quote paraphrased with its speaker named is the weaker form',
      source: 'Arnesen defended the coach on Friday. "It is absolutely not true that he left over money," he said.',
      derived: 'Arnesen emphasized on Friday that the coach did not leave over money.',
      links: [[1, 0]],
      errors: [{ messageId: 'paraphrased', severity: 'low' }],
    },
    {
      name: 'a quote repeated by two versions of the wire story is reported once',
      source:
        '"We are doing everything we can to restore services," Lenz said on Tuesday.\n\nUPDATE: "We are doing everything we can to restore services," Lenz said, adding that crews worked overnight.',
      derived: 'Lenz said crews were working overnight to restore services.',
      links: [
        [0, 0],
        [1, 0],
      ],
      errors: [{ messageId: 'paraphrased', source: 'We are doing everything we can to restore services,' }],
    },
    {
      name: 'direct quote turned into paraphrase without its speaker',
      source: '"We will not cut the maintenance budget," Transport Minister Volker Wissing told reporters.',
      derived: 'The government will keep the maintenance budget as it is, officials said.',
      errors: [{ messageId: 'paraphrased', source: 'We will not cut the maintenance budget,', severity: 'medium' }],
    },
    {
      name: 'indirect speech that keeps the speaker is the weaker form',
      source: '"We will not cut the maintenance budget," Transport Minister Volker Wissing told reporters.',
      derived: 'Transport Minister Volker Wissing told reporters that maintenance spending would stay the same.',
      errors: [
        {
          messageId: 'paraphrased',
          source: 'We will not cut the maintenance budget,',
          derived: 'Transport Minister Volker Wissing told reporters that maintenance spending would stay the same.',
          severity: 'low',
        },
      ],
    },
    {
      name: 'quoted words turned into narration',
      source: 'The union leader said the delays were "unacceptable for hundreds of thousands of commuters".',
      derived: 'The delays are unacceptable for hundreds of thousands of commuters.',
      errors: [
        { messageId: 'unquoted', derived: 'unacceptable for hundreds of thousands of commuters', severity: 'medium' },
      ],
    },
    {
      name: 'quoted words kept without quotation marks by the named speaker',
      source: 'Lenz said the delays were "unacceptable for hundreds of thousands of commuters".',
      derived: 'Lenz said the delays were unacceptable for hundreds of thousands of commuters.',
      errors: [
        {
          messageId: 'unquoted',
          source: 'unacceptable for hundreds of thousands of commuters',
          derived: 'unacceptable for hundreds of thousands of commuters',
          severity: 'low',
        },
      ],
    },
    {
      name: 'a summary that paraphrases a quote is the weaker form',
      source:
        'Hundreds of trains were cancelled across Germany on Tuesday after a fire damaged a signal box near Frankfurt. "We are doing everything we can to restore services by the weekend," Maria Lenz, a spokeswoman for the rail operator, told reporters. Engineers worked through the night to replace damaged cables. Commuters queued for buses at the main station for most of the morning.',
      derived: 'The rail operator hopes to restore services by the weekend after a signal box fire.',
      links: [[[0, 1], 0]],
      errors: [{ messageId: 'paraphrased', severity: 'low' }],
    },
  ],
});
