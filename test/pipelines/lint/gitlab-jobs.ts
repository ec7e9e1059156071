import { isMap, listAt, type YamlMap } from './yaml-values.ts';

/** Top-level keys of a GitLab CI file that are not jobs. */
const KEYWORDS = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'spec',
]);

/** GitLab's `extends`: hashes merged deeply, the extending job's keys winning; anything else replaced. */
function merge(base: YamlMap, over: YamlMap): YamlMap {
  const merged: YamlMap = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const previous = merged[key];
    merged[key] = isMap(previous) && isMap(value) ? merge(previous, value) : value;
  }
  return merged;
}

function resolveJob(name: string, jobs: YamlMap, chain: readonly string[] = []): YamlMap {
  if (chain.includes(name)) throw new Error(`extends loops: ${[...chain, name].join(' -> ')}`);
  const job = jobs[name];
  if (!isMap(job)) throw new Error(`${chain.at(-1) ?? name} extends ${name}, which is not a job of the file`);
  const parents = typeof job.extends === 'string' ? [job.extends] : listAt(job.extends).map(String);
  const inherited = parents.reduce<YamlMap>(
    (merged, parent) => merge(merged, resolveJob(parent, jobs, [...chain, name])),
    {},
  );
  const { extends: _extends, ...own } = job;
  return merge(inherited, own);
}

/**
 * Each job GitLab runs (hidden `.jobs` are templates) as `extends` makes it, by name; a job whose
 * `extends` names no job of the file, or loops, maps to the reason instead.
 */
export function resolvedJobs(doc: YamlMap): Map<string, YamlMap | string> {
  const jobs = Object.fromEntries(
    Object.entries(doc).filter(([key, value]) => !KEYWORDS.has(key) && isMap(value)),
  );
  const resolved = new Map<string, YamlMap | string>();
  for (const name of Object.keys(jobs).filter((each) => !each.startsWith('.'))) {
    try {
      resolved.set(name, resolveJob(name, jobs));
    } catch (error) {
      resolved.set(name, error instanceof Error ? error.message : String(error));
    }
  }
  return resolved;
}
