import type { Check } from '../flow/step/checks.ts';
import type { Source } from '../flow/step/source.ts';
import type { StepDefinition } from '../flow/step/step.ts';

/**
 * Numbers the inferred reasons of one README section, so a table cell can say `inferred [2]`
 * and the reason is written once, under the table.
 */
export class InferredNotes {
  private readonly reasons: string[] = [];

  /** The reason's number, the same for the same reason. */
  number(reason: string): number {
    const index = this.reasons.indexOf(reason);
    if (index !== -1) return index + 1;
    this.reasons.push(reason);
    return this.reasons.length;
  }

  /** The numbered reasons, as Markdown lines (none when nothing is inferred). */
  lines(): string[] {
    if (this.reasons.length === 0) return [];
    return [
      '',
      'Inferred (no vendor source; a miss against a configured tenant is reported unconfirmed unless ' +
        '`--strict`):',
      '',
      ...this.reasons.map((reason, index) => `${index + 1}. ${escapeCell(reason)}`),
    ];
  }
}

/** Text safe inside a Markdown table cell. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A documented ref, compact: a link named by the page (and anchor), or the OAS pointer. */
function describeRef(ref: string): string {
  const url = /^(https?:\/\/\S+?)(?:\s+\((.*)\))?$/.exec(ref);
  if (url?.[1]) {
    const address = url[1];
    const name = address.replace(/\/$/, '').split('/').pop() ?? address;
    return `[${escapeCell(name.replace(/\.html(?=#|$)/, ''))}](${address})`;
  }
  const pointer = ref.indexOf(' #/');
  if (pointer !== -1) {
    // Named by the API family its document says it covers, never by the pointer.
    const document = ref.slice(0, pointer).toLowerCase();
    const spec = /management/.test(document) ? 'OAS-MGMT' : /mfa/.test(document) ? 'OAS-MFA' : 'OAS';
    return `${spec} \`${ref.slice(pointer + 1)}\``;
  }
  return escapeCell(ref);
}

/** What of the expectation and checks a source covers, by source. */
interface Covered {
  readonly source: Source;
  readonly what: string[];
}

function add(covered: Covered[], source: Source | undefined, what: string): void {
  if (!source) return;
  const key = JSON.stringify(source);
  const entry = covered.find((item) => JSON.stringify(item.source) === key);
  if (entry) entry.what.push(what);
  else covered.push({ source, what: [what] });
}

function addChecks(covered: Covered[], checks: readonly Check[] | undefined): void {
  for (const check of checks ?? []) add(covered, check.source, check.name);
}

/**
 * The sources of a step's expectations as one table cell: each documented ref once, then
 * `inferred [n]: what` for each inferred reason (numbered in `notes`).
 */
export function sourceCell(step: StepDefinition, notes: InferredNotes): string {
  const covered: Covered[] = [];
  const expect = step.expect;
  add(covered, expect.source, 'status and body');
  if (expect.inferred?.status) add(covered, { kind: 'inferred', reason: expect.inferred.status }, 'status');
  if (expect.inferred?.contentType)
    add(covered, { kind: 'inferred', reason: expect.inferred.contentType }, 'content type');
  if (expect.inferredSchema)
    add(
      covered,
      { kind: 'inferred', reason: expect.inferredSchema.reason },
      `schema ${expect.inferredSchema.schema}`,
    );
  addChecks(covered, step.checks);
  for (const alternative of step.alternatives ?? []) {
    add(covered, alternative.source, alternative.summary);
    addChecks(covered, alternative.checks);
  }
  const documented = covered.filter((item) => item.source.kind === 'documented');
  const refs = [
    ...new Set(
      documented.map((item) => (item.source.kind === 'documented' ? describeRef(item.source.ref) : '')),
    ),
  ];
  const inferred = covered.flatMap((item) =>
    item.source.kind === 'inferred'
      ? [`inferred [${notes.number(item.source.reason)}]: ${escapeCell(item.what.join(', '))}`]
      : [],
  );
  return [...refs, ...inferred].join('; ') || 'none';
}
