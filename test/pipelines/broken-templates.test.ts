import { describe, expect, test } from 'vitest';
import { githubParserErrors } from './lint/github-parser.ts';
import { githubTemplateProblems } from './lint/github-rules.ts';
import { gitlabTemplateProblems } from './lint/gitlab-rules.ts';
import { gitlabSchemaErrors } from './lint/gitlab-schema.ts';
import { pipelineTemplate } from './lint/templates.ts';

/** A deliberate mistake in a copy of a template, and what the check must say about it. */
interface Breakage {
  readonly name: string;
  readonly file: string;
  /** Text of the template to replace (every occurrence); the case fails when it is not there. */
  readonly from: string;
  readonly to: string;
  /** A message naming the problem. */
  readonly expected: RegExp;
}

function broken({ file, from, to }: Breakage): string {
  const text = pipelineTemplate(file).text;
  if (!text.includes(from))
    throw new Error(`${file} no longer contains ${JSON.stringify(from)}: update this case`);
  return text.replaceAll(from, to);
}

const NIGHTLY = 'github/idflow-nightly.yml';
const SMOKE = 'github/idflow-smoke.yml';
const GITLAB = 'gitlab/idflow.gitlab-ci.yml';

/** Each linter rejects a broken copy of a template, with a message naming the problem. */
describe("GitHub's workflow parser rejects a broken workflow", () => {
  test.for<Breakage>([
    {
      name: 'an unknown key',
      file: NIGHTLY,
      from: '    runs-on: ubuntu-latest',
      to: '    runs_on: ubuntu-latest',
      expected: /Unexpected value 'runs_on'/,
    },
    {
      name: 'a bad on: trigger',
      file: NIGHTLY,
      from: '  workflow_dispatch:',
      to: '  workflow_dispatched:',
      expected: /Unexpected value 'workflow_dispatched'/,
    },
    {
      name: 'a cron that is not one',
      file: NIGHTLY,
      from: "'17 3 * * *'",
      to: "'17 25 * * *'",
      expected: /Invalid cron expression/,
    },
    {
      name: 'an unknown input type',
      file: SMOKE,
      from: 'type: string',
      to: 'type: text',
      expected: /Unexpected value 'text'/,
    },
    {
      name: 'a context misspelt in an expression',
      file: NIGHTLY,
      from: 'group: idflow-tenant-${{ matrix.tenant }}',
      to: 'group: idflow-tenant-${{ matrx.tenant }}',
      expected: /Unrecognized named-value: 'matrx'/,
    },
    {
      name: 'an unclosed expression',
      file: SMOKE,
      from: 'environment: ${{ inputs.environment }}',
      to: 'environment: ${{ inputs.environment }',
      expected: /expression is not closed/,
    },
  ])('$name', async (breakage) => {
    const errors = await githubParserErrors(breakage.file, broken(breakage));
    expect(errors.join('\n')).toMatch(breakage.expected);
  });
});

