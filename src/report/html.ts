import type { ArticleReport, CompareResult, Finding, Severity } from '../types.js';
import { SEVERITIES, basisLine, pct } from './format.js';
import { markInvisible } from './invisible.js';

export interface HtmlReportOptions {
  /**
   * Serve mode (the web app): link these stylesheet and script URLs instead of inlining, so the page runs under a
   * CSP without 'unsafe-inline'. Without it the report is one self-contained file.
   */
  assets?: { css: string[]; js: string[] };
  /** Trusted, already-escaped HTML put at the top of the page (the web app's navigation and download links). */
  nav?: string;
}

/**
 * The compare report: the two articles side by side, aligned sentences linked on hover and click, findings
 * highlighted by severity with a legend, counts and filters by check and severity. Spans are rendered
 * server-side so the page works without scripts; the script only adds linking and filtering.
 * `compare --html` writes it as ONE self-contained file (no network); `unspun serve` shows the same page.
 */
export function compareToHtml(
  r: CompareResult,
  labels: { source: string; derived: string },
  opts: HtmlReportOptions = {},
): string {
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, r.findings.filter((f) => f.severity === s).length]),
  ) as Record<Severity, number>;
  const links = r.alignment.map((l) => ({ s: l.source, d: l.derived, k: l.kind }));
  const title = `Unspun: ${r.derived.title ?? labels.derived} vs ${r.source.title ?? labels.source}`;
  const rules = [...new Set(r.findings.map((f) => f.ruleId))].sort();
  const head = opts.assets
    ? `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'">
${opts.assets.css.map((u) => `<link rel="stylesheet" href="${esc(u)}">`).join('\n')}
${opts.assets.js.map((u) => `<script src="${esc(u)}" defer></script>`).join('\n')}`
    : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<style>${REPORT_CSS}</style>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
${head}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title></head>
<body class="report">
${opts.nav ?? ''}
<header>
  <h1>Unspun compare: <span class="verdict">${esc(r.relation.verdict)}</span></h1>
  <p>confidence ${r.relation.confidence.toFixed(2)} · direction ${esc(r.relation.direction)} (${r.relation.directionConfidence.toFixed(2)})</p>
  ${quantities(r)}
  ${r.relation.basis ? `<p class="basis">why: ${esc(basisLine(r.relation))}</p>` : ''}
  <ul class="legend" aria-label="legend">${SEVERITIES.map((s) => `<li><mark class="sev-${s}">${s}</mark> <span data-count="${s}">${counts[s]}</span></li>`).join('')}
  <li><span class="aligned-swatch">aligned</span> hover or click a sentence</li></ul>
</header>
<section id="findings" aria-label="findings"><h2>Findings (${r.findings.length})</h2>
<form class="filters" aria-label="filter findings">
  <fieldset><legend>severity</legend>${SEVERITIES.map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${s}</label>`).join(' ')}</fieldset>
  <label>check <select name="rule"><option value="">all checks</option>${rules.map((id) => `<option value="${esc(id)}">${esc(id)}</option>`).join('')}</select></label>
</form>
<ol>
${r.findings.map((f, i) => findingItem(f, i)).join('\n')}
</ol></section>
<main>
  <article id="source" class="doc"><h2>Source <small>${esc(meta(r.source, labels.source))}</small></h2>${renderDoc(r.source, r.findings, 'source')}</article>
  <article id="derived" class="doc"><h2>Derived <small>${esc(meta(r.derived, labels.derived))}</small></h2>${renderDoc(r.derived, r.findings, 'derived')}</article>
</main>
<script id="unspun-links" type="application/json">${json(links)}</script>
${opts.assets ? '' : `<script>${REPORT_JS}</script>`}
</body></html>
`;
}

/** The column caption: where the text came from (its title is already the first line of the text). */
function meta(a: ArticleReport, label: string): string {
  return [a.url ?? label, a.outlet, a.byline, a.published].filter(Boolean).join(' · ');
}

/**
 * Every number behind the verdict: the scores (coverage, support, verbatim share, fidelity when computed) and
 * any quantities the relation carries beyond verdict and direction, so the page never hides what it decided on.
 */
