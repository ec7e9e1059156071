/** A JSON Schema as the walker reads it: an object, or a boolean schema. */
type Schema = boolean | Readonly<Record<string, unknown>>;

/** A schema together with the URI its relative `$ref`s resolve against. */
interface Located {
  readonly schema: Schema;
  readonly base: string;
}

/** Finds a schema document by its absolute `$id` (without fragment). */
export type SchemaDocuments = (id: string) => Schema | undefined;

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;
// `if` only states a condition; `then`/`else` describe the instance, so what they name is declared.
const CONDITIONAL = ['then', 'else'] as const;

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSchema(value: unknown): Schema | undefined {
  return typeof value === 'boolean' || isObject(value) ? value : undefined;
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function followPointer(document: Schema, fragment: string): Schema | undefined {
  if (fragment === '' || fragment === '/') return document;
  let current: unknown = document;
  for (const raw of fragment.slice(1).split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    current = isObject(current) ? current[token] : undefined;
  }
  return asSchema(current);
}

function resolveRef(ref: string, base: string, documents: SchemaDocuments): Located | undefined {
  const url = new URL(ref, base);
  const fragment = url.hash.slice(1);
  url.hash = '';
  const document = documents(url.href);
  const schema = document === undefined ? undefined : followPointer(document, fragment);
  return schema === undefined ? undefined : { schema, base: url.href };
}

/**
 * Every schema that applies at one place of the instance: the given ones and, transitively,
 * what their `$ref`, `allOf`/`anyOf`/`oneOf` branches and `then`/`else` name. All branches
 * count, matched or not: a field any of them names is declared.
 */
function expand(roots: readonly Located[], documents: SchemaDocuments): Located[] {
  const seen = new Set<Schema>();
  const out: Located[] = [];
  const queue = [...roots];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { schema } = next;
    if (seen.has(schema)) continue;
    seen.add(schema);
    out.push(next);
    if (!isObject(schema)) continue;
    const base = typeof schema.$id === 'string' ? new URL(schema.$id, next.base).href : next.base;
    if (typeof schema.$ref === 'string') {
      const target = resolveRef(schema.$ref, base, documents);
      if (target) queue.push(target);
    }
    for (const keyword of [...COMBINATORS, ...CONDITIONAL]) {
      const branches: unknown[] = Array.isArray(schema[keyword]) ? schema[keyword] : [schema[keyword]];
      for (const branch of branches) {
        const child = asSchema(branch);
        if (child !== undefined) queue.push({ schema: child, base });
      }
    }
  }
  return out;
}

/**
 * What the applicable schemas say about one object member: free, declared with sub-schemas, or not at all.
 */
type Member =
  { readonly kind: 'open' } | { readonly kind: 'declared'; readonly schemas: Located[] } | undefined;

function memberOf(applicable: readonly Located[], key: string): Member {
  const schemas: Located[] = [];
  let open = false;
  let declares = false;
  for (const { schema, base } of applicable) {
    if (!isObject(schema)) continue;
    const properties = isObject(schema.properties) ? schema.properties : undefined;
    const patterns = isObject(schema.patternProperties) ? schema.patternProperties : undefined;
    const additional = asSchema(schema.additionalProperties);
    if (properties || patterns || additional !== undefined) declares = true;
    const named = properties ? asSchema(properties[key]) : undefined;
    if (named !== undefined && Object.hasOwn(properties ?? {}, key)) schemas.push({ schema: named, base });
    for (const [pattern, sub] of Object.entries(patterns ?? {})) {
      const child = asSchema(sub);
      if (child !== undefined && new RegExp(pattern, 'u').test(key)) schemas.push({ schema: child, base });
    }
    if (additional === true) open = true;
    else if (isObject(additional)) schemas.push({ schema: additional, base });
  }
  // An object no applicable schema gives properties for is free-form: everything under it is declared.
  if (open || !declares) return { kind: 'open' };
  return schemas.length > 0 ? { kind: 'declared', schemas } : undefined;
}

function itemSchemas(applicable: readonly Located[], index: number): Located[] | 'open' {
  const schemas: Located[] = [];
  for (const { schema, base } of applicable) {
    if (!isObject(schema)) continue;
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    const positional = index < prefix.length ? asSchema(prefix[index]) : undefined;
    const items = positional ?? asSchema(schema.items);
    if (items === true) return 'open';
    if (items !== undefined) schemas.push({ schema: items, base });
  }
  return schemas.length > 0 ? schemas : 'open';
}

function walk(
  value: unknown,
  roots: readonly Located[],
  path: string,
  documents: SchemaDocuments,
  found: Set<string>,
): void {
  if (value === null || typeof value !== 'object') return;
  const applicable = expand(roots, documents);
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const schemas = itemSchemas(applicable, index);
      if (schemas !== 'open') walk(item, schemas, `${path}/*`, documents, found);
    });
    return;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = `${path}/${escapeToken(key)}`;
    const member = memberOf(applicable, key);
    if (member === undefined) found.add(childPath);
    else if (member.kind === 'declared') walk(child, member.schemas, childPath, documents, found);
  }
}

/**
 * The places in `value` that none of `roots` declares, as JSON pointers with array indices
 * written `*` (`/_embedded/devices/*` then `/foo`), each once, in document order. A field counts as
 * declared when any applicable schema (through `$ref`, any `allOf`/`anyOf`/`oneOf` branch,
 * `then`/`else`) names it in `properties` or `patternProperties`, or allows it with an
 * `additionalProperties` schema; an object no applicable schema gives properties for is
 * free-form and declares everything under it. Only the undeclared field itself is listed, not
 * what it holds. `roots` are absolute schema `$id`s looked up in `documents`.
 */
export function undeclaredPaths(
  value: unknown,
  roots: readonly string[],
  documents: SchemaDocuments,
): string[] {
  const located = roots.flatMap((id) => {
    const schema = documents(id);
    return schema === undefined ? [] : [{ schema, base: id }];
  });
  if (located.length === 0) return [];
  const found = new Set<string>();
  walk(value, located, '', documents, found);
  return [...found];
}
