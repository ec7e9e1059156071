import type { HttpClient } from '../../http/types.ts';
import type { SchemaRegistry } from '../../schema/registry.ts';
import type { HintVocabulary } from './hints.ts';
import type { Calibration } from './source.ts';
import type { RunTokens } from './run-tokens.ts';
import type { RunVariables } from './variables.ts';

/** What a step needs from the run. */
export interface StepContext {
  readonly client: HttpClient;
  readonly vars: RunVariables;
  readonly schemas: SchemaRegistry;
  /** The keeper of the run's bearer token, when its client composes one; every refresh is listed there. */
  readonly tokens?: RunTokens;
  /**
   * Set when the run targets a configured tenant: inferred expectations are reported (held or
   * unconfirmed), and with `lenient` a miss does not fail the step. Unset (the embedded
   * emulator): every expectation is strict.
   */
  readonly calibration?: Calibration;
  /** The target's words in failure hints; default the generic ones. */
  readonly hints?: HintVocabulary;
}
