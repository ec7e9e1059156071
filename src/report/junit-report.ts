import { posix } from 'node:path';
import { failureText } from './failure-text.ts';
import { UNCONFIRMED_NOTE, type CheckRun, type RunResults, type TargetResults } from './results.ts';
import { renderXmlDocument, type XmlNode } from './xml-node.ts';

const SUITE_FILE_SUFFIX = '.test.ts';

/** Seconds with millisecond precision: the form Surefire writes and Jenkins' schema accepts. */
function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** `2026-11-26T02:00:00`, in UTC: Ant's and Surefire's form, without a zone, as consumers expect. */
function timestamp(iso: string): string | undefined {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString().slice(0, 19);
}

/** The target's checks by suite file, files in the order they first ran. */
function bySuiteFile(target: TargetResults): (readonly CheckRun[])[] {
  const files = new Map<string, CheckRun[]>();
  for (const check of target.checks) {
    const checks = files.get(check.suite) ?? [];
    checks.push(check);
    files.set(check.suite, checks);
  }
  return [...files.values()];
}

function correlationIdOf(target: TargetResults, check: CheckRun): string | undefined {
  const last = check.exchanges.at(-1);
  return (
    check.failure?.evidence?.correlationId ??
    (last === undefined ? undefined : target.exchanges[last]?.correlationId)
  );
}

function property(name: string, value: string): XmlNode {
  return { name: 'property', attributes: { name, value } };
}

function properties(
  results: RunResults,
  target: TargetResults,
  checks: readonly CheckRun[],
  suite: string | undefined,
): XmlNode {
  const correlationIds = checks.flatMap((check) => {
    const id = check.status === 'failed' ? correlationIdOf(target, check) : undefined;
    return id === undefined ? [] : [property(`correlation-id:${check.id}`, id)];
  });
  return {
    name: 'properties',
    children: [
      property('run-id', results.run.id),
      property('target', target.name),
      property('tenant', target.tenant),
      property('idflow-version', results.tool.version),
      ...(suite === undefined ? [] : [property('file', suite)]),
      ...correlationIds,
    ],
  };
}

function outcome(check: CheckRun): XmlNode[] {
  // The reason as the element's text: Jenkins reads `message`, else the text, and GitLab shows the
  // text; Jenkins' schema allows no attribute on <skipped>.
  if (check.status === 'skipped') return [{ name: 'skipped', text: check.skipReason ?? 'skipped' }];
  if (check.status !== 'failed') return [];
  const failure = check.failure ?? { summary: `${check.id} failed`, message: `${check.id} failed` };
  const text = failureText(check, failure);
  return [{ name: 'failure', attributes: { message: failure.summary, type: failure.code }, text }];
}

function testcase(target: TargetResults, check: CheckRun): XmlNode {
  // Its notes (inferred expectations that did not hold, drift, a known deviation, a settle wait):
  // the check passed or failed on its own; they are output, not a failure. Jenkins' schema allows
  // no property on a testcase.
  const noted = [
    ...check.unconfirmed.map((line) => `unconfirmed: ${line}`),
    ...check.notes
      .filter((note) => note.type !== UNCONFIRMED_NOTE)
      .map((note) => (note.type === 'notice' ? note.message : `${note.type}: ${note.message}`)),
  ].join('\n');
  return {
    name: 'testcase',
    attributes: {
      name: check.title,
      classname: `${target.name}.${posix.basename(check.suite, SUITE_FILE_SUFFIX)}`,
      time: seconds(check.durationMs),
    },
    children: [...outcome(check), ...(noted ? [{ name: 'system-out', text: noted }] : [])],
  };
}

function count(checks: readonly CheckRun[], status: CheckRun['status']): number {
  return checks.filter((check) => check.status === status).length;
}

function testsuite(results: RunResults, target: TargetResults, checks: readonly CheckRun[]): XmlNode {
  const first = checks[0];
  const started = checks.find((check) => check.startedAt !== undefined)?.startedAt ?? results.run.startedAt;
  return {
    name: 'testsuite',
    attributes: {
      name: `${target.name}/${posix.basename(first?.suite ?? '')}`,
      tests: checks.length,
      failures: count(checks, 'failed'),
      errors: 0,
      skipped: count(checks, 'skipped'),
      time: seconds(checks.reduce((sum, check) => sum + check.durationMs, 0)),
      timestamp: timestamp(started),
      hostname: target.tenant,
    },
    children: [
      properties(results, target, checks, first?.suite),
      ...checks.map((check) => testcase(target, check)),
    ],
  };
}

/**
 * The run as JUnit XML, the form CI servers (Jenkins, GitLab, GitHub test reporters) show: one
 * `<testsuite>` per target and suite file, one `<testcase>` per step, probe and teardown. Valid
 * against Jenkins' JUnit schema (junit-4.xsd); every value from a tenant is escaped and
 * stripped of characters XML cannot carry. A check that failed is a `<failure>`; `errors` stays 0
 * because a check records no error apart from its failure.
 */
export function renderJunit(results: RunResults): string {
  const checks = results.targets.flatMap((target) => target.checks);
  const suites = results.targets.flatMap((target) =>
    bySuiteFile(target).map((suiteChecks) => testsuite(results, target, suiteChecks)),
  );
  return renderXmlDocument({
    name: 'testsuites',
    attributes: {
      name: `idflow run ${results.run.id}`,
      tests: checks.length,
      failures: count(checks, 'failed'),
      errors: 0,
      time: seconds(results.run.durationMs),
    },
    children: suites,
  });
}
