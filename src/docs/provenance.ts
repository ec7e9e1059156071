import type { Check } from '../flow/step/checks.ts';
import type { ProbeDefinition } from '../flow/probe/probe.ts';
import type { Source } from '../flow/step/source.ts';
import type { Expectation, StepDefinition } from '../flow/step/step.ts';

/** One expectation that does not say where it comes from. */
export interface MissingSource {
  /** The step or probe id. */
  readonly step: string;
  /** Which expectation: `status`, `content type`, `schema acme/user`, `check "…"`. */
  readonly expectation: string;
}

/** True for a source that names something: a ref and a quote, or a reason. */
function complete(source: Source | undefined): boolean {
  if (!source) return false;
  return source.kind === 'documented'
    ? source.ref.trim() !== '' && source.quote.trim() !== ''
    : source.reason.trim() !== '';
}

/** The parts of an expectation with no source of their own and none from `expect.source`. */
function unsourcedParts(expect: Expectation, fallback?: Source): string[] {
  if (complete(expect.source ?? fallback)) return [];
  const parts: string[] = [];
  if (!expect.inferred?.status?.trim()) parts.push('status');
  if (expect.contentType && !expect.inferred?.contentType?.trim()) parts.push('content type');
  if (expect.schema) parts.push(`schema ${expect.schema}`);
  if (expect.headers && Object.keys(expect.headers).length > 0) parts.push('headers');
  return parts;
}

function unsourcedChecks(checks: readonly Check[] | undefined): string[] {
  return (checks ?? []).filter((check) => !complete(check.source)).map((check) => `check "${check.name}"`);
}

/**
 * Every expectation of the step (status, content type, headers, schema, each check, each
 * documented alternative) that carries no source: a documented ref and quote, or an inferred
 * reason. An alternative's own `source` covers its status, content type and schema.
 */
export function missingSourcesOfStep(step: StepDefinition): MissingSource[] {
  const names = [
    ...unsourcedParts(step.expect),
    ...(step.expect.inferredSchema && !step.expect.inferredSchema.reason.trim() ? ['inferred schema'] : []),
    ...unsourcedChecks(step.checks),
    ...(step.alternatives ?? []).flatMap((alternative) => [
      ...(complete(alternative.source) ? [] : [`alternative "${alternative.summary}"`]),
      ...unsourcedParts(alternative.expect, alternative.source).map(
        (part) => `${alternative.summary}: ${part}`,
      ),
      ...unsourcedChecks(alternative.checks).map((check) => `${alternative.summary}: ${check}`),
    ]),
  ];
  return names.map((expectation) => ({ step: step.id, expectation }));
}

/**
 * Every unsourced expectation of the steps and probes (each probe's answer and the steps it runs
 * first), once per step id: what the provenance test lists when it fails.
 */
export function missingSources(
  steps: readonly StepDefinition[],
  probes: readonly ProbeDefinition[] = [],
): MissingSource[] {
  const seen = new Set<string>();
  const all = [...steps, ...probes.flatMap((probe) => [probe.step, ...(probe.before ?? [])])];
  return all.flatMap((step) => {
    if (seen.has(step.id)) return [];
    seen.add(step.id);
    return missingSourcesOfStep(step);
  });
}
