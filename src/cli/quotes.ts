import { type Command, Option } from 'commander';
import { InputError } from '../errors.js';
import { dbOption, warnLine, withStore } from './corpus.js';
import { wholeNumber } from './options.js';

/** `unspun quotes`: where a quote came from, who it was given to, and how it mutated across the corpus. */
export function registerQuotes(program: Command): void {
  program
    .command('quotes')
    .description(
      'follow a quote through the corpus: every appearance earliest first, grouped by wording, with each mutation against the earliest (words changed, speaker changed or dropped, turned into paraphrase, possibly fabricated)',
    )
    .argument('[text]', 'the quote, or a few words of it')
    .addOption(
      new Option('--article <id>', 'the trail of every quote in this stored article').argParser(wholeNumber(1)),
    )
    .addOption(dbOption())
    .option('--json', 'print one JSON document (schema unspun.quotes/1)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--no-paraphrases', 'the quote index alone: skip the search for the words restated without quotation marks')
    .addHelpText(
      'after',
      '\nMutations: words-changed (with a word diff), speaker-changed, speaker-dropped, speaker-added, quote-to-paraphrase,\nparaphrase-to-quote, possibly-fabricated (the earliest appearance copies an earlier stored article that has no such words).\n\nExamples:\n  unspun quotes "the public deserves its money back" --db corpus.db\n  unspun quotes --article 3 --db corpus.db --format markdown',
    )
    .action(
      async (
        text: string | undefined,
        opts: { article?: number; db?: string; json?: boolean; format: string; paraphrases: boolean },
      ) => {
        if ((text === undefined) === (opts.article === undefined))
          throw new InputError('give a quote to look up, or --article <id> (one of the two)');
        if (text !== undefined && !text.trim()) throw new InputError('the quote to look up is empty');
        const [{ loadVectors }, { loadLexicon }, q] = await Promise.all([
          import('../align/vectors.js'),
          import('../align/words/wordnet.js'),
          import('../corpus/quotes/index.js'),
        ]);
        const models = {
          vectors: loadVectors(),
          lexicon: loadLexicon(),
          paraphrases: opts.paraphrases,
          onWarning: warnLine,
        };
        const result = await withStore(opts.db, 'read', (store) =>
          text !== undefined ? q.quoteProvenance(store, text, models) : q.articleQuotes(store, opts.article!, models),
        );
        const format = opts.json ? 'json' : opts.format;
        if (format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        else if (format === 'markdown')
          process.stdout.write((await import('../report/quotes-markdown.js')).quotesToMarkdown(result));
        else process.stdout.write((await import('../report/quotes-text.js')).quotesToText(result));
      },
    );
}
