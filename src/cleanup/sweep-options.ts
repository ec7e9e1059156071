import type { PollOptions } from '../flow/step/poll.ts';

/** What every target's sweep is told: the age threshold, whether to only list, and (for tests) the clock. */
export interface SweepOptions {
  /** Only what is older than this is deleted. */
  readonly olderThanMs: number;
  /** List what would be deleted; delete nothing. */
  readonly dryRun: boolean;
  readonly now?: Date;
  /** How long to read a deleted resource back until it answers 404. */
  readonly poll?: PollOptions;
}
