/** A value as a JavaScript literal in a generated script (JSON is valid JavaScript). */
export function literal(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

/** A regular expression as the two literal arguments `source, flags` a helper rebuilds it from. */
export function regexArguments(pattern: RegExp): string {
  return `${literal(pattern.source)}, ${literal(pattern.flags)}`;
}

/** `pm.test(name, …)` around one helper call; the name says when the expectation is only inferred. */
export function testCall(name: string, call: string, inferred: boolean): string {
  return `pm.test(${literal(inferred ? `${name} (inferred)` : name)}, function () { ${call}; });`;
}
