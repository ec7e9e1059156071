/**
 * Where an expectation comes from. `documented`: a vendor page (URL with anchor) or an OpenAPI
 * operation/schema pointer, with a short quote; a tenant that breaks it fails the run.
 * `inferred`: nothing the vendor publishes says so (our emulator, a reading between the lines);
 * against a configured tenant a miss is reported as unconfirmed unless the run is `--strict`.
 */
export type Source =
  | { readonly kind: 'documented'; readonly ref: string; readonly quote: string }
  | { readonly kind: 'inferred'; readonly reason: string };

/** A documented source: the page or OAS pointer, and the words that say it. */
export function documented(ref: string, quote: string): Source {
  return { kind: 'documented', ref, quote };
}

/** An inferred source: why we expect it although no vendor source says so. */
export function inferred(reason: string): Source {
  return { kind: 'inferred', reason };
}

/** How a run treats inferred expectations that do not hold. */
export interface Calibration {
  /** True: a miss is reported as unconfirmed and the step passes; false (`--strict`): it fails. */
  readonly lenient: boolean;
}

/** The environment variable `idflow run --strict` sets for the suites' global setup. */
export const STRICT_VARIABLE = 'IDFLOW_STRICT';
