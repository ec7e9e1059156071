import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../../src/package-root.ts';

/** Which CI system a template is for, from the folder it sits in. */
export type TemplateKind = 'github' | 'gitlab';

/** One pipeline template users copy into their own repository. */
export interface PipelineTemplate {
  /** Path under `.ci/templates/`, such as `github/idflow-nightly.yml`. */
  readonly file: string;
  readonly kind: TemplateKind;
  readonly text: string;
}

/** Where the templates live. */
export const TEMPLATES_DIR = join(PACKAGE_ROOT, '.ci', 'templates');

const KINDS: readonly TemplateKind[] = ['github', 'gitlab'];

/**
 * Every file under `.ci/templates/`. A file outside `github/` or `gitlab/`, or not YAML, is an
 * Error: no linter would check it, and a template nobody checks is the one that breaks.
 */
export function pipelineTemplates(): PipelineTemplate[] {
  return readdirSync(TEMPLATES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(TEMPLATES_DIR, file)).isFile())
    .sort()
    .map((file) => {
      const kind = KINDS.find((each) => file.startsWith(`${each}/`));
      if (kind === undefined || !/\.ya?ml$/.test(file)) {
        throw new Error(
          `.ci/templates/${file}: a template is a .yml file under github/ or gitlab/, where a linter checks it`,
        );
      }
      return { file, kind, text: readFileSync(join(TEMPLATES_DIR, file), 'utf8') };
    });
}

/** The template at `file` (under `.ci/templates/`); an Error naming the file when there is none. */
export function pipelineTemplate(file: string): PipelineTemplate {
  const template = pipelineTemplates().find((each) => each.file === file);
  if (!template) throw new Error(`.ci/templates/${file} does not exist`);
  return template;
}
