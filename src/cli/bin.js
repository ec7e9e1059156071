#!/usr/bin/env node
// The `idflow` command. Registers tsx so the TypeScript sources run without a build step.

// `idflow run` interrupted while it starts (tsx and the modules take a second or two to load)
// exits 1, the contract's code for an interrupted run, not the shell's 130. The run removes this
// listener (by its marker, see src/cli/early-interrupt.ts) once it handles signals itself.
function stopBeforeTheRun(signal) {
  process.stderr.write(
    `idflow: ${signal} before the run started: stopped; nothing was sent to the tenant.\n`,
  );
  process.exit(1);
}
stopBeforeTheRun[Symbol.for('idflow.start-up-interrupt')] = true;
if (process.argv[2] === 'run') {
  process.on('SIGINT', stopBeforeTheRun);
  process.on('SIGTERM', stopBeforeTheRun);
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