function quantities(r: CompareResult): string {
  const rows: Array<[string, string]> = [];
  const fmt = (v: unknown): string | null =>
    typeof v === 'number'
      ? v >= 0 && v <= 1
        ? pct(v)
        : String(Math.round(v * 1000) / 1000)
      : typeof v === 'string' || typeof v === 'boolean'
        ? String(v)
        : null;
  const add = (prefix: string, obj: object, skip: string[] = []) => {
    for (const [k, v] of Object.entries(obj)) {
      if (skip.includes(k)) continue;
      if (v && typeof v === 'object' && !Array.isArray(v)) add(`${prefix}${k}.`, v);
      else {
        const shown = fmt(v);
        if (shown !== null) rows.push([prefix + words(k), shown]);
      }
    }
  };
  add('', r.scores);
  add('', r.relation, ['verdict', 'confidence', 'direction', 'directionConfidence']);
  return `<dl class="quantities" aria-label="quantities behind the verdict">${rows.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`;
}

/** `sourceCoverage` → `source coverage`. */
function words(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function findingItem(f: Finding, i: number): string {
  const where = (side: 'source' | 'derived') => (f[side] ? `${side} [${f[side]!.start},${f[side]!.end})` : `${side} —`);
  return `<li class="finding sev-${f.severity}" data-f="${i}" data-rule="${esc(f.ruleId)}" data-severity="${f.severity}" tabindex="0"><b>${esc(f.ruleId)}</b> <span class="sev">${f.severity}</span> ${esc(f.message)} <small>${where('source')} · ${where('derived')}</small></li>`;
}

/** Splits the text at every sentence, boilerplate and finding boundary and wraps each piece in its classes. */
function renderDoc(doc: ArticleReport, findings: Finding[], side: 'source' | 'derived'): string {
  const marks = findings
    .map((f, i) => ({ i, sev: f.severity, span: f[side] }))
    .filter((m) => m.span && m.span.end > m.span.start);
  const cuts = new Set<number>([0, doc.text.length]);
  for (const s of doc.sentences) cuts.add(s.start).add(s.end);
  for (const b of doc.boilerplate) cuts.add(b.start).add(b.end);
  for (const m of marks) cuts.add(m.span!.start).add(m.span!.end);
  const points = [...cuts].filter((x) => x >= 0 && x <= doc.text.length).sort((a, b) => a - b);
  let html = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const piece = esc(doc.text.slice(a, b)).replace(/\n/g, '<br>');
    const sentence = doc.sentences.find((s) => s.start <= a && b <= s.end);
    const boiler = doc.boilerplate.find((x) => x.start <= a && b <= x.end);
    const over = marks.filter((m) => m.span!.start <= a && b <= m.span!.end);
    let inner = piece;
    if (over.length) {
      const worst = SEVERITIES.find((s) => over.some((m) => m.sev === s))!;
      inner = `<mark class="sev-${worst}" data-f="${over.map((m) => m.i).join(' ')}">${piece}</mark>`;
    }
    if (sentence)
      html += `<span class="s ${sentence.kind}" data-side="${side}" data-s="${sentence.id}">${inner}</span>`;
    else if (boiler) html += `<span class="boilerplate" title="boilerplate: ${esc(boiler.reason)}">${inner}</span>`;
    else html += inner;
  }
  return `<div class="text">${html}</div>`;
}

