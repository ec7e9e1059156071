import { html, type SafeHtml } from './html-escape.ts';
import type { CheckRun, FailureEvidence, TargetResults } from './results.ts';

function where(check: CheckRun): string {
  return check.definition ? `${check.definition.file}:${check.definition.line}` : check.suite;
}

function expectationsTable(check: CheckRun): SafeHtml {
  const failed = check.expectations.filter((expectation) => !expectation.passed);
  const held = check.expectations.filter((expectation) => expectation.passed).length;
  if (failed.length === 0) return html``;
  const rows = failed.map(
    (expectation) =>
      html`<tr>
        <td>
          ${expectation.name}
          ${expectation.inferred && html`<span class="pill unconfirmed" title="${expectation.inferred}">inferred</span>`}
        </td>
        <td class="mono expected">${expectation.expected}</td>
        <td class="mono given">${expectation.given}</td>
      </tr>`,
  );
  return html`<table class="expectations">
      <thead>
        <tr>
          <th>Expectation</th>
          <th>Expected</th>
          <th>Given</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    ${held > 0 && html`<p class="muted">${held} other expectation${held === 1 ? '' : 's'} held.</p>`}`;
}

function evidenceList(evidence: FailureEvidence): SafeHtml {
  const fields: [string, string | number | undefined][] = [
    ['Request', evidence.request],
    ['Status', evidence.status],
    ['Vendor code', evidence.vendorCode],
    ['Vendor message', evidence.vendorMessage],
    ['Details', evidence.details],
    ['Correlation-Id', evidence.correlationId],
    ['Retried', evidence.retried],
    ['Retry stopped', evidence.retryStopped],
  ];
  const present = fields.filter(([, value]) => value !== undefined && value !== '');
  return html`<div class="label">Evidence</div>
    <dl class="evidence">
      ${present.map(
        ([name, value]) =>
          html`<dt>${name}</dt>
            <dd class="mono">${value}</dd>`,
      )}
    </dl>
    ${
      evidence.body !== undefined &&
      html`<div class="label">Response body</div>
        <pre class="body">${evidence.body}</pre>`
    }
    <div class="label">Reproduce with curl</div>
    <pre class="curl">${evidence.curl}</pre>`;
}

/** One failed check: what was expected and given, the hint, the evidence and a curl to reproduce it. */
export function renderFailure(target: TargetResults, check: CheckRun): SafeHtml {
  const failure = check.failure;
  return html`<article class="card failure" data-check="${check.id}">
    <div class="failure-head">
      <h3 class="mono">${check.id}</h3>
      <span class="pill failed">failed</span>
      ${failure?.code && html`<code class="muted">${failure.code}</code>`}
      <span class="muted">${target.name} · ${check.kind} · ${where(check)}</span>
    </div>
    <p class="failure-summary">${failure?.summary ?? check.title}</p>
    ${expectationsTable(check)}
    ${failure?.hint && html`<p class="hint"><strong>Hint:</strong> ${failure.hint}</p>`}
    ${failure?.evidence && evidenceList(failure.evidence)}
    ${
      failure
        ? html`<details class="more">
            <summary>Full message</summary>
            <pre>${failure.message}</pre>
          </details>`
        : html`<p class="empty">The run recorded no details for this failure.</p>`
    }
  </article>`;
}
