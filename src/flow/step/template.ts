import { IdflowError } from '../../errors/idflow-error.ts';
import { quoteUntrusted } from './id-format.ts';

/**
 * Postman-style `{{variable}}` templates. Names follow the vendor's docs (apiPath, envID,
 * sharedUserID…), so a step reads like the page it replays.
 */
export type JsonTemplate =
  string | number | boolean | null | readonly JsonTemplate[] | { readonly [key: string]: JsonTemplate };

export type VariableLookup = (name: string) => unknown;

const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w.$-]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_$][\w.$-]*)\s*\}\}$/;

/** The variable names a template string uses, in order of first use. */
export function variablesIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/**
 * The one walk over a JSON template: rebuilds it with every string value passed through `value`
 * and every object key through `key`; numbers, booleans and null stay as they are.
 */
export function mapTemplate(
  node: JsonTemplate,
  value: (text: string) => unknown,
  key: (text: string) => string,
): unknown {
  if (typeof node === 'string') return value(node);
  if (Array.isArray(node)) return node.map((item: JsonTemplate) => mapTemplate(item, value, key));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([name, child]) => [
        key(name),
        mapTemplate(child as JsonTemplate, value, key),
      ]),
    );
  }
  return node;
}

/** Every variable a JSON template uses, keys and values alike. */
export function variablesInValue(template: JsonTemplate | undefined): string[] {
  if (template === undefined) return [];
  const names = new Set<string>();
  const collect = (text: string): string => {
    variablesIn(text).forEach((name) => names.add(name));
    return text;
  };
  mapTemplate(template, collect, collect);
  return [...names];
}

/** Substitutes every `{{name}}`; a missing variable is a suite bug, callers check needs first. */
export function renderString(template: string, lookup: VariableLookup): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = lookup(name);
    if (value === undefined) throw new Error(`Template variable {{${name}}} has no value`);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

function isDotOrEmpty(value: string): boolean {
  let plain = value;
  try {
    plain = decodeURIComponent(value);
  } catch {
    // Not an escape sequence: encoded as it is below.
  }
  return value === '' || plain === '.' || plain === '..';
}

/**
 * Renders a URL template. A placeholder that starts the template is the base (`{{apiPath}}`, a
 * whole configured URL) and is kept as written; every later value came from the run or the
 * tenant and is data: percent-encoded as one component (`a/../b` becomes `a%2F..%2Fb`), and
 * refused in the path when it is empty or a dot segment (also encoded: a server may decode
 * twice), which a URL parser would resolve to another path.
 */
export function renderUrl(template: string, lookup: VariableLookup): string {
  const query = template.search(/[?#]/);
  return template.replace(PLACEHOLDER, (_match, name: string, offset: number) => {
    const value = lookup(name);
    if (value === undefined) throw new Error(`Template variable {{${name}}} has no value`);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (offset === 0) return text;
    if ((query < 0 || offset < query) && isDotOrEmpty(text)) {
      throw new IdflowError(
        'MALFORMED_URL_VALUE',
        `{{${name}}} is ${quoteUntrusted(text)}, which would not stay one path segment of ${template}; ` +
          `the request was not sent.`,
        { fault: 'api' },
      );
    }
    return encodeURIComponent(text);
  });
}

/**
 * Renders a JSON template. A string that is exactly one placeholder takes the variable's own
 * type, so `{"mfaEnabled": "{{flag}}"}` can send a boolean when the variable holds one.
 */
export function renderValue(template: JsonTemplate, lookup: VariableLookup): unknown {
  const renderText = (text: string): unknown => {
    const whole = WHOLE.exec(text);
    if (!whole) return renderString(text, lookup);
    const value = lookup(whole[1] as string);
    if (value === undefined) throw new Error(`Template variable {{${whole[1]}}} has no value`);
    return value;
  };
  return mapTemplate(template, renderText, (key) => renderString(key, lookup));
}
