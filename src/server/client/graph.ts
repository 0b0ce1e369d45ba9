// The family graph (bundled with cytoscape by esbuild into dist/static/graph.js; no CDN).
import cytoscape from 'cytoscape';
import { edgeWords } from '../../report/edge-words.js';

interface Member {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
}
interface Edge {
  from: number;
  to: number;
  directed: boolean;
  verdict: string;
  strength: number;
  fidelity?: number;
}
interface Family {
  id: number;
  origins: number[];
  members: Member[];
  edges: Edge[];
}

const el = document.getElementById('graph');
if (el) void draw(el);

async function draw(container: HTMLElement): Promise<void> {
  const res = await fetch(`/api/v1/families/${container.dataset.family}`);
  if (!res.ok) return;
  const f = (await res.json()) as Family;
  const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  const label = (e: Edge) => (e.directed ? edgeWords(e) : `shares text · ${Math.round(e.strength * 100)}%`);
  // One origin per family (the first the corpus names): two green nodes read as two originals.
  const origin = f.origins[0];
  // Origin on top, then each article one row below what it is nearest to by hops (edges point copy → source,
  // so the walk ignores direction). Positions are computed here: deterministic, and rows never collapse.
  const level = new Map<number, number>(f.origins.map((o) => [o, 0]));
  for (let frontier = [...f.origins]; frontier.length; ) {
    const next: number[] = [];
    for (const e of f.edges) {
      for (const [a, b] of [
        [e.from, e.to],
        [e.to, e.from],
      ]) {
        if (frontier.includes(a) && !level.has(b)) {
          level.set(b, (level.get(a) ?? 0) + 1);
          next.push(b);
        }
      }
    }
    frontier = next;
  }
  const rows = new Map<number, number[]>();
  for (const m of f.members) {
    const l = level.get(m.id) ?? 0;
    rows.set(l, [...(rows.get(l) ?? []), m.id]);
  }
  const position = new Map<number, { x: number; y: number }>();
  for (const [l, ids] of rows)
    for (const [i, id] of ids.entries()) position.set(id, { x: (i - (ids.length - 1) / 2) * 260, y: l * 170 });
  // Cytoscape adds an inline <style> (position: relative) unless an element with this id exists; the CSP refuses
  // inline styles, so app.css sets the rule and this placeholder tells cytoscape it is there.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    const placeholder = document.createElement('meta');
    placeholder.id = '__________cytoscape_stylesheet';
    document.head.appendChild(placeholder);
  }
  const cy = cytoscape({
    container,
    elements: [
      ...f.members.map((m) => ({
        position: position.get(m.id),
        data: {
          id: `a${m.id}`,
          article: m.id,
          label: `#${m.id} ${m.outlet ?? ''}\n${clip(m.title ?? '', 40)}`,
          full: `#${m.id} ${m.title ?? ''}${m.outlet ? ` (${m.outlet})` : ''}${m.published ? `, ${m.published}` : ''}`,
          origin: m.id === origin ? 1 : 0,
        },
      })),
      ...f.edges.map((e) => ({
        data: {
          id: `e${e.from}-${e.to}`,
          source: `a${e.from}`,
          target: `a${e.to}`,
          from: e.from,
          to: e.to,
          label: label(e),
          directed: e.directed ? 1 : 0,
        },
      })),
    ],
    layout: { name: 'preset', padding: 50 },
    maxZoom: 1.6,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'text-wrap': 'wrap',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'background-color': '#7a9cff',
          width: 26,
          height: 26,
        },
      },
      {
        selector: 'node[origin = 1]',
        style: {
          'background-color': '#2e9e4f',
          width: 34,
          height: 34,
          'border-width': 3,
          'border-color': '#145c2a',
          'text-valign': 'top',
          'text-margin-y': -4,
        },
      },
      {
        selector: 'edge',
        style: {
          label: 'data(label)',
          'font-size': 10,
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          width: 2,
          'line-color': '#999',
          'target-arrow-color': '#999',
          'text-background-color': '#fff',
          'text-background-opacity': 0.85,
          'text-background-padding': '2px',
          'text-rotation': 'autorotate',
        },
      },
      { selector: 'edge[directed = 0]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
    ],
  });
  // The edge from a copy to its source opens the report with the source on the left.
  cy.on('tap', 'node', (ev) => {
    window.location.href = `/articles/${ev.target.data('article')}`;
  });
  // Full titles on hover (labels are clipped to keep the graph readable).
  cy.on('mouseover', 'node', (ev) => {
    container.title = ev.target.data('full');
  });
  cy.on('mouseout', 'node', () => {
    container.title = '';
  });
  cy.on('tap', 'edge', (ev) => {
    window.location.href = `/compare/${ev.target.data('to')}/${ev.target.data('from')}`;
  });
  container.dataset.ready = '1';
  (window as unknown as { unspunGraph: unknown }).unspunGraph = cy;
}
