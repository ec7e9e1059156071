type Json = Record<string, unknown> | unknown[];

function tokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(root: Json, pointer: string): { parent: Json; key: string } {
  const path = tokens(pointer);
  const key = path.pop();
  if (key === undefined) throw new Error(`pointer ${pointer} has no parent`);
  let node: unknown = root;
  for (const token of path) {
    node = (node as Record<string, unknown>)[token];
    if (typeof node !== 'object' || node === null)
      throw new Error(`pointer ${pointer} leaves the value at ${token}`);
  }
  return { parent: node as Json, key };
}

/** A deep copy of `value` with the member at `pointer` removed. */
export function without<T extends object>(value: T, pointer: string): T {
  const copy = structuredClone(value);
  const { parent, key } = parentOf(copy as Json, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return copy;
}

/** A deep copy of `value` with the member at `pointer` set to `replacement`. */
export function withValue<T extends object>(value: T, pointer: string, replacement: unknown): T {
  const copy = structuredClone(value);
  const { parent, key } = parentOf(copy as Json, pointer);
  (parent as Record<string, unknown>)[key] = replacement;
  return copy;
}