function esc(s: string): string {
  return markInvisible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function json(x: unknown): string {
  return JSON.stringify(x).replace(/</g, '\\u003c');
}

/** The report's stylesheet: inlined into `compare --html`, served as /static/report.css by `unspun serve`. */
export const REPORT_CSS = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:0 0 8px}
.legend{list-style:none;display:flex;gap:16px;padding:0;margin:6px 0 0}
.quantities{display:flex;flex-wrap:wrap;gap:4px 18px;margin:4px 0;font-size:13px}.quantities div{display:flex;gap:4px}.quantities dt{color:#555}.quantities dd{margin:0;font-weight:600}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;font-size:13px;margin:0 0 6px}.filters fieldset{border:0;padding:0;margin:0;display:flex;gap:8px}.filters legend{float:left;margin-right:6px;color:#555}
.finding[hidden]{display:none}mark.filtered{background:none;outline:none}
.finding:focus{outline:2px solid #0a58ca}
#findings{padding:8px 20px;max-height:28vh;overflow:auto;background:#fff;border-bottom:1px solid #ddd}
#findings ol{margin:0;padding-left:22px}.finding{cursor:pointer;margin:2px 0}.finding.active{outline:2px solid #333}
.finding small{color:#666}.sev{font-size:11px;text-transform:uppercase;color:#555}
main{display:grid;grid-template-columns:1fr 1fr;gap:16px;padding:16px 20px}
.doc{background:#fff;border:1px solid #ddd;padding:12px 16px;white-space:normal}
.s{cursor:pointer;border-radius:3px}.s.heading{font-weight:700}
.s.linked{background:#e3f0ff}.s.selected{background:#bcd9ff}
.boilerplate{color:#999;text-decoration:line-through}
mark{border-radius:2px;padding:0 1px}
mark.sev-high{background:#ffb3b3}mark.sev-medium{background:#ffe08a}mark.sev-low{background:#c9ecff}mark.sev-info{background:#e4e4e4}
mark.active{outline:3px solid #d00;outline-offset:1px}
.aligned-swatch{background:#e3f0ff;padding:0 4px}
`;

/** The report's script: inlined into `compare --html`, served as /static/report.js by `unspun serve`. */
export const REPORT_JS = `
(function(){
  var links = JSON.parse(document.getElementById('unspun-links').textContent);
  function q(sel){return Array.prototype.slice.call(document.querySelectorAll(sel));}
  function partners(side, id){
    var other = side === 'source' ? 'derived' : 'source', key = side === 'source' ? 's' : 'd', okey = side === 'source' ? 'd' : 's', out = [];
    links.forEach(function(l){ if (l[key].indexOf(id) >= 0) l[okey].forEach(function(o){ out.push('[data-side="'+other+'"][data-s="'+o+'"]'); }); });
    return out;
  }
  function mark(side, id, cls){
    q('.s.'+cls).forEach(function(e){e.classList.remove(cls);});
    if (side === null) return;
    var sels = ['[data-side="'+side+'"][data-s="'+id+'"]'].concat(partners(side, id));
    sels.forEach(function(sel){ q(sel).forEach(function(e){e.classList.add(cls);}); });
  }
  q('.s').forEach(function(e){
    e.addEventListener('mouseenter', function(){ mark(e.dataset.side, +e.dataset.s, 'linked'); });
    e.addEventListener('mouseleave', function(){ mark(null, 0, 'linked'); });
    e.addEventListener('click', function(){ mark(e.dataset.side, +e.dataset.s, 'selected'); });
  });
  function activate(i){
    q('.active').forEach(function(e){e.classList.remove('active');});
    q('.finding[data-f="'+i+'"]').forEach(function(e){e.classList.add('active');});
    var hits = q('mark[data-f]').filter(function(m){ return m.dataset.f.split(' ').indexOf(String(i)) >= 0; });
    hits.forEach(function(m){ m.classList.add('active'); });
    if (hits[0] && hits[0].scrollIntoView) hits[0].scrollIntoView({block:'center'});
  }
  q('.finding').forEach(function(e){
    e.addEventListener('click', function(){ activate(e.dataset.f); });
    e.addEventListener('keydown', function(ev){ if (ev.key === 'Enter') activate(e.dataset.f); });
  });
  q('mark[data-f]').forEach(function(m){ m.addEventListener('click', function(ev){ ev.stopPropagation(); activate(m.dataset.f.split(' ')[0]); }); });
  var form = document.querySelector('form.filters');
  function filter(){
    var sev = q('form.filters input[name=severity]:checked').map(function(e){ return e.value; });
    var rule = form.querySelector('select[name=rule]').value, shown = {};
    q('.finding').forEach(function(e){
      var ok = sev.indexOf(e.dataset.severity) >= 0 && (!rule || e.dataset.rule === rule);
      e.hidden = !ok; if (ok) shown[e.dataset.f] = true;
    });
    q('mark[data-f]').forEach(function(m){ m.classList.toggle('filtered', !m.dataset.f.split(' ').some(function(i){ return shown[i]; })); });
  }
  if (form) { form.addEventListener('change', filter); form.addEventListener('submit', function(ev){ ev.preventDefault(); }); }
})();
`;
