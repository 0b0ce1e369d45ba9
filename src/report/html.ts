import type { ArticleReport, CompareResult, Finding, Severity } from '../types.js';
import { SEVERITIES, basisLine, excerpt, pct } from './format.js';
import { VERDICTS_DOC, ruleLabel, summarize, verdictDetails } from './summary.js';
import { markInvisible } from './invisible.js';
import { type MarkedWord, markedWords, wordRelations } from './word-pairs.js';

export interface HtmlReportOptions {
  /**
   * Serve mode (the web app): link these stylesheet and script URLs instead of inlining, so the page runs under a
   * CSP without 'unsafe-inline'. Without it the report is one self-contained file.
   */
  assets?: { css: string[]; js: string[] };
  /** Trusted, already-escaped HTML put at the top of the page (the web app's navigation and download links). */
  nav?: string;
  /** Where the docs are served (`/docs/`): links to the verdicts page and each check's page. Absent: names only. */
  docs?: string;
  /** Serve mode: where the direction guard's buttons lead (compare the other way round, keep this order). */
  order?: { swap: string; keep?: string };
}

/**
 * The compare report: the plain-language summary and the worst findings first (with both passages), the verdict's
 * evidence one click away, then the findings list sticky beside the two articles. Spans are rendered server-side so
 * the page reads without scripts; the script links sentences, findings and highlights and drives the filters.
 * `compare --html` writes it as ONE self-contained file (no network); `unspun serve` shows the same page.
 */
export function compareToHtml(
  r: CompareResult,
  labels: { source: string; derived: string },
  opts: HtmlReportOptions = {},
): string {
  const sum = summarize(r);
  const counts = Object.fromEntries(sum.counts) as Record<Severity, number>;
  const relations = wordRelations(r);
  const links = r.alignment.map((l, i) => ({ s: l.source, d: l.derived, k: l.kind, w: relations[i] }));
  const title = `Unspun: ${r.derived.title ?? labels.derived} vs ${r.source.title ?? labels.source}`;
  const rules = [...new Set(r.findings.map((f) => f.ruleId))].sort();
  const head = opts.assets
    ? `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'">
${opts.assets.css.map((u) => `<link rel="stylesheet" href="${esc(u)}">`).join('\n')}
${opts.assets.js.map((u) => `<script src="${esc(u)}" defer></script>`).join('\n')}`
    : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<style>${REPORT_CSS}</style>`;
  const main = r.findings.map((f, i) => [f, i] as const).filter(([f]) => f.severity !== 'info');
  const aside = r.findings.map((f, i) => [f, i] as const).filter(([f]) => f.severity === 'info');
  const docLink = (path: string, text: string) =>
    opts.docs ? `<a href="${esc(opts.docs + path.replace(/^docs\//, ''))}">${esc(text)}</a>` : esc(text);
  const unmatched = (side: 'source' | 'derived') =>
    new Set(
      (side === 'source' ? r.source : r.derived).sentences
        .map((s) => s.id)
        .filter((id) => !r.alignment.some((l) => l[side].includes(id))),
    );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
${head}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title></head>
<body class="report">
${opts.nav ?? '<a class="skip" href="#main">Skip to content</a>'}
<main id="main" tabindex="-1">
<header class="summary">
  <h1 id="verdict-title">Unspun compare: <span class="verdict">${esc(r.relation.verdict)}</span></h1>
  ${sum.orderWarning ? orderBanner(sum.orderWarning, opts) : ''}
  <p class="headline">${esc(sum.headline)}</p>
  <p class="counts">Fidelity ${pct(r.scores.fidelity)} (100% = everything carried over, nothing altered) · ${sum.counts.map(([s, k]) => `${k} ${s}`).join(' · ')}</p>
  ${sum.worst.length ? `<section class="worst" aria-labelledby="worst-title"><h2 id="worst-title">Look at these first</h2><ol>${sum.worst.map((f) => worstItem(r, f, r.findings.indexOf(f), docLink)).join('')}</ol></section>` : ''}
  <details class="why"><summary>How the verdict was decided</summary>
  <dl class="quantities" aria-label="the evidence behind the verdict">${verdictDetails(r)
    .map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`)
    .join('')}</dl>
  ${r.relation.basis ? `<p class="basis">${esc(basisLine(r.relation))}</p>` : ''}
  <p>How verdicts are decided: ${docLink(VERDICTS_DOC, VERDICTS_DOC)}</p>
  </details>
