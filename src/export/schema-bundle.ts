import { schemaIdFor, type SchemaFile } from '../schema/schema-files.ts';

/** The `$ref`s a schema makes to other documents, resolved against its `$id`. */
function referencedIds(node: unknown, base: string, found: Set<string>): void {
  if (Array.isArray(node)) {
    node.forEach((item) => referencedIds(item, base, found));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#'))
      found.add(new URL(value, base).href.replace(/#.*$/, ''));
    else referencedIds(value, base, found);
  }
}

/**
 * A schema as Postman's sandbox can compile it: ajv 6 knows draft-07, not 2020-12, so the
 * `$schema` declaration goes; `$id`, `$ref` and `$defs` stay (a `#/$defs/…` pointer resolves in
 * any draft) and the schemas here use no keyword draft-07 lacks (a test pins that).
 */
function forDraft07(schema: SchemaFile['schema']): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...schema };
  delete copy.$schema;
  return copy;
}

/**
 * The schemas named, and every document they `$ref`, by `$id`, ready to embed in a collection.
 * Throws naming a schema that is not among `files`.
 */
export function schemaBundle(names: Iterable<string>, files: readonly SchemaFile[]): Record<string, unknown> {
  const byId = new Map(files.map((file) => [file.id, file]));
  const wanted = [...new Set([...names].map(schemaIdFor))];
  const bundle: Record<string, unknown> = {};
  while (wanted.length > 0) {
    const id = wanted.shift() as string;
    if (id in bundle) continue;
    const file = byId.get(id);
    if (!file) throw new Error(`the collection uses the schema ${id}, which is not in schemas/`);
    bundle[id] = forDraft07(file.schema);
    const refs = new Set<string>();
    referencedIds(file.schema, id, refs);
    wanted.push(...refs);
  }
  return bundle;
}
