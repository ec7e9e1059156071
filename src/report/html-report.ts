import { renderChecksTable, renderSkips, renderUnconfirmed, type TargetCheck } from './html-checks.ts';
import { html, type SafeHtml } from './html-escape.ts';
import { renderFailure } from './html-failure.ts';
import { formatInstant, formatMs, plural } from './html-format.ts';
import { STYLE_ELEMENT } from './html-style.ts';
import type { Counts, RunResults, TargetResults } from './results.ts';
import { renderWaterfall } from './waterfall-html.ts';

/**
 * No script runs and nothing loads from anywhere: the page is inert even if a tenant's value ever
 * got past the escaping, and it reads the same from a CI artifact offline.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const VERDICT_WORDS: Readonly<Record<RunResults['run']['outcome'], string>> = {
  passed: 'Passed',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

function total(results: RunResults): Counts {
  const sum = (key: keyof Counts) => results.targets.reduce((all, target) => all + target.counts[key], 0);
  return {
    passed: sum('passed'),
    failed: sum('failed'),
    skipped: sum('skipped'),
    unconfirmed: sum('unconfirmed'),
  };
}

function countPill(count: number, kind: keyof Counts): SafeHtml {
  return html`<span class="pill ${kind} ${count === 0 ? 'zero' : ''}">${count} ${kind}</span>`;
}

function tenantText(target: TargetResults): string {
  return target.emulated && target.tenant !== 'embedded emulator'
    ? `${target.tenant} (emulated)`
    : target.tenant;
}

function verdict(results: RunResults): SafeHtml {
  const counts = total(results);
  const checks = counts.passed + counts.failed + counts.skipped;
  const sub =
    counts.failed > 0
      ? `${counts.failed} of ${plural(checks, 'check')} failed`
      : `${counts.passed} of ${plural(checks, 'check')} passed`;
  const mode = [
    results.run.strict ? '--strict' : '',
    results.run.smoke ? '--smoke' : '',
    results.run.selection ? `selected: ${results.run.selection.join(', ')}` : '',
  ].filter(Boolean);
  const targets = results.targets.map(
    (target) =>
      html`<tr data-target="${target.name}">
        <td><strong>${target.name}</strong></td>
        <td class="mono">${tenantText(target)}</td>
        <td>
          ${countPill(target.counts.passed, 'passed')} ${countPill(target.counts.failed, 'failed')}
          ${countPill(target.counts.skipped, 'skipped')}
          ${countPill(target.counts.unconfirmed, 'unconfirmed')}
        </td>
      </tr>`,
  );
  return html`<section class="card verdict ${results.run.outcome}" id="verdict">
    <div class="verdict-head">
      <h1 class="verdict-word">${VERDICT_WORDS[results.run.outcome] ?? results.run.outcome}</h1>
      <span class="verdict-sub">${sub}</span>
    </div>
    <dl class="facts">
      <div>
        <dt>Run id</dt>
        <dd class="mono">${results.run.id}</dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd title="${results.run.startedAt}">${formatInstant(results.run.startedAt)}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>${formatMs(results.run.durationMs)}</dd>
      </div>
      <div>
        <dt>Mode</dt>
        <dd>${mode.length > 0 ? mode.join(' · ') : 'every check'}</dd>
      </div>
    </dl>
    <table class="targets">
      <thead>
        <tr>
          <th>Target</th>
          <th>Tenant</th>
          <th>Checks</th>
        </tr>
      </thead>
      <tbody>
        ${targets}
      </tbody>
    </table>
  </section>`;
}

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section id="${id}">
    <h2>${title}</h2>
    ${body}
  </section>`;
}

function perTarget(
  results: RunResults,
  summary: (target: TargetResults) => string,
  body: (target: TargetResults) => SafeHtml,
): SafeHtml[] {
  return results.targets.map(
    (target) =>
      html`<details class="target" open data-target="${target.name}">
        <summary>
          ${target.name} <span class="muted">· ${tenantText(target)} · ${summary(target)}</span>
        </summary>
        <div class="target-body">${body(target)}</div>
      </details>`,
  );
}

/**
 * The run as one self-contained HTML page: the verdict first, then each failure with its evidence
 * and a curl to reproduce it, unconfirmed expectations, skips with reasons, every check per
 * target, and a waterfall of the requests. Every value is escaped; the page loads nothing.
 */
export function renderHtml(results: RunResults): string {
  const all: TargetCheck[] = results.targets.flatMap((target) =>
    target.checks.map((check) => ({ target, check })),
  );
  const failed = all.filter(({ check }) => check.status === 'failed');
  const unconfirmed = all.filter(({ check }) => check.unconfirmed.length > 0);
  const skipped = all.filter(({ check }) => check.status === 'skipped');
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>idflow ${results.run.outcome}: run ${results.run.id}</title>
        ${STYLE_ELEMENT}
      </head>
      <body>
        <main>
          ${verdict(results)}
          ${
            failed.length > 0 &&
            section(
              'failures',
              `Failures (${failed.length})`,
              html`${failed.map(({ target, check }) => renderFailure(target, check))}`,
            )
          }
          ${
            unconfirmed.length > 0 &&
            section(
              'unconfirmed',
              `Unconfirmed expectations (${unconfirmed.length})`,
              renderUnconfirmed(unconfirmed),
            )
          }
          ${skipped.length > 0 && section('skipped', `Skipped (${skipped.length})`, renderSkips(skipped))}
          ${section(
            'checks',
            'Checks in run order',
            html`${perTarget(results, (target) => plural(target.checks.length, 'check'), renderChecksTable)}`,
          )}
          ${section(
            'requests',
            'Requests',
            html`${perTarget(results, (target) => plural(target.exchanges.length, 'request'), renderWaterfall)}`,
          )}
          <p class="muted">
            Written by ${results.tool.name} ${results.tool.version} from the run's results (version
            ${results.version}).
          </p>
        </main>
      </body>
    </html>`;
  return `${page.markup}\n`;
}
