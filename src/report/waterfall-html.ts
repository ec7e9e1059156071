import { html, type SafeHtml } from './html-escape.ts';
import { formatMs, plural, retriesText } from './html-format.ts';
import type { CheckRun, ExchangeRecord, RetryRecord, TargetResults } from './results.ts';
import { percent, tickLabel, waterfallScale, type WaterfallScale } from './waterfall-scale.ts';

/** The colour family of an answer: `s2` for 2xx … `s5`, `serr` when no answer came. */
function statusClass(status: number | undefined): string {
  if (status === undefined || !Number.isFinite(status)) return 'serr';
  return `s${Math.min(5, Math.max(1, Math.floor(status / 100)))}`;
}

function statusText(exchange: ExchangeRecord): string {
  return exchange.status === undefined ? (exchange.error?.code ?? 'no answer') : String(exchange.status);
}

/**
 * The repeated attempts, coloured by what they got, and the waits after them as hatched segments,
 * in percent of the bar. The record keeps how long each wait was, not when each attempt ran, so
 * the attempts share the rest of the bar evenly; the last attempt is the bar's own colour.
 */
function retrySegments(exchange: ExchangeRecord): SafeHtml[] {
  const waits = exchange.retries.map((retry) => Math.max(0, retry.waitedMs));
  const waited = waits.reduce((sum, wait) => sum + wait, 0);
  const total = Math.max(exchange.durationMs, waited, 1);
  const attempt = (total - waited) / (waits.length + 1);
  const share = (ms: number) => `${((ms / total) * 100).toFixed(3)}%`;
  return exchange.retries.map((retry: RetryRecord, index) => {
    const wait = waits[index] ?? 0;
    const start = index * attempt + waits.slice(0, index).reduce((sum, one) => sum + one, 0);
    const outcome = /^\d{3}$/.test(retry.outcome) ? Number(retry.outcome) : undefined;
    return html`<span
        class="wf-attempt ${statusClass(outcome)}"
        style="left:${share(start)};width:${share(attempt)}"
        title="attempt ${index + 1}: ${retry.outcome}"
      ></span
      ><span
        class="wf-wait"
        style="left:${share(start + attempt)};width:${share(wait)}"
        title="${retry.outcome}, then waited ${wait} ms (${retry.basis})"
      ></span>`;
  });
}

/** Text under a bar, running from its start or, past the middle of the axis, back from its end. */
function annotation(scale: WaterfallScale, start: number, end: number, text: string, kind: string): SafeHtml {
  const position =
    start / scale.span < 0.5 ? `left:${percent(scale, start)}` : `right:${percent(scale, scale.span - end)}`;
  return html`<span class="wf-note ${kind}" style="${position}">${text}</span>`;
}

