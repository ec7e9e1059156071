import { isAbsolute, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';

/** The committed baseline of a target: `suites/<target>/known-deviations.json`. */
export function defaultBaselineFile(target: string): string {
  return resolve(PACKAGE_ROOT, 'suites', target, 'known-deviations.json');
}

/** A path as messages show it: relative to the package when inside it, else absolute. */
export function displayPath(file: string): string {
  const inside = relative(PACKAGE_ROOT, file);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file;
}
