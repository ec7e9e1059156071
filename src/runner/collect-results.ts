import { relative, resolve, sep } from 'node:path';
import type { CheckView, ModuleView } from '../flow/run/check-view.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { DefinitionSites } from '../report/definition-site.ts';
import type { CapturedExchange } from '../report/exchange-record.ts';
import {
  RESULTS_VERSION,
  type CheckRun,
  type ExchangeRecord,
  type Failure,
  type FailureEvidence,
  type RunInfo,
  type RunResults,
  type TargetResults,
} from '../report/results.ts';
import { redactValue } from '../redact/secrets.ts';
import { INFERRED_UNCONFIRMED } from './calibration.ts';
import './exchange-meta.ts';

/** What the run knows of a target besides its tests. */
export interface ResultsTarget {
  readonly name: string;
  readonly tenant: string;
  readonly emulated: boolean;
}

/** The error a failed test reported, as vitest serialized it (a StepFailedError's fields survive). */
interface ReportedError {
  readonly message?: string;
  readonly code?: unknown;
  readonly hint?: unknown;
  readonly evidence?: unknown;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

function failureOf(test: CheckView): Failure | undefined {
  const error = test.result().errors?.[0] as ReportedError | undefined;
  if (error === undefined) return undefined;
  const message = error.message ?? 'failed';
  const evidence = error.evidence as FailureEvidence | undefined;
  return {
    ...(typeof error.code === 'string' ? { code: error.code } : {}),
    summary: firstLine(message),
    message,
    ...(typeof error.hint === 'string' ? { hint: error.hint } : {}),
    ...(evidence !== undefined && typeof evidence.curl === 'string' ? { evidence } : {}),
  };
}

function statusOf(test: CheckView): CheckRun['status'] {
  const state = test.result().state;
  return state === 'passed' || state === 'failed' ? state : 'skipped';
}

/** One test as a check run, its exchanges not yet numbered. */
function checkOf(test: CheckView, suite: string, sites: DefinitionSites): [CheckRun, CapturedExchange[]] {
  const meta = test.meta();
  const result = test.result();
  const diagnostic = test.diagnostic();
  const id = meta.check?.id ?? test.name.split(':', 1)[0] ?? test.name;
  const notes = test
    .annotations()
    .map((annotation) => ({ type: annotation.type, message: annotation.message }));
  const exchanges = meta.exchanges ?? [];
  const definition = sites.find(id);
  const failure = failureOf(test);
  const startedAt = meta.startedAt ?? (diagnostic ? new Date(diagnostic.startTime).toISOString() : undefined);
  const check: CheckRun = {
    id,
    kind: meta.check?.kind ?? (test.parent.type === 'suite' ? 'probe' : 'step'),
    title: test.name,
    suite,
    ...(definition ? { definition } : {}),
    status: statusOf(test),
    ...(result.state === 'skipped' && result.note ? { skipReason: result.note } : {}),
    ...(startedAt && result.state !== 'skipped' ? { startedAt } : {}),
    durationMs: diagnostic?.duration ?? 0,
    ...(meta.httpStatus === undefined ? {} : { httpStatus: meta.httpStatus }),
    expectations: meta.expectations ?? [],
    unconfirmed: notes.filter((note) => note.type === INFERRED_UNCONFIRMED).map((note) => note.message),
    notes,
    retries: exchanges.reduce((sum, exchange) => sum + exchange.retries.length, 0),
    ...(meta.settleMs === undefined ? {} : { settleMs: meta.settleMs }),
    ...(failure ? { failure } : {}),
    exchanges: [],
  };
  return [check, exchanges];
}

/** A target's checks in run order, and its exchanges numbered in the order they were sent. */
function targetResults(target: ResultsTarget, modules: readonly ModuleView[]): TargetResults {
  const sites = new DefinitionSites(PACKAGE_ROOT, resolve(PACKAGE_ROOT, 'src', 'targets', target.name));
  const ran = modules
    .filter((module) => module.project.name === target.name)
    .sort((a, b) => a.moduleId.localeCompare(b.moduleId))
    .flatMap((module) => {
      const suite = relative(PACKAGE_ROOT, module.moduleId).split(sep).join('/');
      return [...module.children.allTests()].map((test) => checkOf(test, suite, sites));
    });
  const sent = ran
    .flatMap(([, exchanges]) => exchanges)
    .sort((a, b) => a.startMs - b.startMs)
    .map((exchange, index): ExchangeRecord => ({ index, ...exchange }));
  const byCheck = new Map<string, number[]>();
  for (const exchange of sent)
    byCheck.set(exchange.check, [...(byCheck.get(exchange.check) ?? []), exchange.index]);
  const checks = ran.map(([check]) => ({ ...check, exchanges: byCheck.get(check.id) ?? [] }));
  const count = (status: CheckRun['status']) => checks.filter((check) => check.status === status).length;
  return {
    name: target.name,
    tenant: target.tenant,
    emulated: target.emulated,
    counts: {
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      unconfirmed: checks.filter((check) => check.unconfirmed.length > 0).length,
    },
    checks,
    exchanges: sent,
  };
}

/**
 * The run's results from what vitest collected: each target's tests (their meta carries what
 * the step recorded: its id and kind, expectations, exchanges), in file order. Redacted once
 * more with what this process knows, though the worker redacted all of it already.
 */
export function collectResults(
  modules: readonly ModuleView[],
  options: {
    readonly run: Omit<RunInfo, 'outcome'> & { readonly interrupted: boolean };
    readonly targets: readonly ResultsTarget[];
    readonly version: string;
  },
): RunResults {
  const { interrupted, ...run } = options.run;
  const targets = options.targets
    .map((target) => targetResults(target, modules))
    .filter((target) => target.checks.length > 0);
  const failed = targets.some((target) => target.counts.failed > 0);
  return redactValue({
    version: RESULTS_VERSION,
    tool: { name: 'idflow', version: options.version },
    run: { ...run, outcome: interrupted ? 'interrupted' : failed ? 'failed' : 'passed' },
    targets,
  });
}
