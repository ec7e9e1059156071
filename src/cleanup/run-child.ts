/** Set in the vitest process `idflow run` supervises, so it runs the suites instead of supervising. */
export const RUN_CHILD_VARIABLE = 'IDFLOW_RUN_CHILD';
