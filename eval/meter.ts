/**
 * The METER courts corpus (Gaizauskas et al. 2001): PA wire copy and the newspaper stories written from it.
 * Texts are read with the Unspun ingest (`extract()` decodes Latin-1 and strips the wire layout), so
 * the baselines and Unspun see the same clean text. Paths are only used for gold labels, never as features.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/ingest/index.js';
import { readLines } from './data.js';

export type MeterLabel = 'wholly' | 'partially' | 'non';

export interface MeterStory {
  /** Path under meter-courts/, e.g. newspapers/rawtexts/courts/01.03.00/diver/diver396_guardian.txt */
  path: string;
  date: string;
  story: string;
  paper: string;
  label: MeterLabel;
  /** Every PA file of DATE/STORY, extracted and joined in file-name order. */
  sourceText: string;
  derivedText: string;
  /** 1999 folders tune, 2000 folders test. */
  split: 'tune' | 'test';
}

export interface MeterText {
  path: string;
  date: string;
  story: string;
  text: string;
}

export interface MeterCorpus {
  root: string;
  /** The labelled newspaper stories (wholly/partially/non-derived index files). */
  stories: MeterStory[];
  /** Every PA file, one entry each. */
  paTexts: MeterText[];
  /** Every newspaper story under rawtexts/courts, labelled or not. */
  paperTexts: Array<MeterText & { paper: string }>;
  /** The joined PA source of each story, keyed `DATE/STORY`. */
  sources: Map<string, string>;
}

/** Extracted body text (title first when the ingest lifted it out of the blocks). */
export function readArticle(file: string): string {
  const ex = extract(readFileSync(file), { format: 'text' });
  const body = ex.blocks.map((b) => ex.text.slice(b.start, b.end)).join('\n\n');
  return ex.title && !body.startsWith(ex.title) ? ex.title + '\n\n' + body : body;
}

const memo = new Map<string, MeterCorpus>();

/** Loads the corpus once per run; throws with a one-line message when the folder is missing. */
export function loadMeter(dataDir: string): MeterCorpus {
  const root = join(dataDir, 'meter-courts');
  const hit = memo.get(root);
  if (hit) return hit;
  if (!existsSync(join(root, 'file_index/courts'))) throw new Error(`METER courts corpus not found under ${root}`);

  const paDir = join(root, 'PA/rawtexts/courts');
  const paTexts: MeterText[] = [];
  const sources = new Map<string, string>();
  for (const date of subdirs(paDir)) {
    for (const story of subdirs(join(paDir, date))) {
      const files = readdirSync(join(paDir, date, story))
        .filter((f) => f.endsWith('.txt'))
        .sort();
      const texts = files.map((f) => {
        const path = `PA/rawtexts/courts/${date}/${story}/${f}`;
        const text = readArticle(join(root, path));
        paTexts.push({ path, date, story, text });
        return text;
      });
      sources.set(`${date}/${story}`, texts.join('\n\n'));
    }
  }

  const paperDir = join(root, 'newspapers/rawtexts/courts');
  const paperTexts: MeterCorpus['paperTexts'] = [];
  for (const date of subdirs(paperDir)) {
    for (const story of subdirs(join(paperDir, date))) {
      for (const f of readdirSync(join(paperDir, date, story))
        .filter((x) => x.endsWith('.txt'))
        .sort()) {
        const path = `newspapers/rawtexts/courts/${date}/${story}/${f}`;
        paperTexts.push({ path, date, story, paper: paperOf(f), text: readArticle(join(root, path)) });
      }
    }
  }
  const paperByPath = new Map(paperTexts.map((p) => [p.path, p]));

  const stories: MeterStory[] = [];
  for (const label of ['wholly', 'partially', 'non'] as const) {
    for (const line of readLines(join(root, `file_index/courts/${label}_derived.txt`))) {
      const path = line.replace(/^\/?meter_corpus\//, '');
      const paper = paperByPath.get(path);
      const sourceText = paper && sources.get(`${paper.date}/${paper.story}`);
      if (!paper || !sourceText) continue; // listed file without text or without PA folder
      stories.push({
        ...paper,
        label,
        sourceText,
        derivedText: paper.text,
        split: paper.date.endsWith('.99') ? 'tune' : 'test',
      });
    }
  }
  const corpus = { root, stories, paTexts, paperTexts, sources };
  memo.set(root, corpus);
  return corpus;
}

/** "diver396_guardian.txt" → "guardian". */
function paperOf(file: string): string {
  return file
    .replace(/\.txt$/, '')
    .split('_')
    .slice(1)
    .join('_');
}

/** Sorted sub-folder names (the corpus has stray readme files beside the date folders). */
function subdirs(dir: string): string[] {
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .sort();
}
