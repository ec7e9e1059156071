/** The parsed body when it is JSON, else `undefined` (an empty body is not JSON). */
export function parseJsonBody(bodyText: string): unknown | undefined {
  if (bodyText.trim() === '') return undefined;
  try {
    return JSON.parse(bodyText) as unknown;
  } catch {
    return undefined;
  }
}
