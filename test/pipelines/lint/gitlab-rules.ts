import { parse } from 'yaml';
import {
  TENANT_COMMANDS,
  checkInvocation,
  idflowInvocations,
  type ReportFile,
  type VariableValues,
} from './idflow-command.ts';
import { isSecretVariable, secretReferences, variableProblem } from './known-variables.ts';
import { resolvedJobs } from './gitlab-jobs.ts';
import { UnreadableScriptError } from './shell-words.ts';
import { isMap, listAt, mapAt, pathCovers, scalarText, type YamlMap } from './yaml-values.ts';

/** A `variables:` block: each name with the values it can hold (its value and its options). */
function variablesOf(block: unknown): Map<string, string[]> {
  const variables = new Map<string, string[]>();
  for (const [name, value] of Object.entries(mapAt(block))) {
    const values = isMap(value) ? [value.value, ...listAt(value.options)] : [value];
    variables.set(
      name,
      values.map(scalarText).filter((each) => each !== undefined),
    );
  }
  return variables;
}

function variableProblems(where: string, names: Iterable<string>): string[] {
  return [...names].flatMap((name) => {
    const problems: string[] = [];
    const unknown = variableProblem(name);
    if (unknown) problems.push(`${where}.${name}: ${unknown}`);
    if (isSecretVariable(name)) {
      problems.push(
        `${where}.${name}: a secret written in the file; keep it in a masked, protected CI/CD variable ` +
          `scoped to the tenant's environment`,
      );
    }
    return problems;
  });
}

/** The script lines of a job (before_script, script, after_script), nested lists flattened. */
function scriptLines(job: YamlMap): string[] {
  const flatten = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(flatten) : [];
  return ['before_script', 'script', 'after_script'].flatMap((key) => flatten(job[key]));
}

/** The variables a name in `text` (`$X`, `${X}`) refers to. */
function referencedVariables(text: string): string[] {
  return [...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string);
}

function artifactProblems(where: string, job: YamlMap, reports: readonly ReportFile[]): string[] {
  const artifacts = mapAt(job.artifacts);
  const paths = listAt(artifacts.paths)
    .map(scalarText)
    .filter((each) => each !== undefined);
  const junitPaths = [mapAt(artifacts.reports).junit]
    .flat()
    .map(scalarText)
    .filter((each) => each !== undefined);
  const problems: string[] = [];
  for (const report of reports) {
    if (!paths.some((path) => pathCovers(path, report.path))) {
      problems.push(
        `${where}: ${report.path} (--output-file) is not in artifacts:paths (${paths.join(', ') || 'none'})`,
      );
    }
    if (report.reporter === 'junit' && !junitPaths.includes(report.path)) {
      problems.push(
        `${where}: artifacts:reports:junit (${junitPaths.join(', ') || 'none'}) is not the JUnit file idflow ` +
          `writes (${report.path}), so GitLab shows no test results`,
      );
    }
  }
  for (const path of [...paths, ...junitPaths]) {
    if (!reports.some((report) => pathCovers(path, report.path))) {
      const written = reports.map((report) => report.path).join(', ') || 'none';
      problems.push(
        `${where}: artifacts name ${path}, where idflow writes no report (it writes: ${written})`,
      );
    }
  }
  if (reports.length && artifacts.when !== 'always') {
    problems.push(
      `${where}: artifacts:when is ${scalarText(artifacts.when) ?? 'on_success (the default)'}: a failed run's ` +
        `reports would be lost; use when: always`,
    );
  }
  return problems;
}

function tenantProblems(where: string, job: YamlMap, matrixNames: readonly string[]): string[] {
  const environment =
    typeof job.environment === 'string' ? job.environment : scalarText(mapAt(job.environment).name);
  if (environment === undefined) {
    return [
      `${where}: runs idflow against a tenant without environment:, so neither its environment-scoped ` +
        `variables nor a resource_group are the tenant's own`,
    ];
  }
  const problems: string[] = [];
  const keys = referencedVariables(environment);
  const group = scalarText(job.resource_group);
  if (group === undefined) {
    problems.push(
      `${where}: no resource_group, so two jobs on the tenant ${environment} can overlap and share its ` +
        `quota; add resource_group: ${environment}`,
    );
  } else {
    const missing = keys.length ? keys.filter((key) => !referencedVariables(group).includes(key)) : [];
    if (missing.length || (keys.length === 0 && !group.includes(environment))) {
      problems.push(
        `${where}: resource_group "${group}" is not keyed by the tenant (environment ${environment})`,
      );
    }
  }
  if (matrixNames.length && !keys.some((key) => matrixNames.includes(key))) {
    problems.push(`${where}: a matrix job's environment must name its entry (${matrixNames.join(', ')})`);
  }
  return problems;
}

function jobProblems(where: string, job: YamlMap, globals: ReadonlyMap<string, string[]>): string[] {
  const own = variablesOf(job.variables);
  const matrix = new Map<string, string[]>();
  for (const entry of listAt(mapAt(job.parallel).matrix)) {
    for (const [name, value] of Object.entries(mapAt(entry))) {
      const values = [value].flat().map(scalarText);
      matrix.set(name, [...(matrix.get(name) ?? []), ...values.filter((each) => each !== undefined)]);
    }
  }
  const problems = [
    ...variableProblems(`${where}.variables`, own.keys()),
    ...variableProblems(`${where}.parallel.matrix`, matrix.keys()),
  ];
  const values: VariableValues = (name) => own.get(name) ?? matrix.get(name) ?? globals.get(name);
  const reports: ReportFile[] = [];
  let invoked = false;
  let tenant = false;
  for (const line of scriptLines(job)) {
    for (const name of secretReferences(line)) {
      problems.push(`${where}: a script reads the secret ${name}; idflow reads it from its environment`);
    }
    let found: ReturnType<typeof idflowInvocations>;
    try {
      found = idflowInvocations(line);
    } catch (error) {
      if (!(error instanceof UnreadableScriptError)) throw error;
      problems.push(`${where}: ${error.message}`);
      continue;
    }
    problems.push(...found.problems.map((problem) => `${where}: ${problem}`));
    for (const invocation of found.invocations) {
      const checked = checkInvocation(invocation, values);
      problems.push(...checked.problems.map((problem) => `${where}: ${problem}`));
      reports.push(...checked.reports);
      invoked = true;
      tenant ||= TENANT_COMMANDS.includes(invocation.command ?? '');
    }
  }
  // A job of the user's own that never calls idflow is none of these checks' business.
  if (invoked) problems.push(...artifactProblems(where, job, reports));
  if (tenant) problems.push(...tenantProblems(where, job, [...matrix.keys()]));
  return problems;
}

/**
 * idflow's own rules for a GitLab CI template, beyond GitLab's schema, on each job as `extends`
 * makes it: every idflow command line is one idflow accepts (see checkInvocation), every variable
 * set is one idflow or the template reads and none is a secret (those live in masked CI/CD
 * variables), no script reads a secret, every report an `idflow run` writes is in the artifacts
 * (JUnit as `reports:junit`) with `when: always`, and a job running idflow against a tenant has
 * the tenant's environment and a resource_group keyed by it. Each problem names the job.
 */
export function gitlabTemplateProblems(text: string): string[] {
  const doc = mapAt(parse(text));
  const globals = variablesOf(doc.variables);
  const problems = variableProblems('variables', globals.keys());
  for (const [name, job] of resolvedJobs(doc)) {
    if (typeof job === 'string') problems.push(`${name}: ${job}`);
    else problems.push(...jobProblems(name, job, globals));
  }
  return problems;
}
