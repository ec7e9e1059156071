import type { SchemaFile } from './schema-files.ts';

/** Every `$ref` that points outside its own document, resolved against the schema's `$id`. */
function externalRefs(file: SchemaFile): Set<string> {
  const refs = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) {
        refs.add(new URL(value, file.id).href.split('#')[0] ?? value);
      } else {
        visit(value);
      }
    }
  };
  visit(file.schema);
  return refs;
}

/**
 * Orders schema files so that each comes after the files it references. ajv compiles referenced
 * schemas while compiling the referrer, so this order makes a compile error surface on the file
 * that actually holds it. Cycles keep their name order.
 */
export function compileOrder(files: readonly SchemaFile[]): SchemaFile[] {
  const byId = new Map(files.map((file) => [file.id, file]));
  const ordered: SchemaFile[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: SchemaFile): void => {
    if (state.has(file.id)) return;
    state.set(file.id, 'visiting');
    for (const ref of externalRefs(file)) {
      const target = byId.get(ref);
      if (target) visit(target);
    }
    state.set(file.id, 'done');
    ordered.push(file);
  };
  files.forEach(visit);
  return ordered;
}
