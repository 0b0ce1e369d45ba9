import { ruleTester } from '../tester.js';
import { negationFlip } from './negation-flip.js';

ruleTester(negationFlip, {
  valid: [
    {
      name: 'antonym under a negation: "did not reject" → "accepted" says the same',
      source: 'The district council did not reject the harbour plan on Monday.',
      derived: 'The district council accepted the harbour plan on Monday.',
    },
    {
      name: 'antonym under a lexical negation: "declined to reject" → "accepted" says the same',
      source: 'The district council declined to reject the harbour plan on Monday.',
      derived: 'The district council accepted the harbour plan on Monday.',
    },
    {
      name: 'both antonyms on both sides, reordered: nothing flipped',
      source: 'Ferry fares rose in March while bus fares fell.',
      derived: 'Bus fares fell in March while ferry fares rose.',
    },
    {
      name: 'an antonym in a sentence about something else (no clause carried)',
      source: 'Shares in the mining group rose on Friday.',
      derived: 'The weather fell cold over the weekend.',
      links: [[0, 0]],
    },
    {
      name: 'a short negated sentence aligned to a longer one about something else',
      source: 'The defendant said it was not a relationship. He denied the charge.',
      derived: 'Over the summer a secret relationship developed between the two men, the court heard.',
      links: [[0, 0]],
    },
    {
      name: 'a negated claim the aligned sentence does not carry',
      source: 'The officer warned the footballer not to intervene in the arrest of his friend.',
      derived: 'The officer arrested the footballer for shouting at colleagues.',
      links: [[0, 0]],
    },
    {
      name: 'negation kept',
      source: 'The minister said the government will not cut the maintenance budget.',
      derived: 'The government will not cut the maintenance budget, the minister said.',
    },
    {
      name: 'negation in other words ("did not comment" → "declined to comment")',
      source: 'The club did not comment on the report on Sunday.',
      derived: 'The club declined to comment on the report on Sunday.',
    },
    {
      name: 'double negative paraphrased ("did not deny" → "acknowledged")',
      source: 'The company did not deny that the data had been leaked.',
      derived: 'The company acknowledged that the data had been leaked.',
    },
    {
      name: 'class 2: "not only … but also" asserts both parts',
      source: 'The housing board not only raised rents across the estate but also cut the repair budget.',
      derived: 'The housing board raised rents across the estate and cut the repair budget.',
    },
    {
      name: 'class 2: "no longer" → "ceased to" says the same',
      source: 'The ferry to Inchmore no longer runs on Sundays, the operator said.',
      derived: 'The ferry to Inchmore ceased to run on Sundays, the operator said.',
    },
    {
      name: 'class 2: "ceased to" → "no longer" says the same',
      source: 'The ferry to Inchmore ceased to run on Sundays, the operator said.',
      derived: 'The ferry to Inchmore no longer runs on Sundays, the operator said.',
    },
    {
      name: 'class 3: a statement turned into one side of a debate is a softening (hedge-added), not a flip',
      source: 'Jane Roe said the land scheme is legal under the planning rules.',
      derived:
        'Jane Roe said the land scheme is hotly debated, with some arguing it is not legal under the planning rules.',
    },
    {
      name: '"has not responded" → "is yet to respond" says the same',
      source: 'The harbour board has not responded to the report on the crane collapse.',
      derived: 'The harbour board is yet to respond to the report on the crane collapse.',
    },
    {
      name: 'affixal negation: "there was no tech tree" → "a tech tree was nonexistent"',
      source: 'In the early version of the game there was no tech tree and only one currency.',
      derived: 'In the early version of the game a tech tree was nonexistent and only one currency existed.',
    },
    {
      name: 'the negated sentence has its negated copy elsewhere in the rewrite (linked to a neighbour by the aligner)',
      source:
        'The jury found Alden not guilty of the two assault charges. Alden was found guilty of five counts of theft.',
      derived:
        'Alden was found guilty of five counts of theft. The jury found Alden not guilty of the two assault charges.',
      links: [
        [0, 0],
        [1, 1],
      ],
    },
    {
      name: 'reading: "none other than" asserts',
      source: 'The mayor said the statue would be replaced with a bronze figure of the city founder.',
      derived: 'The mayor said the statue would be replaced with a bronze figure of none other than the city founder.',
    },
    {
      name: 'reading: "failing to" → "neglecting to" says the same',
      source: 'The council was accused of failing to send the repair notices to tenants.',
      derived: 'The council was accused of neglecting to send the repair notices to tenants.',
    },
    {
      name: 'reading: "has not been identified" → "should be identified" is no statement of the opposite',
      source: 'The magistrate who fell asleep in court has not been identified.',
      derived: 'The magistrate who fell asleep in court should be identified, she said.',
    },
    {
      name: 'reading (2026-12-01): "decided against" → "chose not to" says the same',
      source: 'The watchdog decided against fining the ferry company over the late sailings.',
      derived: 'The watchdog chose not to fine the ferry company over the late sailings.',
    },
    {
      name: 'reading: "had forgotten to" → "failed to" says the same',
      source: 'The new porter had forgotten to lock the north gate of the depot.',
      derived: 'The new porter failed to lock the north gate of the depot.',
    },
    {
      name: 'reading: "is not the only" asserts one of several',
      source: 'The bakery is not the only shop on Mill Street hit by the flooding.',
      derived: 'Other shops on Mill Street besides the bakery were also hit by the flooding.',
    },
    {
      name: 'reading: a negated comparison ("nobody is more … than") is no opposite of the plain claim',
      source: 'Nobody is more committed to the harbour repairs than the fishing cooperative.',
      derived: 'The fishing cooperative is committed to the harbour repairs.',
    },
    {
      name: 'reading: "not as often as" → "less likely" says the same',
      source: 'Night buses do not stop at the hospital as often as the day buses do.',
      derived: 'Night buses are less likely to stop at the hospital than the day buses.',
    },
    {
      name: 'reading: an elliptical fragment ("But not the tools.") has no clause to flip',
      source: 'The tenants lost their furniture in the fire. But not the tools of their trade.',
      derived: 'The tenants lost their furniture in the fire but kept the tools of their trade.',
      links: [[[0, 1], [0]]],
    },
    {
      name: 'reading: a question turned into a statement is not P versus not-P',
      source: 'Have the ferry fares really doubled, or is this a rumour as some have asked?',
      derived: 'The ferry operator says there is no rumour: the fares have really doubled.',
      links: [[0, 0]],
    },
    {
      name: 'reading: a denial beside the charge is two sides of a case',
      source: 'Both councillors are charged with misconduct in public office.',
      derived: 'Both councillors deny misconduct in public office.',
    },
    {
      name: 'reading: the scope word is shared only through the question ("felt" / "don\'t feel")',
      source: 'Asked how she felt, the ferry captain said: "I don\'t feel anything."',
      derived: 'Asked how she felt, the ferry captain said she was looking forward to a holiday.',
      links: [[0, 0]],
    },
    {
      name: 'reading: "takes no responsibility" is not "states its position on responsibility"',
      source: 'The website takes no responsibility for the accuracy of the posted timetables.',
      derived: 'The website restated its position on responsibility for the accuracy of the posted timetables.',
    },
    {
      name: 'reading: "whether or not" denies nothing',
      source: 'The board will decide whether or not the pier reopens in May.',
      derived: 'The board will decide whether the pier reopens in May.',
    },
    {
      name: 'reading (second sample): the negated part said in other words around shared nouns ("wasn\'t funny" → "anything but funny")',
      source: "His short comedy routine, that wasn't funny, has now landed him in front of the licensing panel.",
      derived: 'His feeble attempt at humour, anything but funny, has now landed him in front of the licensing panel.',
    },
    {
      name: 'reading (second sample): the negated word is not in the other sentence ("not enough")',
      source: 'Ada Brook scored a second goal for the visitors but late goals from Lee Hart sealed victory.',
      derived: 'Ada Brook scored a second goal for the visitors, but it was not enough as Lee Hart sealed victory.',
    },
    {
      name: 'reading (third sample): "didn\'t begin until" says when it began',
      source: "Repairs on the pier largely didn't begin until the storm season was over.",
      derived: 'Repairs on the pier began after the storm season was over.',
    },
    {
      name: 'reading (third sample): "next to no" asserts a small amount',
      source: 'The rowing clubs made do with old boats and next to no funding from the council.',
      derived: 'The rowing clubs made do with old boats and minimal funding from the council.',
    },
    {
      name: 'reading (third sample): counterfactuals are left alone ("would not have had berths" ≈ "would have faced the same shortage")',
      source: 'The crew would not have had berths either if the second ferry had sailed, an official said.',
      derived:
        'If the second ferry had sailed, the crew would have had the same trouble finding berths, an official said.',
    },
    {
      name: 'reading (final sample): a degree idiom ("couldn\'t be happier" → "are extremely happy")',
      source: "Behind closed doors the two skippers couldn't be happier with the new harbour.",
      derived: 'Behind closed doors the two skippers are extremely happy with the new harbour.',
    },
    {
      name: 'reading (final sample): a misprint of the cue ("failing to keep" → "falling to keep")',
      source: 'The board should be ashamed of failing to keep its promises to the ferry crews.',
      derived: 'The board should be ashamed of falling to keep its promises to the ferry crews.',
    },
    {
      name: 'reading (final sample): "voted no" → "voted against" says the same',
      source: 'In 2005 the councillor voted NO on the plan to widen the harbour road.',
      derived: 'In 2005 the councillor voted against the plan to widen the harbour road.',
    },
    {
      name: 'reading (final sample): a caption\'s empty credit "None" is no negator',
      source: 'None Singer Ada Brook performs at the harbour festival in Inchmore on May 3.',
      derived: 'Singer Ada Brook performs at the harbour festival in Inchmore on May 3.',
    },
    {
      name: 'a negation on one aligned predicate that the other side negates too, in its own clause',
      source:
        'According to several local papers, the health agency is not urging residents to discard any leftover tins of Baltic herring, though a doctor should be called if they feel dizzy or sick.',
      derived: 'The health agency has not urged residents to discard leftover tins of herring.',
    },
  ],
  invalid: [
    {
      name: 'negation added to one aligned predicate of a long retold sentence (low: a lead)',
      source:
        'According to several local papers, the health agency is urging residents to discard any leftover tins of Baltic herring and to call a doctor at once if they feel dizzy, sick, feverish or short of breath after a meal.',
      derived: 'The health agency is not urging residents to discard leftover tins of herring.',
      errors: [{ messageId: 'added', severity: 'low', source: 'urging', derived: 'not' }],
    },
    {
      name: 'antonym amid paraphrase: "rejected" → "accepted" with the rest of the clause aligned',
      source: 'The district council rejected the harbour plan on Monday evening.',
      derived: 'On Monday evening the district council accepted the harbour plan.',
      errors: [{ messageId: 'antonym', source: 'rejected', derived: 'accepted' }],
    },
    {
      name: 'negation dropped across an aligned predicate amid paraphrase (medium: retold, not edited)',
      source: 'Regulators did not approve the takeover of the Harlow dairy group last week.',
      derived: 'The regulator sanctioned the acquisition of the Harlow milk firm.',
      errors: [
        {
          messageId: 'removed',
          severity: 'medium',
          source: 'not',
          derived: 'The regulator sanctioned the acquisition of the Harlow milk firm.',
        },
      ],
    },
    {
      name: 'antonym verb: "rose" → "fell"',
      source: 'Ferry fares rose sharply in March, the port authority said.',
      derived: 'The port authority said ferry fares fell sharply in March.',
      errors: [{ messageId: 'antonym', source: 'rose', derived: 'fell' }],
    },
    {
      name: 'negation removed',
      source: 'The minister said the government will not cut the maintenance budget.',
      derived: 'The minister said the government will cut the maintenance budget.',
      errors: [
        {
          messageId: 'removed',
          source: 'not',
          derived: 'The minister said the government will cut the maintenance budget.',
        },
      ],
    },
    {
      name: 'negation added',
      source: 'The company confirmed the merger talks on Monday.',
      derived: 'The company did not confirm the merger talks on Monday.',
      errors: [{ messageId: 'added', source: 'The company confirmed the merger talks on Monday.', derived: 'not' }],
    },
    {
      name: 'both sides questions, one negated: a rhetorical question flipped',
      source: 'Why should the county pay for the new pier?',
      derived: "Why shouldn't the county pay for the new pier?",
      errors: [{ messageId: 'added', source: 'Why should the county pay for the new pier?', derived: "n't" }],
    },
    {
      name: '"with violence" → "without violence"',
      source: 'She was charged with resisting arrest with violence at the depot.',
      derived: 'She was charged with resisting arrest without violence at the depot.',
      errors: [
        {
          messageId: 'added',
          source: 'She was charged with resisting arrest with violence at the depot.',
          derived: 'without',
        },
      ],
    },
    {
      name: 'a flip between retold sentences is reported one step lower (medium)',
      source:
        'Storms closed the Inchmore pier twice last year. Repairs cost the county more than it had planned. The harbour board confirmed on Monday, after a review of timetables, that the ferry will call at Inchmore during the winter months.',
      derived:
        'Storms closed the Inchmore pier twice last year. Repairs cost the county more than it had planned. The ferry will not call at Inchmore in winter, the harbour board said in a notice.',
      errors: [{ messageId: 'added', derived: 'not', severity: 'medium' }],
    },
    {
      name: 'spin suite: a negated bound is a flip ("are not thought to earn more than £200,000")',
      source: 'The magistrates, who are thought to earn more than £90,000 a year, were called out of touch.',
      derived: 'The magistrates, who are not thought to earn more than £90,000 a year, were called out of touch.',
      errors: [{ messageId: 'added', derived: 'not', severity: 'high' }],
    },
    {
      name: 'spin suite: a conditional claim flipped ("would suffer a reaction if she touched it")',
      source: 'He put the cream on the handle, knowing she would suffer a rash if she touched it.',
      derived: 'He put the cream on the handle, knowing she would not suffer a rash if she touched it.',
      errors: [{ messageId: 'added', derived: 'not', severity: 'high' }],
    },
  ],
});