</header>
<div class="workspace">
<section id="findings" aria-labelledby="findings-title"><h2 id="findings-title">Findings (${r.findings.length})</h2>
<ul class="legend" aria-label="legend">${SEVERITIES.map((s) => `<li><mark class="sev-${s}">${s}</mark> <span data-count="${s}">${counts[s]}</span></li>`).join('')}
<li><span class="aligned-swatch">aligned</span></li><li><span class="unmatched-swatch">no counterpart</span></li><li><span class="pair-swatch">1</span> word pairs of a hovered or focused sentence</li></ul>
<form class="filters" aria-label="filter findings">
  <fieldset><legend>severity</legend>${SEVERITIES.map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${s}</label>`).join(' ')}</fieldset>
  <label>check <select name="rule"><option value="">all checks</option>${rules.map((id) => `<option value="${esc(id)}">${esc(ruleLabel(id))}</option>`).join('')}</select></label>
</form>
<p id="finding-status" class="status" aria-live="polite">Click a finding to see it in both texts, or a highlight to find its finding.</p>
<ol class="finding-list">
${main.map(([f, i]) => findingItem(r, f, i)).join('\n')}
</ol>
${aside.length ? `<details class="set-aside"><summary>Set aside: ${aside.length} info item${aside.length === 1 ? '' : 's'} (page furniture and the like)</summary><ol class="finding-list">${aside.map(([f, i]) => findingItem(r, f, i)).join('\n')}</ol></details>` : ''}
</section>
<article id="source" class="doc" aria-labelledby="source-title"><h2 id="source-title">Source <small>${esc(meta(r.source, labels.source))}</small></h2>${renderDoc(r.source, r.findings, 'source', unmatched('source'), markedWords(r, 'source'))}</article>
<article id="derived" class="doc" aria-labelledby="derived-title"><h2 id="derived-title">Derived <small>${esc(meta(r.derived, labels.derived))}</small></h2>${renderDoc(r.derived, r.findings, 'derived', unmatched('derived'), markedWords(r, 'derived'))}</article>
</div>
</main>
<script id="unspun-links" type="application/json">${json(links)}</script>
${opts.assets ? '' : `<script>${REPORT_JS}</script>`}
</body></html>
`;
}

/** The direction guard's banner: the web page offers the swap; the file names the CLI flags. */
function orderBanner(warning: string, opts: HtmlReportOptions): string {
  const actions = opts.order
    ? `<a class="button swap" href="${esc(opts.order.swap)}">Swap source and derived</a>${
        opts.order.keep ? ` <a class="button keep" href="${esc(opts.order.keep)}">Keep this order</a>` : ''
      }`
    : 'Compare them the other way round with <code>--orient auto</code>, or confirm this order with <code>--orient as-given</code>.';
  return `<div class="order-banner" role="alert"><p><strong>Check the order.</strong> ${esc(warning)}</p><p>${actions}</p></div>`;
}

/** The column caption: where the text came from (its title is already the first line of the text). */
function meta(a: ArticleReport, label: string): string {
  return [a.url ?? label, a.outlet, a.byline, a.published].filter(Boolean).join(' · ');
}

/** One side of a finding as a quoted passage with the changed words marked (never bare offsets). */
function passage(r: CompareResult, f: Finding, side: 'source' | 'derived', width: number): string {
  const span = f[side];
  if (!span) return `<span class="passage none"><span class="side">${side}</span> —</span>`;
  const doc = side === 'source' ? r.source : r.derived;
  const s = doc.sentences[span.sentence];
  const text = s
    ? excerpt(span, s.text, s.start, (x) => `<mark>${x}</mark>`, width, esc)
    : esc(span.text.slice(0, width));
  return `<span class="passage"><span class="side">${side}</span> “${text}”</span>`;
}

function sevBadge(f: Finding): string {
  const held = f.heldFrom ? ` <span class="held">held from ${f.heldFrom} until the order is confirmed</span>` : '';
  return `<span class="sev-badge sev-${f.severity}">${f.severity}</span>${held}`;
}

