import { parse } from 'yaml';
import {
  TENANT_COMMANDS,
  checkInvocation,
  idflowInvocations,
  type ReportFile,
  type VariableValues,
} from './idflow-command.ts';
import { isSecretVariable, secretReferences, variableProblem } from './known-variables.ts';
import { UnreadableScriptError } from './shell-words.ts';
import { isMap, listAt, mapAt, pathCovers, scalarText, type YamlMap } from './yaml-values.ts';

/** What a workflow input can hold: its choice options and its default. */
type Inputs = ReadonlyMap<string, readonly string[]>;

function workflowInputs(on: unknown): Inputs {
  const inputs = new Map<string, string[]>();
  for (const trigger of ['workflow_dispatch', 'workflow_call']) {
    for (const [name, input] of Object.entries(mapAt(mapAt(mapAt(on)[trigger]).inputs))) {
      const spec = mapAt(input);
      const values = [...listAt(spec.options), spec.default].map(scalarText);
      inputs.set(name, [...(inputs.get(name) ?? []), ...values.filter((value) => value !== undefined)]);
    }
  }
  return inputs;
}

/**
 * The values an env value can take: itself, or for one `${{ }}` expression the string literals in
 * it and what the `inputs.*` (options, default) and `matrix.*` it reads hold. Undefined when it
 * reads anything else (`vars.*`, `github.*`): the checks cannot tell.
 */
function expressionValues(value: string, inputs: Inputs, matrix: YamlMap): string[] | undefined {
  if (!value.includes('${{')) return [value];
  const expression = /^\$\{\{([\s\S]*)\}\}$/.exec(value.trim())?.[1];
  if (expression === undefined) return undefined;
  const values: string[] = [];
  for (const [, context, key] of expression.matchAll(/\b([a-z_]+)\.([A-Za-z0-9_-]+)/g)) {
    const held =
      context === 'inputs'
        ? inputs.get(key as string)
        : context === 'matrix'
          ? listAt(matrix[key as string]).map(scalarText)
          : undefined;
    if (held === undefined || held.length === 0 || held.some((each) => each === undefined)) return undefined;
    values.push(...(held as string[]));
  }
  values.push(
    ...[...expression.matchAll(/'((?:[^']|'')*)'/g)].map((match) => (match[1] as string).replace(/''/g, "'")),
  );
  return values.length ? [...new Set(values)] : undefined;
}

function envProblems(where: string, env: unknown): string[] {
  return Object.entries(mapAt(env)).flatMap(([name, value]) => {
    const problems: string[] = [];
    const unknown = variableProblem(name);
    if (unknown) problems.push(`${where}.${name}: ${unknown}`);
    const text = scalarText(value) ?? '';
    const fromSecret = new RegExp(`^\\$\\{\\{\\s*secrets\\.${name}\\s*\\}\\}$`);
    if (isSecretVariable(name) && !fromSecret.test(text.trim())) {
      const given = text.includes('${{') ? 'another expression' : 'a value written in the file';
      problems.push(`${where}.${name}: a secret must come from \${{ secrets.${name} }}, never ${given}`);
    }
    return problems;
  });
}

/** Every string under `node` that reads `secrets.*` anywhere but as the value of an env entry. */
function secretsOutsideEnv(node: unknown, path: readonly string[]): string[] {
  if (typeof node === 'string') {
    return /\bsecrets\./.test(node) && path[path.length - 2] !== 'env'
      ? [`${path.join('.')}: reads secrets.* outside env; pass secrets to idflow only through env`]
      : [];
  }
  if (Array.isArray(node))
    return node.flatMap((each, index) => secretsOutsideEnv(each, [...path, String(index)]));
  if (isMap(node))
    return Object.entries(node).flatMap(([key, each]) => secretsOutsideEnv(each, [...path, key]));
  return [];
}

function always(condition: unknown): boolean {
  return typeof condition === 'string' && /\balways\(\)/.test(condition);
}

function uploadedPaths(step: YamlMap): string[] {
  return (scalarText(mapAt(step.with).path) ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('!'));
}

function environmentName(job: YamlMap): string | undefined {
  return typeof job.environment === 'string' ? job.environment : scalarText(mapAt(job.environment).name);
}

/** The idflow commands of one step's `run:`, checked; the step's problems and the reports it writes. */
function stepProblems(
  where: string,
  step: YamlMap,
  values: VariableValues,
): { problems: string[]; reports: ReportFile[]; invoked: boolean; tenant: boolean } {
  const problems: string[] = [];
  const run = scalarText(step.run);
  if (run === undefined) return { problems, reports: [], invoked: false, tenant: false };
  if (run.includes('${{')) {
    problems.push(
      `${where}: \${{ }} in run: is pasted into the script before the shell reads it (script injection); ` +
        `pass the value through env`,
    );
  }
  for (const name of secretReferences(run)) {
    problems.push(`${where}: the script reads the secret ${name}; idflow reads it from its environment`);
  }
  let found: ReturnType<typeof idflowInvocations>;
  try {
    found = idflowInvocations(run);
  } catch (error) {
    if (!(error instanceof UnreadableScriptError)) throw error;
    return {
      problems: [...problems, `${where}: ${error.message}`],
      reports: [],
      invoked: false,
      tenant: false,
    };
  }
  problems.push(...found.problems.map((problem) => `${where}: ${problem}`));
  const reports: ReportFile[] = [];
  for (const invocation of found.invocations) {
    const checked = checkInvocation(invocation, values);
    problems.push(...checked.problems.map((problem) => `${where}: ${problem}`));
    reports.push(...checked.reports);
  }
  const tenant = found.invocations.some((each) => TENANT_COMMANDS.includes(each.command ?? ''));
  return { problems, reports, invoked: found.invocations.length > 0, tenant };
}

