import { safeLine } from '../report/sanitize.js';
import type { FamiliesResult } from './families.js';

// Control characters are not allowed in XML 1.0 and must not reach a terminal through DOT: shown escaped.
const xml = (s: string) => safeLine(s).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const dotString = (s: string) =>
  '"' + s.split('\n').map(safeLine).join(' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';

/** GraphML (yEd, Gephi, networkx): one graph, nodes carry family and origin flags, edges point copy → source. */
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
        `      <data key="origin">${f.origins.includes(m.id)}</data>`,
        '    </node>',
      );
    }
    for (const e of f.edges) {
      lines.push(
        `    <edge source="a${e.from}" target="a${e.to}" directed="${e.directed}">`,
        `      <data key="verdict">${e.verdict}</data>`,
        `      <data key="strength">${e.strength}</data>`,
        `      <data key="directed">${e.directed}</data>`,
        '    </edge>',
      );
    }
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** Graphviz DOT: one cluster per family, origins double-circled, "copied from" arrows copy → source. */
export function familiesToDot(r: FamiliesResult): string {
  const lines = ['digraph families {', '  rankdir=BT;', '  node [shape=box];'];
  for (const f of r.families) {
    lines.push(`  subgraph cluster_${f.id} {`, `    label=${dotString(`family ${f.id}`)};`);
    for (const m of f.members) {
      const label = `#${m.id} ${m.outlet ?? ''}\n${(m.title ?? '').slice(0, 60)}`.trim();
      lines.push(`    a${m.id} [label=${dotString(label)}${f.origins.includes(m.id) ? ', peripheries=2' : ''}];`);
    }
    for (const e of f.edges) {
      lines.push(
        `    a${e.from} -> a${e.to} [label=${dotString(`${e.verdict} ${e.strength}`)}${e.directed ? '' : ', dir=none, style=dashed'}];`,
      );
    }
    lines.push('  }');
  }
  lines.push('}', '');
  return lines.join('\n');
}
