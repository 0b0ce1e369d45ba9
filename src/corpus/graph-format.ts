import { safeLine } from '../report/sanitize.js';
import type { FamiliesResult } from './families.js';

// Control characters are not allowed in XML 1.0 and must not reach a terminal through DOT: shown escaped.
const xml = (s: string) => safeLine(s).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const dotString = (s: string) =>
  '"' + s.split('\n').map(safeLine).join(' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';

/** Related articles that are in no family: drawn once, outside every family, with the id of the first family they sit beside. */
function loose(r: FamiliesResult) {
  const out = new Map<number, FamiliesResult['families'][number]['related'][number]>();
  for (const f of r.families) for (const x of f.related) if (x.family === null && !out.has(x.id)) out.set(x.id, x);
  return [...out.values()];
}

/**
 * GraphML (yEd, Gephi, networkx): one graph, nodes carry family and origin flags, edges point copy → source.
 * Related coverage: articles in no family are nodes with family 0; their links to a family (and links between
 * families) are edges with related=true, never part of a family's copy graph.
 */
export function familiesToGraphml(r: FamiliesResult): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="title" for="node" attr.name="title" attr.type="string"/>',
    '  <key id="outlet" for="node" attr.name="outlet" attr.type="string"/>',
    '  <key id="published" for="node" attr.name="published" attr.type="string"/>',
    '  <key id="family" for="node" attr.name="family" attr.type="int"/>',
    '  <key id="origin" for="node" attr.name="origin" attr.type="boolean"/>',
    '  <key id="verdict" for="edge" attr.name="verdict" attr.type="string"/>',
    '  <key id="strength" for="edge" attr.name="strength" attr.type="double"/>',
    '  <key id="directed" for="edge" attr.name="directed" attr.type="boolean"/>',
    '  <key id="related" for="edge" attr.name="related" attr.type="boolean"/>',
    '  <graph id="families" edgedefault="directed">',
  ];
  for (const f of r.families) {
    for (const m of f.members) {
      lines.push(`    <node id="a${m.id}">`);
      if (m.title) lines.push(`      <data key="title">${xml(m.title)}</data>`);
      if (m.outlet) lines.push(`      <data key="outlet">${xml(m.outlet)}</data>`);
      if (m.published) lines.push(`      <data key="published">${xml(m.published)}</data>`);
      lines.push(
        `      <data key="family">${f.id}</data>`,
        `      <data key="origin">${f.origin === m.id}</data>`,
        '    </node>',
      );
    }
    for (const e of f.edges) {
      lines.push(
        `    <edge source="a${e.from}" target="a${e.to}" directed="${e.directed}">`,
        `      <data key="verdict">${e.verdict}</data>`,
        `      <data key="strength">${e.strength}</data>`,
        `      <data key="directed">${e.directed}</data>`,
        '      <data key="related">false</data>',
        '    </edge>',
      );
    }
  }
  for (const m of loose(r)) {
    lines.push(`    <node id="a${m.id}">`);
    if (m.title) lines.push(`      <data key="title">${xml(m.title)}</data>`);
    if (m.outlet) lines.push(`      <data key="outlet">${xml(m.outlet)}</data>`);
    if (m.published) lines.push(`      <data key="published">${xml(m.published)}</data>`);
    lines.push('      <data key="family">0</data>', '      <data key="origin">false</data>', '    </node>');
  }
  for (const [a, b, x] of relatedLinks(r))
    lines.push(
      `    <edge source="a${a}" target="a${b}" directed="false">`,
      `      <data key="verdict">${x.verdict}</data>`,
      `      <data key="strength">${x.strength}</data>`,
      '      <data key="directed">false</data>',
      '      <data key="related">true</data>',
      '    </edge>',
    );
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** Each related link once: (outside article, member, link); a link between two families is listed by the lower family. */
function relatedLinks(r: FamiliesResult) {
  const out: Array<[number, number, { verdict: string; strength: number }]> = [];
  for (const f of r.families)
    for (const x of f.related) if (x.family === null || x.family > f.id) out.push([x.id, x.with, x]);
  return out;
}

/**
 * Graphviz DOT: one cluster per family, its origin double-circled, "copied from" arrows copy → source; related
 * coverage (same story, or a copy link not taken) as grey dotted lines to articles outside the cluster.
 */
export function familiesToDot(r: FamiliesResult): string {
  const lines = ['digraph families {', '  rankdir=BT;', '  node [shape=box];'];
  for (const f of r.families) {
    lines.push(`  subgraph cluster_${f.id} {`, `    label=${dotString(`family ${f.id}`)};`);
    for (const m of f.members) {
      const label = `#${m.id} ${m.outlet ?? ''}\n${(m.title ?? '').slice(0, 60)}`.trim();
      lines.push(`    a${m.id} [label=${dotString(label)}${f.origin === m.id ? ', peripheries=2' : ''}];`);
    }
    for (const e of f.edges) {
      lines.push(
        `    a${e.from} -> a${e.to} [label=${dotString(`${e.verdict} ${e.strength}`)}${e.directed ? '' : ', dir=none, style=dashed'}];`,
      );
    }
    lines.push('  }');
  }
  for (const m of loose(r)) {
    const label = `#${m.id} ${m.outlet ?? ''}\n${(m.title ?? '').slice(0, 60)}`.trim();
    lines.push(`  a${m.id} [label=${dotString(label)}, style=dashed, color=gray50];`);
  }
  for (const [a, b, x] of relatedLinks(r))
    lines.push(
      `  a${a} -> a${b} [label=${dotString(`related: ${x.verdict}`)}, dir=none, style=dotted, color=gray50, constraint=false];`,
    );
  lines.push('}', '');
  return lines.join('\n');
}