function worstItem(r: CompareResult, f: Finding, i: number, docLink: (p: string, t: string) => string): string {
  return `<li class="worst-item">${sevBadge(f)} <b>${esc(ruleLabel(f.ruleId))}</b> ${esc(f.message)} <button type="button" class="show-in-text" data-f="${i}">Show in the texts</button> <small>${docLink(f.url, 'about this check')}</small>
<blockquote>${passage(r, f, 'source', 260)}${passage(r, f, 'derived', 260)}</blockquote></li>`;
}

/** A finding in the list: one button (Enter and Space activate it) with both passages quoted. */
function findingItem(r: CompareResult, f: Finding, i: number): string {
  return `<li class="finding sev-${f.severity}" data-f="${i}" data-rule="${esc(f.ruleId)}" data-severity="${f.severity}"><button type="button" class="finding-btn" data-f="${i}" aria-pressed="false">${sevBadge(f)} <b>${esc(ruleLabel(f.ruleId))}</b> <span class="msg">${esc(f.message)}</span>${passage(r, f, 'source', 140)}${passage(r, f, 'derived', 140)}</button></li>`;
}

/**
 * Splits the text at every sentence, boilerplate and finding boundary and wraps each piece in its classes.
 * Each sentence is a button styled as text (Tab reaches it, Enter or Space shows its counterparts); boilerplate is
 * folded. Each aligned word is a `span.w` carrying its pair ids, for the script to pair on hover or focus.
 */
