/** Something an emulator still holds that a run created (found by its name prefix). */
export interface EmulatorLeftover {
  /** What it is and its name: `environment idflow-… `. */
  readonly description: string;
  /** Its id, as a run names it when it could not delete it. */
  readonly id: string;
  /** Its name, as a run names it when the tenant never told it the id. */
  readonly name: string;
}