describe("idflow's rules reject a broken GitHub workflow", () => {
  test.for<Breakage>([
    {
      name: 'an option idflow run does not have',
      file: NIGHTLY,
      from: '--report junit=',
      to: '--reports junit=',
      expected:
        /jobs\.conformance\.steps\[4\] \(Run the conformance suites\): line 1: idflow run: Unknown option '--reports'/,
    },
    {
      name: 'an option that needs a value, without one',
      file: SMOKE,
      from: '--target "$SMOKE_TARGET"\n          --report',
      to: '--target\n          --report',
      expected: /idflow run: Option '--target' argument is ambiguous/,
    },
    {
      name: 'a command idflow does not have',
      file: NIGHTLY,
      from: 'npx idflow doctor',
      to: 'npx idflow preflight',
      expected: /idflow preflight: not an idflow command \(idflow has run, doctor/,
    },
    {
      name: 'a target idflow does not have, offered by the manual run',
      file: NIGHTLY,
      from: 'options: [pingone, lerian-identity]',
      to: 'options: [pingone, lerian]',
      expected: /--target \$CONFORMANCE_TARGET: unknown target "lerian"/,
    },
    {
      name: 'a report idflow does not write',
      file: NIGHTLY,
      from: '--report har=reports/run.har',
      to: '--report pdf=reports/run.pdf',
      expected: /--report pdf=reports\/run\.pdf: no report pdf/,
    },
    {
      name: 'an unknown variable (a misspelt target variable)',
      file: NIGHTLY,
      from: '          PINGONE_REGION:',
      to: '          PINGONE_REGOIN:',
      expected: /env\.PINGONE_REGOIN: PINGONE_REGOIN is not a variable idflow reads/,
    },
    {
      name: 'a variable only idflow run may set',
      file: SMOKE,
      from: '          SMOKE_TARGET: ${{ inputs.target }}',
      to: "          SMOKE_TARGET: ${{ inputs.target }}\n          IDFLOW_SMOKE: '1'",
      expected: /IDFLOW_SMOKE is set only by idflow run itself/,
    },
    {
      name: 'a secret written in the file',
      file: NIGHTLY,
      from: 'PINGONE_CLIENT_SECRET: ${{ secrets.PINGONE_CLIENT_SECRET }}',
      to: 'PINGONE_CLIENT_SECRET: s3cr3t-value',
      expected:
        /PINGONE_CLIENT_SECRET: a secret must come from \$\{\{ secrets\.PINGONE_CLIENT_SECRET \}\}, never a value written in the file/,
    },
    {
      name: 'a secret from another secret',
      file: SMOKE,
      from: 'LERIAN_PASSWORD: ${{ secrets.LERIAN_PASSWORD }}',
      to: 'LERIAN_PASSWORD: ${{ vars.LERIAN_PASSWORD }}',
      expected: /LERIAN_PASSWORD: a secret must come from .*, never another expression/,
    },
    {
      name: 'a secret on the command line',
      file: SMOKE,
      from: 'npx idflow run --smoke',
      to: 'npx idflow run --env-var "PINGONE_CLIENT_SECRET=$PINGONE_CLIENT_SECRET" --smoke',
      expected:
        /the script reads the secret PINGONE_CLIENT_SECRET[\s\S]*--env-var PINGONE_CLIENT_SECRET=…: a secret on the command line/,
    },
    {
      name: 'an expression pasted into a script',
      file: NIGHTLY,
      from: 'run: npx idflow doctor --target "$CONFORMANCE_TARGET"',
      to: 'run: npx idflow doctor --target ${{ inputs.target }}',
      expected: /\$\{\{ \}\} in run: is pasted into the script before the shell reads it/,
    },
    {
      name: 'a report that is not uploaded',
      file: NIGHTLY,
      from: 'path: reports/',
      to: 'path: report/',
      expected:
        /reports\/junit\.xml \(--output-file\) is not uploaded[\s\S]*uploads report\/, where idflow writes no report/,
    },
    {
      name: 'an upload skipped when the run fails',
      file: SMOKE,
      from: '      - name: Upload the reports\n        if: always()\n',
      to: '      - name: Upload the reports\n',
      expected: /the upload needs if: always\(\)/,
    },
    {
      name: 'a matrix job without a concurrency group',
      file: NIGHTLY,
      from: '    concurrency:\n      group: idflow-tenant-${{ matrix.tenant }}\n      cancel-in-progress: false\n',
      to: '',
      expected:
        /jobs\.conformance: no concurrency group, so two runs on the tenant \$\{\{ matrix\.tenant \}\} can overlap/,
    },
    {
      name: 'a concurrency group not keyed by the tenant',
      file: SMOKE,
      from: 'group: idflow-tenant-${{ inputs.environment }}',
      to: 'group: idflow-smoke',
      expected:
        /concurrency group "idflow-smoke" is not keyed by the tenant: it must contain \$\{\{ inputs\.environment \}\}/,
    },
    {
      name: 'a cancelled run',
      file: NIGHTLY,
      from: 'cancel-in-progress: false',
      to: 'cancel-in-progress: true',
      expected: /cancel-in-progress must be false/,
    },
    {
      name: 'a fail-fast matrix',
      file: NIGHTLY,
      from: 'fail-fast: false',
      to: 'fail-fast: true',
      expected: /strategy\.fail-fast must be false/,
    },
    {
      name: 'a job without the tenant environment',
      file: SMOKE,
      from: '    environment: ${{ inputs.environment }}\n',
      to: '',
      expected: /jobs\.smoke: runs idflow against a tenant without environment:/,
    },
  ])('$name', (breakage) => {
    expect(githubTemplateProblems(broken(breakage)).join('\n')).toMatch(breakage.expected);
  });
});

describe("GitLab's CI schema rejects a broken pipeline", () => {
  test.for<Breakage>([
    {
      name: 'an unknown job key',
      file: GITLAB,
      from: '  resource_group: idflow/$SMOKE_TENANT',
      to: '  resource_groups: idflow/$SMOKE_TENANT',
      expected: /\/idflow-smoke must NOT have additional properties: 'resource_groups'/,
    },
    {
      name: 'an artifacts:when GitLab does not know',
      file: GITLAB,
      from: 'when: always',
      to: 'when: allways',
      expected:
        /\/idflow-conformance\/artifacts\/when must be equal to one of the allowed values \("on_success", "on_failure", "always"\) \(as extended\)/,
    },
    {
      name: 'a rule with a misspelt clause',
      file: GITLAB,
      from: '    - if: $CI_PIPELINE_SOURCE == "web"',
      to: '    - iff: $CI_PIPELINE_SOURCE == "web"',
      expected: /\/idflow-conformance\/rules\/2 must NOT have additional properties: 'iff'/,
    },
    {
      name: 'an environment action GitLab does not have',
      file: GITLAB,
      from: 'action: verify',
      to: 'action: check',
      expected: /environment\/action must be equal to one of the allowed values/,
    },
    { name: 'broken YAML', file: GITLAB, from: '  script:\n', to: '  script:\n - x\n', expected: /^YAML: / },
  ])('$name', (breakage) => {
    expect(gitlabSchemaErrors(broken(breakage)).join('\n')).toMatch(breakage.expected);
  });
});

describe("idflow's rules reject a broken GitLab pipeline", () => {
  test.for<Breakage>([
    {
      name: 'an option idflow run does not have',
      file: GITLAB,
      from: 'npx idflow run --smoke',
      to: 'npx idflow run --smoke-test',
      expected: /idflow-smoke: line 1: idflow run: Unknown option '--smoke-test'/,
    },
    {
      name: 'a stray argument',
      file: GITLAB,
      from: 'npx idflow sweep --target "$CONFORMANCE_TARGET"',
      to: 'npx idflow sweep --target "$CONFORMANCE_TARGET" now',
      expected: /idflow sweep: Unexpected argument 'now'/,
    },
    {
      name: 'a target idflow does not have',
      file: GITLAB,
      from: '    value: pingone\n    description: idflow target of the smoke job',
      to: '    value: ping-one\n    description: idflow target of the smoke job',
      expected: /idflow-smoke: line 1: idflow doctor --target \$SMOKE_TARGET: unknown target "ping-one"/,
    },
    {
      name: 'a job without a resource_group',
      file: GITLAB,
      from: '  resource_group: idflow/$TENANT\n',
      to: '',
      expected:
        /idflow-conformance: no resource_group, so two jobs on the tenant idflow\/\$TENANT can overlap/,
    },
    {
      name: 'a resource_group not keyed by the tenant',
      file: GITLAB,
      from: 'resource_group: idflow/$SMOKE_TENANT',
      to: 'resource_group: idflow-smoke',
      expected: /idflow-smoke: resource_group "idflow-smoke" is not keyed by the tenant/,
    },
    {
      name: "a matrix job whose environment is not the entry's",
      file: GITLAB,
      from: '    name: idflow/$TENANT',
      to: '    name: idflow/nightly',
      expected: /idflow-conformance: a matrix job's environment must name its entry \(TENANT\)/,
    },
    {
      name: 'a JUnit report GitLab would not find',
      file: GITLAB,
      from: '      junit: reports/junit.xml',
      to: '      junit: report/junit.xml',
      expected:
        /artifacts:reports:junit \(report\/junit\.xml\) is not the JUnit file idflow writes \(reports\/junit\.xml\)/,
    },
    {
      name: 'reports kept only when the run passed',
      file: GITLAB,
      from: '    when: always\n    expire_in',
      to: '    expire_in',
      expected: /artifacts:when is on_success \(the default\): a failed run's reports would be lost/,
    },
    {
      name: 'a secret written in the file',
      file: GITLAB,
      from: '    npm_config_cache: $CI_PROJECT_DIR/.npm',
      to: '    npm_config_cache: $CI_PROJECT_DIR/.npm\n    LERIAN_PASSWORD: hunter2',
      expected: /variables\.LERIAN_PASSWORD: a secret written in the file/,
    },
    {
      name: 'a misspelt variable',
      file: GITLAB,
      from: '      - TENANT:',
      to: '      - TENNANT:',
      expected: /parallel\.matrix\.TENNANT: TENNANT is not a variable idflow reads/,
    },
    {
      name: 'a variable set on the command line',
      file: GITLAB,
      from: '    - npx idflow doctor --target "$SMOKE_TARGET"',
      to: '    - IDFLOW_REQUEST_TIMEOUT=10s npx idflow doctor --target "$SMOKE_TARGET"',
      expected: /idflow-smoke: line 1: IDFLOW_REQUEST_TIMEOUT set on the idflow command line/,
    },
    {
      name: 'an idflow call the checks cannot read',
      file: GITLAB,
      from: '    - npx idflow doctor --target "$SMOKE_TARGET"',
      to: '    - npx --package idflow idflow doctor --target "$SMOKE_TARGET"',
      expected: /is not read as an idflow call/,
    },
  ])('$name', (breakage) => {
    expect(gitlabTemplateProblems(broken(breakage)).join('\n')).toMatch(breakage.expected);
  });
});
