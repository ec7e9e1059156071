/**
 * Postman-style `{{variable}}` templates. Names follow the vendor's docs (apiPath, envID,
 * sharedUserID…), so a step reads like the page it replays.
 */
export type JsonTemplate = string | number | boolean | null | readonly JsonTemplate[] | { readonly [key: string]: JsonTemplate };

export type VariableLookup = (name: string) => unknown;

const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w.$-]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_$][\w.$-]*)\s*\}\}$/;

/** The variable names a template string uses, in order of first use. */
export function variablesIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/** Every variable a JSON template uses, keys and values alike. */
export function variablesInValue(template: JsonTemplate | undefined): string[] {
  const names = new Set<string>();
  const visit = (node: JsonTemplate | undefined): void => {
    if (typeof node === 'string') variablesIn(node).forEach((name) => names.add(name));
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        variablesIn(key).forEach((name) => names.add(name));
        visit(child as JsonTemplate);
      }
    }
  };
  visit(template);
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

/**
 * Renders a JSON template. A string that is exactly one placeholder takes the variable's own
 * type, so `{"mfaEnabled": "{{flag}}"}` can send a boolean when the variable holds one.
 */
export function renderValue(template: JsonTemplate, lookup: VariableLookup): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) {
      const value = lookup(whole[1] as string);
      if (value === undefined) throw new Error(`Template variable {{${whole[1]}}} has no value`);
      return value;
    }
    return renderString(template, lookup);
  }
  if (Array.isArray(template)) return template.map((item) => renderValue(item, lookup));
  if (template !== null && typeof template === 'object') {
    const rendered: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(template)) {
      rendered[renderString(key, lookup)] = renderValue(child as JsonTemplate, lookup);
    }
    return rendered;
  }
  return template;
}
