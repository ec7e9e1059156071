import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { COMMAND_HELP } from '../../src/cli/usage.ts';
import { TARGETS } from '../../src/targets/registry.ts';
import { githubParserErrors } from './lint/github-parser.ts';
import { githubTemplateProblems } from './lint/github-rules.ts';
import { gitlabTemplateProblems } from './lint/gitlab-rules.ts';
import { gitlabSchemaErrors } from './lint/gitlab-schema.ts';
import { IDFLOW_COMMANDS } from './lint/idflow-command.ts';
import { IDFLOW_VARIABLES, PIPELINE_VARIABLES, TARGET_VARIABLE_RULES } from './lint/known-variables.ts';
import { pipelineTemplate, pipelineTemplates } from './lint/templates.ts';
import { mapAt } from './lint/yaml-values.ts';

const TARGET_NAMES = TARGETS.map((target) => target.name);
const RUN_WITH_JUNIT =
  /npx idflow run (--smoke )?--target "\$\w+"\s+--report junit=reports\/junit\.xml --report json=reports\/results\.json --report html=reports\/report\.html --report har=reports\/run\.har/;

/** The pipeline templates users copy: each passes a real linter for its CI system and idflow's own rules. */
describe('pipeline templates', () => {
  const templates = pipelineTemplates();

  test('there is a GitHub Actions and a GitLab CI template, each running idflow run', () => {
    expect(templates.map((template) => template.file)).toEqual([
      'github/idflow-nightly.yml',
      'github/idflow-smoke.yml',
      'gitlab/idflow.gitlab-ci.yml',
    ]);
    for (const template of templates) expect(template.text, template.file).toMatch(RUN_WITH_JUNIT);
  });

  describe.for(templates.filter((template) => template.kind === 'github'))('$file', (template) => {
    test("passes GitHub's workflow parser (@actions/workflow-parser)", async () => {
      expect(await githubParserErrors(template.file, template.text)).toEqual([]);
    });
    test("follows idflow's rules (commands, variables, secrets, reports, concurrency)", () => {
      expect(githubTemplateProblems(template.text)).toEqual([]);
    });
  });

  describe.for(templates.filter((template) => template.kind === 'gitlab'))('$file', (template) => {
    test("passes GitLab's CI schema", () => {
      expect(gitlabSchemaErrors(template.text)).toEqual([]);
    });
    test("follows idflow's rules (commands, variables, secrets, reports, resource groups)", () => {
      expect(gitlabTemplateProblems(template.text)).toEqual([]);
    });
  });
});

/** What each template promises in its header, beyond being valid. */
describe('what the templates do', () => {
  test('nightly (GitHub): a cron and a manual run offering every target, one job per tenant environment', () => {
    const workflow = mapAt(parse(pipelineTemplate('github/idflow-nightly.yml').text));
    const on = mapAt(workflow.on);
    expect(on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \S+ \S+ \S+$/) }]);
    expect(mapAt(mapAt(mapAt(on.workflow_dispatch).inputs).target).options).toEqual(TARGET_NAMES);
    const job = mapAt(mapAt(workflow.jobs).conformance);
    expect(mapAt(job.strategy)).toMatchObject({ 'fail-fast': false, matrix: { tenant: expect.any(Array) } });
    expect(job.environment).toBe('${{ matrix.tenant }}');
    expect(job.concurrency).toEqual({
      group: 'idflow-tenant-${{ matrix.tenant }}',
      'cancel-in-progress': false,
    });
  });

  test('smoke (GitHub): a reusable workflow taking the target, the environment and the secrets', () => {
    const text = pipelineTemplate('github/idflow-smoke.yml').text;
    const call = mapAt(mapAt(mapAt(parse(text)).on).workflow_call);
    expect(Object.keys(mapAt(call.inputs))).toEqual(['target', 'environment']);
    expect(Object.keys(mapAt(call.secrets))).toEqual([
      'PINGONE_CLIENT_SECRET',
      'LERIAN_PASSWORD',
      'LERIAN_CLIENT_SECRET',
    ]);
    expect(text).toContain('npx idflow run --smoke');
    expect(text).toMatch(
      /# {3}smoke:\n# {5}needs: deploy\n# {5}uses: \.\/\.github\/workflows\/idflow-smoke\.yml/,
    );
  });

  test('GitLab: scheduled and web pipelines run the matrix, a pipeline with SMOKE_TENANT only the smoke job', () => {
    const ci = mapAt(parse(pipelineTemplate('gitlab/idflow.gitlab-ci.yml').text));
    expect(mapAt(ci['.idflow']).image).toBe('node:20');
    const nightly = mapAt(ci['idflow-conformance']);
    expect(nightly.rules).toEqual([
      { if: '$SMOKE_TENANT', when: 'never' },
      { if: '$CI_PIPELINE_SOURCE == "schedule"' },
      { if: '$CI_PIPELINE_SOURCE == "web"' },
    ]);
    expect(mapAt(nightly.parallel).matrix).toEqual([{ TENANT: expect.any(Array) }]);
    expect(mapAt(mapAt(ci.variables).CONFORMANCE_TARGET).options).toEqual(TARGET_NAMES);
    const smoke = mapAt(ci['idflow-smoke']);
    expect(smoke.rules).toEqual([{ if: '$SMOKE_TENANT' }]);
    expect(smoke.resource_group).toBe('idflow/$SMOKE_TENANT');
    expect(JSON.stringify(smoke.script)).toContain('npx idflow run --smoke');
  });

  test('nightly and smoke jobs of one tenant take the same concurrency group (GitHub) or resource group (GitLab)', () => {
    const jobOf = (file: string, id: string) =>
      mapAt(mapAt(mapAt(parse(pipelineTemplate(file).text)).jobs)[id]);
    const nightly = mapAt(jobOf('github/idflow-nightly.yml', 'conformance').concurrency).group;
    const smoke = mapAt(jobOf('github/idflow-smoke.yml', 'smoke').concurrency).group;
    expect(String(nightly).replace('${{ matrix.tenant }}', 'T')).toBe(
      String(smoke).replace('${{ inputs.environment }}', 'T'),
    );
    const ci = mapAt(parse(pipelineTemplate('gitlab/idflow.gitlab-ci.yml').text));
    const group = (job: string, tenant: string) => String(mapAt(ci[job]).resource_group).replace(tenant, 'T');
    expect(group('idflow-conformance', '$TENANT')).toBe(group('idflow-smoke', '$SMOKE_TENANT'));
  });
});

/** The checks' own knowledge stays equal to idflow's, so a new command, target or variable is not missed. */
describe('what the checks know', () => {
  test('every idflow command, with the option table the CLI parses it with', () => {
    expect(Object.keys(IDFLOW_COMMANDS).sort()).toEqual(Object.keys(COMMAND_HELP).sort());
  });

  test("every target's variables", () => {
    expect(Object.keys(TARGET_VARIABLE_RULES).sort()).toEqual([...TARGET_NAMES].sort());
  });

  test("the templates' own variables cannot be mistaken for one idflow reads", () => {
    const prefixes = ['IDFLOW_', ...TARGETS.map((target) => target.variablePrefix)];
    for (const name of PIPELINE_VARIABLES) {
      expect(
        prefixes.filter((prefix) => name.startsWith(prefix)),
        name,
      ).toEqual([]);
      expect(IDFLOW_VARIABLES, name).not.toContain(name);
    }
  });
});
