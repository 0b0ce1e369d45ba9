import type { Command } from 'commander';

/** Corpus commands (add, trace, families, list, show, rm, export, demo) — registered once the store lands. */
export function registerCorpusCommands(program: Command): void {
  void program;
}
