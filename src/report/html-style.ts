import { SafeHtml } from './html-escape.ts';

/** The HTML report's whole stylesheet, inlined: the page must open from a CI artifact, offline. */
const CSS = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --bg: #fff;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9;
  --skip: #6e7781; --skip-bg: #eff2f5; --warn: #9a6700; --warn-bg: #fff8c5; --accent: #0969da;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  --label-w: minmax(260px, 42%);
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--soft); color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
}
main { max-width: 1200px; margin: 0 auto; padding: 24px 20px 48px; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h2 { font-size: 18px; margin: 32px 0 12px; }
h3 { font-size: 15px; }
code, pre, .mono { font-family: var(--mono); font-size: 12.5px; }
pre {
  margin: 0; padding: 10px 12px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
  white-space: pre-wrap; word-break: break-all; max-height: 320px; overflow: auto;
}
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin: 0 0 12px; }
.card.flush { padding: 0; overflow: hidden; }
.muted { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }

/* Verdict */
.verdict { border-left: 6px solid var(--skip); padding: 20px 22px; }
.verdict.passed { border-left-color: var(--pass); }
.verdict.failed, .verdict.interrupted { border-left-color: var(--fail); }
.verdict-head { display: flex; align-items: baseline; gap: 14px; flex-wrap: wrap; }
.verdict-word { font-size: 28px; font-weight: 700; }
.verdict.passed .verdict-word { color: var(--pass); }
.verdict.failed .verdict-word, .verdict.interrupted .verdict-word { color: var(--fail); }
.verdict-sub { font-size: 16px; color: var(--muted); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 6px 24px; margin: 14px 0 0; }
.facts div { min-width: 0; }
.facts dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.targets { width: 100%; border-collapse: collapse; margin-top: 16px; }
.targets th, .targets td { text-align: left; padding: 6px 10px 6px 0; border-top: 1px solid var(--line); }
.targets th { font-size: 12px; color: var(--muted); font-weight: 600; }

/* Status pills */
.pill {
  display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 600;
  line-height: 20px; white-space: nowrap; background: var(--skip-bg); color: var(--skip);
}
.pill.passed { background: var(--pass-bg); color: var(--pass); }
.pill.failed { background: var(--fail-bg); color: var(--fail); }
.pill.unconfirmed { background: var(--warn-bg); color: var(--warn); }
.pill.zero { opacity: .45; }

/* Failures */
.failure { border-left: 4px solid var(--fail); }
.failure-head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.failure-summary { margin: 6px 0 12px; font-weight: 600; overflow-wrap: anywhere; }
.hint { background: var(--warn-bg); border-radius: 6px; padding: 8px 12px; margin: 12px 0; }
.expectations { border-collapse: collapse; margin: 4px 0 8px; }
.expectations th, .expectations td { text-align: left; padding: 4px 16px 4px 0; vertical-align: top; }
.expectations th { font-size: 12px; color: var(--muted); font-weight: 600; }
.expectations .given { color: var(--fail); font-weight: 600; }
.evidence { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
.evidence dt { color: var(--muted); }
.evidence dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; margin: 12px 0 4px; }
details > summary { cursor: pointer; }
details.more { margin-top: 10px; }