function renderDoc(
  doc: ArticleReport,
  findings: Finding[],
  side: 'source' | 'derived',
  unmatched: Set<number>,
  words: MarkedWord[],
): string {
  const marks = findings.map((f, i) => ({ i, f, span: f[side] })).filter((m) => m.span && m.span.end > m.span.start);
  const cuts = new Set<number>([0, doc.text.length]);
  for (const s of doc.sentences) cuts.add(s.start).add(s.end);
  for (const b of doc.boilerplate) cuts.add(b.start).add(b.end);
  for (const m of marks) cuts.add(m.span!.start).add(m.span!.end);
  const points = [...cuts].filter((x) => x >= 0 && x <= doc.text.length).sort((a, b) => a - b);
  let html = '';
  // One element per sentence and per boilerplate span, opened on entering it and closed on leaving, so a sentence
  // cut by highlights is still one Tab stop.
  let openSentence: (typeof doc.sentences)[number] | null = null;
  let openBoiler: (typeof doc.boilerplate)[number] | null = null;
  const text = (a: number, b: number) => esc(doc.text.slice(a, b)).replace(/\n/g, '<br>');
  // Aligned words are wrapped inside a piece (not cut into pieces of their own), so a highlight stays one mark.
  let nextWord = 0;
  const withWords = (a: number, b: number) => {
    while (nextWord < words.length && words[nextWord].end <= a) nextWord++;
    let out = '';
    let at = a;
    for (let w = nextWord; w < words.length && words[w].start < b; w++) {
      const [s, e] = [Math.max(a, words[w].start), Math.min(b, words[w].end)];
      out += `${text(at, s)}<span class="w" data-w="${words[w].ids.join(' ')}">${text(s, e)}</span>`;
      at = e;
    }
    return out + text(at, b);
  };
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const piece = withWords(a, b);
    const sentence = doc.sentences.find((s) => s.start <= a && b <= s.end) ?? null;
    const boiler = sentence ? null : (doc.boilerplate.find((x) => x.start <= a && b <= x.end) ?? null);
    if (openSentence && sentence !== openSentence) {
      html += '</button>';
      openSentence = null;
    }
    if (openBoiler && boiler !== openBoiler) {
      html += '</span></details>';
      openBoiler = null;
    }
    if (boiler && boiler !== openBoiler) {
      html += `<details class="boilerplate"><summary>page furniture set aside (${esc(boiler.reason)})</summary><span class="bp">`;
      openBoiler = boiler;
    }
    if (sentence && sentence !== openSentence) {
      html += `<button type="button" class="s ${sentence.kind}${unmatched.has(sentence.id) ? ' unmatched' : ''}" data-side="${side}" data-s="${sentence.id}">`;
      openSentence = sentence;
    }
    const over = marks.filter((m) => m.span!.start <= a && b <= m.span!.end);
    if (over.length) {
      const worst = SEVERITIES.find((s) => over.some((m) => m.f.severity === s))!;
      const tip = over.map((m) => `${m.f.severity} · ${ruleLabel(m.f.ruleId)}: ${m.f.message}`).join('\n');
      html += `<mark class="sev-${worst}" data-f="${over.map((m) => m.i).join(' ')}" title="${esc(tip)}">${piece}</mark>`;
    } else html += piece;
  }
  if (openSentence) html += '</button>';
  if (openBoiler) html += '</span></details>';
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
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f1f1f;background:#fafafa}
.skip{position:absolute;left:-9999px}.skip:focus{position:static;left:auto;background:#fff;color:#000;padding:4px 8px}
#main:focus{outline:none}
header.summary{padding:14px 20px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 6px}h2{font-size:15px;margin:0 0 8px}
.headline{font-size:18px;line-height:1.45;margin:4px 0 6px;max-width:70em}
.counts{margin:0 0 8px;color:#404040}
.worst ol{margin:0;padding-left:24px}.worst-item{margin:0 0 10px;max-width:80em}
.worst blockquote{margin:4px 0;padding:4px 10px;border-left:3px solid #ccc;background:#f6f6f6}
.passage{display:block;font-size:13px;color:#303030}.passage .side{display:inline-block;min-width:4.5em;font-weight:600;color:#404040;text-transform:uppercase;font-size:11px}
.passage mark{background:#fff0a8;color:inherit;text-decoration:underline;font-weight:600}
.why{margin:6px 0}.why summary{cursor:pointer;font-weight:600}
.quantities{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:2px 18px;margin:6px 0;font-size:13px}.quantities div{display:flex;gap:6px;justify-content:space-between;border-bottom:1px dotted #ddd}.quantities dt{color:#404040}.quantities dd{margin:0;font-weight:600}
.basis{font-size:12px;color:#404040}
.order-banner{background:#fff4e5;border:2px solid #b35900;border-radius:6px;padding:8px 12px;margin:8px 0}.order-banner p{margin:4px 0}
.inline{display:inline}
button{font:inherit}
.order-banner .button{display:inline-block;padding:4px 12px;border-radius:4px;border:1px solid #7a3d00;background:#7a3d00;color:#fff;text-decoration:none;font-weight:600}.order-banner .button.keep{background:#fff;color:#7a3d00}
.show-in-text{font-size:12px;padding:1px 8px;cursor:pointer}
.workspace{display:grid;grid-template-columns:minmax(280px,27%) minmax(0,1fr) minmax(0,1fr);gap:16px;padding:16px 20px;align-items:start}
#findings{position:sticky;top:0;max-height:100vh;overflow:auto;background:#fff;border:1px solid #ddd;padding:10px 12px;box-sizing:border-box}
.finding-list{margin:0;padding-left:0;list-style:none}
.finding{margin:0 0 6px}.finding[hidden]{display:none}
.finding-btn{display:block;width:100%;text-align:left;background:#fff;border:1px solid #ddd;border-left-width:5px;border-radius:4px;padding:6px 8px;cursor:pointer;color:inherit}
.finding-btn:focus-visible,.s:focus-visible,.show-in-text:focus-visible{outline:3px solid #0a58ca;outline-offset:1px}
.finding.active .finding-btn{border-color:#1f1f1f;box-shadow:0 0 0 2px #1f1f1f}
.finding.sev-high .finding-btn{border-left-color:#b00020}.finding.sev-medium .finding-btn{border-left-color:#a36b00}.finding.sev-low .finding-btn{border-left-color:#6a4fc1}.finding.sev-info .finding-btn{border-left-color:#8c8c8c}
.msg{display:block;margin:2px 0}
.sev-badge{font-size:11px;text-transform:uppercase;font-weight:700;padding:0 4px;border-radius:3px;border:1px solid currentColor}
.sev-badge.sev-high{color:#b00020}.sev-badge.sev-medium{color:#7a5000}.sev-badge.sev-low{color:#5b3fa8}.sev-badge.sev-info{color:#4d4d4d}
.held{font-size:11px;color:#7a3d00}
.status{font-size:13px;color:#404040;margin:4px 0 8px}
.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:center;font-size:13px;margin:0 0 6px}.filters fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:8px}.filters legend{float:left;margin-right:6px;color:#404040}
.set-aside{margin-top:8px}.set-aside summary{cursor:pointer;color:#404040}
.doc{background:#fff;border:1px solid #ddd;padding:12px 16px;white-space:normal;min-width:0}
.doc h2 small{font-weight:400;color:#4d4d4d;overflow-wrap:anywhere}
.s{all:unset;display:inline;cursor:pointer;border-radius:3px;user-select:text;-webkit-user-select:text}.s.heading{font-weight:700}
.s.unmatched{background-image:repeating-linear-gradient(135deg,transparent 0 5px,#e3e3e3 5px 7px)}
.s.linked{background:#d4f2da}.s.selected{background:#a8e2b4}
details.boilerplate{display:inline;color:#4d4d4d;font-size:13px}details.boilerplate summary{display:inline;cursor:pointer;font-style:italic}details.boilerplate .bp{text-decoration:line-through}
mark{border-radius:2px;padding:0 1px;color:inherit;text-underline-offset:3px}
mark.sev-high{background:#ffc9c9;text-decoration:underline solid #b00020 2px}
mark.sev-medium{background:#ffe7a3;text-decoration:underline dashed #7a5000 2px}
mark.sev-low{background:#e6dcff;text-decoration:underline dotted #5b3fa8 2px}
mark.sev-info{background:#ececec}
.text mark.filtered{background:none;text-decoration:none}
.text mark.active{outline:3px solid #1f1f1f;outline-offset:1px}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 14px;padding:0;margin:0 0 8px;font-size:13px}
.aligned-swatch{background:#d4f2da;padding:0 4px}.pair-swatch{background:#cfe3ff;box-shadow:inset 0 -2px 0 #0b4fb3;padding:0 4px;font-weight:700}
.w{position:relative}.w.wp{border-radius:2px}
.w.wp::after{content:attr(data-n);position:absolute;left:0;top:-1.05em;font-size:10px;line-height:1;font-weight:700;color:#1f1f1f;background:#fff;border:1px solid #8c8c8c;border-radius:2px;padding:0 1px;pointer-events:none}
.w.wp.rel-antonym::after{content:attr(data-n) " \\2260"}
.wp-c0{background:#cfe3ff;box-shadow:inset 0 -2px 0 #0b4fb3}.wp-c1{background:#ffd8b0;box-shadow:inset 0 -2px 0 #a14a00}
.wp-c2{background:#c4f0ec;box-shadow:inset 0 -2px 0 #00736b}.wp-c3{background:#ffd0ec;box-shadow:inset 0 -2px 0 #a3116b}
.wp-c4{background:#e2f5b5;box-shadow:inset 0 -2px 0 #4d6b00}.wp-c5{background:#eadbc8;box-shadow:inset 0 -2px 0 #6b4a1f}.unmatched-swatch{padding:0 4px;background-image:repeating-linear-gradient(135deg,transparent 0 5px,#e3e3e3 5px 7px)}
@media (max-width:900px){.workspace{grid-template-columns:minmax(0,1fr);padding:10px}#findings{position:static;max-height:60vh}.headline{font-size:16px}header.summary{padding:10px}}
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
  // Word pairs of one sentence: each pair numbered and coloured alike on both sides, its relation as the title.
  function text(els){ return els.map(function(e){ return e.textContent; }).join(''); }
  function words(side, id){
    q('.w.wp').forEach(function(e){
      e.className = 'w'; e.removeAttribute('data-n'); e.removeAttribute('title');
    });
    if (side === null) return [];
    var key = side === 'source' ? 's' : 'd', other = side === 'source' ? 'derived' : 'source', out = [];
    links.forEach(function(l, li){
      if (l[key].indexOf(id) < 0 || !l.w) return;
      l.w.forEach(function(rel, k){
        var sel = '.w[data-w~="' + li + '.' + k + '"]';
        var here = q('#' + side + ' ' + sel).filter(function(e){ var s = e.closest('.s'); return s && +s.dataset.s === id; });
        if (!here.length) return;
        var there = q('#' + other + ' ' + sel), n = out.length + 1;
        var src = side === 'source' ? here : there, der = side === 'source' ? there : here;
        var tip = n + ' · ' + rel + ': ' + text(src) + ' ↔ ' + text(der);
        here.concat(there).forEach(function(e){
          e.classList.add('wp', 'wp-c' + ((n - 1) % 6), 'rel-' + rel); e.setAttribute('data-n', n); e.title = tip;
        });
        out.push(text(src) + ' ↔ ' + text(der) + ' (' + rel + ')');
      });
    });
    return out;
  }
  var status = document.getElementById('finding-status');
  function describe(side, id){
    var n = partners(side, id).length, w = words(side, id);
    if (!n) return 'This sentence has no counterpart on the other side.';
    return 'This sentence is linked to ' + n + ' on the other side (highlighted)' +
      (w.length ? '; ' + w.length + ' aligned word' + (w.length === 1 ? '' : 's') + ': ' + w.join('; ') + '.' : '.');
  }
  function show(e){ mark(e.dataset.side, +e.dataset.s, 'linked'); words(e.dataset.side, +e.dataset.s); }
  function hide(){ mark(null, 0, 'linked'); words(null, 0); }
  q('.s').forEach(function(e){
    e.addEventListener('mouseenter', function(){ show(e); });
    e.addEventListener('mouseleave', hide);
    // Keyboard: focusing a sentence shows the same pairs, and the status line reads them out.
    e.addEventListener('focus', function(){ mark(e.dataset.side, +e.dataset.s, 'linked'); if (status) status.textContent = describe(e.dataset.side, +e.dataset.s); });
    e.addEventListener('blur', hide);
    // A button: Enter and Space click it too.
    e.addEventListener('click', function(){
      mark(e.dataset.side, +e.dataset.s, 'selected');
      if (status) status.textContent = describe(e.dataset.side, +e.dataset.s);
    });
  });
  function item(i){ return document.querySelector('.finding[data-f="'+i+'"]'); }
  function activate(i, from){
    q('.active').forEach(function(e){e.classList.remove('active');});
    q('.finding-btn[aria-pressed="true"]').forEach(function(b){ b.setAttribute('aria-pressed', 'false'); });
    var li = item(i), btn = li && li.querySelector('.finding-btn');
    if (li) {
      li.classList.add('active');
      var fold = li.closest('details'); if (fold) fold.open = true;
      btn.setAttribute('aria-pressed', 'true');
      if (status) status.textContent = 'Finding ' + (+i + 1) + ': ' + li.querySelector('.sev-badge').textContent + ' · ' + li.querySelector('b').textContent + ': ' + li.querySelector('.msg').textContent;
    }
    var hits = q('.text mark[data-f]').filter(function(m){ return m.dataset.f.split(' ').indexOf(String(i)) >= 0; });
    hits.forEach(function(m){ m.classList.add('active'); });
    if (from === 'text') { if (li) { li.scrollIntoView({block:'nearest'}); btn.focus({preventScroll:true}); } }
    else if (hits[0] && hits[0].scrollIntoView) hits[0].scrollIntoView({block:'center'});
  }
  q('.finding-btn, .show-in-text').forEach(function(b){ b.addEventListener('click', function(){ activate(b.dataset.f, 'list'); }); });
  q('.text mark[data-f]').forEach(function(m){ m.addEventListener('click', function(ev){
    ev.stopPropagation();
    var ids = m.dataset.f.split(' '), shown = ids.filter(function(i){ var li = item(i); return li && !li.hidden; });
    activate(shown[0] || ids[0], 'text');
  }); });
  var form = document.querySelector('form.filters');
  function filter(){
    var sev = q('form.filters input[name=severity]:checked').map(function(e){ return e.value; });
    var rule = form.querySelector('select[name=rule]').value, shown = {};
    q('.finding').forEach(function(e){
      var ok = sev.indexOf(e.dataset.severity) >= 0 && (!rule || e.dataset.rule === rule);
      e.hidden = !ok; if (ok) shown[e.dataset.f] = true;
    });
    q('.text mark[data-f]').forEach(function(m){ m.classList.toggle('filtered', !m.dataset.f.split(' ').some(function(i){ return shown[i]; })); });
  }
  if (form) { form.addEventListener('change', filter); form.addEventListener('submit', function(ev){ ev.preventDefault(); }); }
})();
`;
