/** A YAML mapping, as the `yaml` package parses it. */
export type YamlMap = Record<string, unknown>;

/** True for a YAML mapping (not a list, not a scalar). */
export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mapping at `value`, or an empty one. */
export function mapAt(value: unknown): YamlMap {
  return isMap(value) ? value : {};
}

/** The list at `value`, or an empty one. */
export function listAt(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is a string, a number or a boolean, as a string; undefined otherwise. */
export function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/** True when a file at `file` lies in (or is) the path `uploaded` (both relative, as written). */
export function pathCovers(uploaded: string, file: string): boolean {
  const normal = (path: string) => path.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  const dir = normal(uploaded);
  const target = normal(file);
  return target === dir || target.startsWith(`${dir}/`);
}