/* Lists of checks */
.checks { width: 100%; border-collapse: collapse; background: var(--bg); }
.checks th, .checks td { text-align: left; padding: 6px 10px; border-top: 1px solid var(--line); vertical-align: top; }
.checks th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--soft); position: sticky; top: 0; }
.checks td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.checks .id { font-family: var(--mono); font-size: 12.5px; overflow-wrap: anywhere; }
.checks .notes { color: var(--muted); font-size: 12.5px; }
.checks tr.failed td { background: #fff6f5; }
.target { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; margin: 0 0 16px; }
.target > summary { padding: 12px 16px; font-weight: 600; font-size: 15px; }
.target > summary .muted { font-weight: 400; }
.target-body { padding: 0 16px 16px; overflow-x: auto; }

/* Waterfall */
.wf-scroll { max-height: 560px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
.wf-body { position: relative; min-width: 760px; }
.wf-row, .wf-axis { display: grid; grid-template-columns: var(--label-w) 1fr; min-height: 24px; }
.wf-row { border-top: 1px solid #eef1f4; }
.wf-row:hover { background: #f3f7fc; }
.wf-axis { position: sticky; top: 0; z-index: 3; background: var(--soft); border-bottom: 1px solid var(--line); }
.wf-axis .wf-label { font-size: 12px; color: var(--muted); font-weight: 600; }
.wf-label {
  padding: 2px 10px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  font-size: 12.5px; line-height: 20px; border-right: 1px solid var(--line); background: inherit;
}
.wf-method { font-family: var(--mono); font-weight: 700; font-size: 11.5px; }
.wf-path { font-family: var(--mono); font-size: 12px; }
.wf-status { font-family: var(--mono); font-weight: 700; font-size: 12px; }
.wf-status.s2 { color: var(--pass); } .wf-status.s3 { color: var(--accent); }
.wf-status.s4 { color: var(--warn); } .wf-status.s5, .wf-status.serr { color: var(--fail); }
.wf-check { color: var(--muted); font-size: 12px; }
.wf-check::before { content: "· "; }
.wf-retry-badge { font-size: 11px; font-weight: 700; color: var(--warn); background: var(--warn-bg); border-radius: 4px; padding: 0 4px; }
.wf-failed .wf-label { box-shadow: inset 3px 0 0 var(--fail); }
.wf-settling .wf-label { box-shadow: inset 3px 0 0 #8250df; }
.wf-track { position: relative; margin: 0 12px; min-width: 0; overflow: hidden; }
.wf-row.wf-tall { min-height: 40px; }
.wf-bar {
  position: absolute; top: 5px; height: 14px; min-width: 3px; border-radius: 3px; overflow: hidden; z-index: 1;
  background: #8c959f;
}
.wf-bar.s2 { background: #2da44e; } .wf-bar.s3 { background: #218bff; } .wf-bar.s4 { background: #d4a72c; }
.wf-bar.s5 { background: #cf222e; } .wf-bar.serr { background: repeating-linear-gradient(90deg, #cf222e 0 4px, #ffebe9 4px 6px); }
.wf-attempt { position: absolute; top: 0; bottom: 0; background: #8c959f; }
.wf-attempt.s2 { background: #2da44e; } .wf-attempt.s3 { background: #218bff; } .wf-attempt.s4 { background: #d4a72c; }
.wf-attempt.s5, .wf-attempt.serr { background: #cf222e; }
.wf-wait {
  position: absolute; top: 0; bottom: 0;
  background: repeating-linear-gradient(135deg, rgba(255,255,255,.95) 0 3px, rgba(0,0,0,.25) 3px 6px);
}
.wf-note { position: absolute; top: 19px; font-size: 11.5px; line-height: 20px; white-space: nowrap; z-index: 2; }
.wf-note-retry { color: var(--warn); font-weight: 600; }
.wf-note-settle { color: #8250df; font-weight: 600; }
.wf-group { background: #fbf8ff; }
.wf-group-title { font-family: var(--mono); font-size: 12px; font-weight: 700; }
.wf-group-note { color: #8250df; font-size: 12px; margin-left: 6px; }
.wf-bracket {
  position: absolute; top: 8px; height: 8px; min-width: 3px; border: 2px solid #8250df; border-bottom: 0;
  border-radius: 3px 3px 0 0;
}
.wf-tick { position: absolute; top: 3px; font-size: 11px; color: var(--muted); transform: translateX(-50%); white-space: nowrap; }
.wf-tick:first-child { transform: none; }
.wf-tick.wf-tick-end { transform: translateX(-100%); }
.wf-grid {
  position: absolute; inset: 25px 0 0 0; pointer-events: none; display: grid; grid-template-columns: var(--label-w) 1fr;
}
.wf-grid span { position: absolute; top: 0; bottom: 0; border-left: 1px dashed #e3e8ee; }
.wf-legend { color: var(--muted); font-size: 12px; margin: 8px 0 0; }
.wf-key { display: inline-block; width: 14px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: baseline; }
.wf-key:first-child { margin-left: 0; }
.wf-key.s2 { background: #2da44e; } .wf-key.s3 { background: #218bff; } .wf-key.s4 { background: #d4a72c; }
.wf-key.s5 { background: #cf222e; } .wf-key.serr { background: repeating-linear-gradient(90deg, #cf222e 0 3px, #ffebe9 3px 5px); }
.wf-key-wait { background: repeating-linear-gradient(135deg, #fff 0 3px, #8c959f 3px 6px); border: 1px solid #8c959f; }
.wf-key-settle { border: 2px solid #8250df; border-bottom: 0; }
@media print { .wf-scroll { max-height: none; } body { background: #fff; } }
`;

/** The stylesheet as an element: our own constant, so it goes in as written (CSS is not HTML-escaped). */
export const STYLE_ELEMENT = new SafeHtml(`<style>${CSS}</style>`);
