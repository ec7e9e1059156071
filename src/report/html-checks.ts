import { html, type SafeHtml } from './html-escape.ts';
import { formatMs } from './html-format.ts';
import type { CheckRun, TargetResults } from './results.ts';

/** A check and the target it ran against, for the sections that list checks across targets. */
export interface TargetCheck {
  readonly target: TargetResults;
  readonly check: CheckRun;
}

function statusPill(check: CheckRun): SafeHtml {
  return html`<span class="pill ${check.status}">${check.status}</span>`;
}

/** The short notes of a check's row: retries, settling, unconfirmed expectations, other notes. */
function notes(check: CheckRun): SafeHtml {
  const parts: SafeHtml[] = [];
  if (check.retries > 0) parts.push(html`<div>retried ${check.retries}×</div>`);
  if (check.settleMs !== undefined) parts.push(html`<div>settled after ${formatMs(check.settleMs)}</div>`);
  for (const text of check.unconfirmed) parts.push(html`<div>unconfirmed: ${text}</div>`);
  for (const note of check.notes) {
    // Settling and unconfirmed expectations are already said above, in the run's own words.
    if (note.type === 'settling' || note.type === 'inferred-unconfirmed') continue;
    parts.push(html`<div>${note.type}: ${note.message}</div>`);
  }
  if (check.skipReason) parts.push(html`<div>${check.skipReason}</div>`);
  if (check.failure) parts.push(html`<div>${check.failure.summary}</div>`);
  return html`${parts}`;
}

/** Every check of a target in the order it ran, with its status. */
export function renderChecksTable(target: TargetResults): SafeHtml {
  if (target.checks.length === 0) return html`<p class="empty">No check ran.</p>`;
  const rows = target.checks.map(
    (check, index) =>
      html`<tr class="${check.status}" data-check="${check.id}">
        <td class="num muted">${index + 1}</td>
        <td>${statusPill(check)}</td>
        <td class="id" title="${check.title}">${check.id}</td>
        <td>${check.kind}</td>
        <td class="num mono">${check.httpStatus ?? '–'}</td>
        <td class="num">${check.status === 'skipped' ? '–' : formatMs(check.durationMs)}</td>
        <td class="notes">${notes(check)}</td>
      </tr>`,
  );
  return html`<table class="checks">
    <thead>
      <tr>
        <th>#</th>
        <th>Status</th>
        <th>Check</th>
        <th>Kind</th>
        <th>HTTP</th>
        <th>Time</th>
        <th>Notes</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

/** The skipped checks and why the run skipped each. */
export function renderSkips(skipped: readonly TargetCheck[]): SafeHtml {
  const rows = skipped.map(
    ({ target, check }) =>
      html`<tr data-check="${check.id}">
        <td class="id">${check.id}</td>
        <td>${target.name}</td>
        <td>${check.kind}</td>
        <td class="skip-reason">${check.skipReason ?? 'no reason recorded'}</td>
      </tr>`,
  );
  return html`<div class="card flush">
    <table class="checks">
      <thead>
        <tr>
          <th>Check</th>
          <th>Target</th>
          <th>Kind</th>
          <th>Why it was skipped</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

/** Inferred expectations that did not hold: reported, not failed (unless the run was strict). */
export function renderUnconfirmed(unconfirmed: readonly TargetCheck[]): SafeHtml {
  const items = unconfirmed.map(({ target, check }) => {
    const reasons = check.expectations.filter((expectation) => !expectation.passed && expectation.inferred);
    return html`<div class="card" data-check="${check.id}">
      <h3><span class="mono">${check.id}</span> <span class="muted">· ${target.name}</span></h3>
      <ul>
        ${check.unconfirmed.map((text) => html`<li>${text}</li>`)}
      </ul>
      ${reasons.map(
        (expectation) =>
          html`<p class="muted">Why “${expectation.name}” was expected: ${expectation.inferred}</p>`,
      )}
    </div>`;
  });
  return html`<p class="muted">
      These expectations are inferred, not documented by the vendor: the tenant did otherwise, which is
      reported rather than failed (a run with <code>--strict</code> fails them).
    </p>
    ${items}`;
}