function exchangeRow(scale: WaterfallScale, exchange: ExchangeRecord, check: CheckRun | undefined): SafeHtml {
  const start = exchange.startMs - scale.origin;
  const end = start + Math.max(0, exchange.durationMs);
  const status = statusText(exchange);
  const retried = exchange.retries.length > 0 ? `retried: ${retriesText(exchange.retries)}` : '';
  const tooltip = [
    `${exchange.method} ${exchange.url} → ${status}`,
    `${formatMs(exchange.durationMs)}, sent at +${formatMs(start)} (${exchange.startedAt})`,
    exchange.error ? `error: ${exchange.error.code}: ${exchange.error.message}` : '',
    retried,
    exchange.correlationId ? `Correlation-Id: ${exchange.correlationId}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const rowClass = [
    'wf-row',
    check?.status === 'failed' ? 'wf-failed' : '',
    check?.settleMs !== undefined ? 'wf-settling' : '',
    retried ? 'wf-tall' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<div
    class="${rowClass}"
    data-exchange="${exchange.index}"
    data-check="${exchange.check}"
    data-retries="${exchange.retries.length}"
  >
    <div class="wf-label" title="${tooltip}">
      <span class="wf-method">${exchange.method}</span>
      <span class="wf-path">${exchange.pathTemplate}</span>
      <span class="wf-status ${statusClass(exchange.status)}">${status}</span>
      ${
        exchange.retries.length > 0 &&
        html`<span class="wf-retry-badge" title="${retried}">↻ ${exchange.retries.length}</span>`
      }
      <span class="wf-check">${exchange.check}</span>
    </div>
    <div class="wf-track">
      <div
        class="wf-bar ${statusClass(exchange.status)}"
        style="left:${percent(scale, start)};width:${percent(scale, end - start)}"
        title="${tooltip}"
      >
        ${retrySegments(exchange)}
      </div>
      ${retried && annotation(scale, start, end, retried, 'wf-note-retry')}
    </div>
  </div>`;
}

/** A bracket over the exchanges of a check that waited for its resource to settle. */
function settleRow(scale: WaterfallScale, check: CheckRun, exchanges: readonly ExchangeRecord[]): SafeHtml {
  const start = Math.min(...exchanges.map((exchange) => exchange.startMs)) - scale.origin;
  const end = Math.max(...exchanges.map((exchange) => exchange.startMs + exchange.durationMs)) - scale.origin;
  const text = `settled after ${formatMs(check.settleMs ?? 0)}`;
  return html`<div class="wf-row wf-group wf-tall" data-settle="${check.id}">
    <div class="wf-label" title="${check.title}">
      <span class="wf-group-title">${check.id}</span>
      <span class="wf-group-note">${text} · ${plural(exchanges.length, 'request')}</span>
    </div>
    <div class="wf-track">
      <div
        class="wf-bracket"
        style="left:${percent(scale, start)};width:${percent(scale, end - start)}"
        title="${check.id}: ${text}"
      ></div>
      ${annotation(scale, start, end, text, 'wf-note-settle')}
    </div>
  </div>`;
}

function axis(scale: WaterfallScale): SafeHtml {
  const ticks = scale.ticks.map(
    (tick) =>
      html`<span
        class="wf-tick ${tick / scale.span > 0.92 ? 'wf-tick-end' : ''}"
        style="left:${percent(scale, tick)}"
        >${tickLabel(tick)}</span
      >`,
  );
  const lines = scale.ticks.map((tick) => html`<span style="left:${percent(scale, tick)}"></span>`);
  return html`<div class="wf-axis">
      <div class="wf-label">request · answer · check</div>
      <div class="wf-track">${ticks}</div>
    </div>
    <div class="wf-grid" aria-hidden="true">
      <div></div>
      <div class="wf-track">${lines}</div>
    </div>`;
}

/**
 * A target's HTTP exchanges on one shared timeline, one row each in the order they were sent:
 * requests sent side by side overlap, retries show their waits, a settling check is bracketed.
 */
export function renderWaterfall(target: TargetResults): SafeHtml {
  if (target.exchanges.length === 0) return html`<p class="empty">No HTTP exchange was recorded.</p>`;
  const scale = waterfallScale(target.exchanges);
  const checks = new Map(target.checks.map((check) => [check.id, check]));
  const bracketed = new Set<string>();
  const rows = target.exchanges.map((exchange) => {
    const check = checks.get(exchange.check);
    const row = exchangeRow(scale, exchange, check);
    if (check?.settleMs === undefined || bracketed.has(check.id)) return row;
    bracketed.add(check.id);
    const members = target.exchanges.filter((other) => other.check === check.id);
    return html`${settleRow(scale, check, members)}${row}`;
  });
  return html`<div class="wf" aria-label="Request waterfall of ${target.name}">
    <div class="wf-scroll">
      <div class="wf-body">${axis(scale)}${rows}</div>
    </div>
    <p class="wf-legend">
      <span class="wf-key s2"></span>2xx <span class="wf-key s3"></span>3xx <span class="wf-key s4"></span>4xx
      <span class="wf-key s5"></span>5xx <span class="wf-key serr"></span>no answer
      <span class="wf-key wf-key-wait"></span>waited before retrying
      <span class="wf-key wf-key-settle"></span>asked again until the resource settled ·
      ${plural(target.exchanges.length, 'request')} over ${formatMs(scale.span)}; hover a bar for its URL,
      timing and Correlation-Id.
    </p>
  </div>`;
}