/** The uploads of a job's reports: each report uploaded by a later `if: always()` step, nothing else uploaded. */
function uploadProblems(
  where: string,
  steps: readonly YamlMap[],
  reports: readonly { path: string; step: number }[],
) {
  const problems: string[] = [];
  const uploads = steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => scalarText(step.uses)?.startsWith('actions/upload-artifact@'));
  for (const report of reports) {
    const uploaded = uploads.some(
      ({ step, index }) =>
        index > report.step &&
        always(step.if) &&
        uploadedPaths(step).some((path) => pathCovers(path, report.path)),
    );
    if (!uploaded) {
      problems.push(
        `${where}: ${report.path} (--output-file) is not uploaded: no later actions/upload-artifact step ` +
          `with if: always() has a path covering it`,
      );
    }
  }
  for (const { step, index } of uploads) {
    for (const path of uploadedPaths(step)) {
      if (!reports.some((report) => pathCovers(path, report.path))) {
        const written = reports.map((report) => report.path).join(', ') || 'none';
        problems.push(
          `${where}.steps[${index}]: uploads ${path}, where idflow writes no report (it writes: ${written})`,
        );
      }
    }
    if (!always(step.if)) {
      problems.push(
        `${where}.steps[${index}]: the upload needs if: always(), or a failed run uploads no report`,
      );
    }
  }
  return problems;
}

/** A job running idflow against a tenant: in the tenant's environment, holding its concurrency group. */
function tenantProblems(where: string, job: YamlMap): string[] {
  const environment = environmentName(job);
  if (environment === undefined) {
    return [
      `${where}: runs idflow against a tenant without environment:, so neither its secrets nor a ` +
        `concurrency group are the tenant's own`,
    ];
  }
  const concurrency = job.concurrency;
  const group = typeof concurrency === 'string' ? concurrency : scalarText(mapAt(concurrency).group);
  const squash = (text: string) => text.replace(/\s+/g, '');
  const problems: string[] = [];
  if (group === undefined) {
    problems.push(
      `${where}: no concurrency group, so two runs on the tenant ${environment} can overlap and share its ` +
        `quota; add concurrency: { group: idflow-tenant-${environment}, cancel-in-progress: false }`,
    );
  } else if (!squash(group).includes(squash(environment))) {
    problems.push(
      `${where}: concurrency group "${group}" is not keyed by the tenant: it must contain ${environment}`,
    );
  }
  const cancel = mapAt(concurrency)['cancel-in-progress'];
  if (cancel !== undefined && cancel !== false) {
    problems.push(`${where}: concurrency cancel-in-progress must be false: a cancelled run stops mid-flow`);
  }
  return problems;
}

function matrixProblems(where: string, job: YamlMap): string[] {
  const strategy = mapAt(job.strategy);
  if (Object.keys(mapAt(strategy.matrix)).length === 0) return [];
  const problems: string[] = [];
  if (strategy['fail-fast'] !== false) {
    problems.push(
      `${where}: strategy.fail-fast must be false, or one tenant's failure cancels the others mid-flow`,
    );
  }
  if (!environmentName(job)?.includes('matrix.')) {
    problems.push(
      `${where}: a matrix job's environment must name its entry (\${{ matrix.tenant }}): one secret set per tenant`,
    );
  }
  return problems;
}

/**
 * idflow's own rules for a GitHub Actions workflow template, beyond GitHub's parser: every idflow
 * command line is one idflow accepts (see checkInvocation), every env variable is one idflow or
 * the template reads, a secret comes only from `secrets.<its name>` in an env block and never
 * reaches a script, every report an `idflow run` writes is uploaded under `if: always()` (and
 * nothing else is), and a job that runs idflow against a tenant does so in the tenant's
 * environment, holding a concurrency group keyed by it (a matrix job: fail-fast off, an
 * environment per entry). Each problem names where it is and what to do.
 */
export function githubTemplateProblems(text: string): string[] {
  const doc = mapAt(parse(text));
  const inputs = workflowInputs(doc.on);
  const problems = [...envProblems('env', doc.env), ...secretsOutsideEnv(doc, [])];
  for (const [id, value] of Object.entries(mapAt(doc.jobs))) {
    const job = mapAt(value);
    const where = `jobs.${id}`;
    const matrix = mapAt(mapAt(job.strategy).matrix);
    problems.push(...envProblems(`${where}.env`, job.env), ...matrixProblems(where, job));
    const steps = listAt(job.steps).map(mapAt);
    const reports: { path: string; step: number }[] = [];
    let invoked = false;
    let tenant = false;
    steps.forEach((step, index) => {
      const stepWhere = `${where}.steps[${index}]${typeof step.name === 'string' ? ` (${step.name})` : ''}`;
      problems.push(...envProblems(`${stepWhere}.env`, step.env));
      const values: VariableValues = (name) => {
        const held = [step.env, job.env, doc.env]
          .map((env) => mapAt(env)[name])
          .find((each) => each !== undefined);
        const text = scalarText(held);
        return text === undefined ? undefined : expressionValues(text, inputs, matrix);
      };
      const checked = stepProblems(stepWhere, step, values);
      problems.push(...checked.problems);
      reports.push(...checked.reports.map((report) => ({ path: report.path, step: index })));
      invoked ||= checked.invoked;
      tenant ||= checked.tenant;
    });
    // A job of the user's own that never calls idflow is none of these checks' business.
    if (invoked) problems.push(...uploadProblems(where, steps, reports));
    if (tenant) problems.push(...tenantProblems(where, job));
  }
  return problems;
}
