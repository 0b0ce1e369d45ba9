import { cleanInline, type Unit } from './units.js';

/** Markdown → units: ATX/setext headings become headings, list items and quotes paragraphs, inline markup removed. */
export function markdownUnits(text: string): Unit[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const units: Unit[] = [];
  let para: string[] = [];
  let fenced = false;
  const flush = (kind: Unit['kind'] = 'paragraph') => {
    const t = stripInline(para.join(' '));
    if (t) units.push({ text: t, kind });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      para.push(line);
      continue;
    }
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const next = lines[i + 1] ?? '';
    if (atx) {
      flush();
      para = [atx[2]];
      flush('heading');
    } else if (line.trim() && para.length === 0 && /^\s{0,3}(=+|-+)\s*$/.test(next)) {
      para = [line];
      flush('heading');
      i++; // the setext underline
    } else if (/^\s{0,3}\[[^\]]+\]:\s+\S+/.test(line)) {
      // link reference definition: invisible in rendered text
    } else if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) || !line.trim()) {
      flush(); // blank line or thematic break
    } else if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      flush();
      para = [line.replace(/^\s*([-*+]|\d+[.)])\s+/, '')];
    } else {
      para.push(line.replace(/^\s{0,3}>\s?/, ''));
    }
  }
  flush();
  return units;
}

/** Removes emphasis, code ticks, images, link targets and inline HTML, keeping the visible words. */
export function stripInline(s: string): string {
  return cleanInline(
    s
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(^|[^\w*])([*_])(?=\S)(.+?)(?<=\S)\2(?![\w*])/g, '$1$3')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1'),
  );
}
