#!/usr/bin/env node
// The `idflow` command. Runs one esbuild bundle of the CLI, built on first launch and cached (see
// ./start/bundled-main.js), or the TypeScript sources through tsx when no bundle can be had.

// `idflow run` interrupted while it starts (the bundle is checked, built or loaded, then the
// configuration) exits 1, the contract's code for an interrupted run, not the shell's 130. The run
// removes this listener (by its marker, see src/cli/early-interrupt.ts) once it handles signals itself.
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

/** The sources' `main`, through tsx's loader: ~2 s of CPU to load them all. */
async function sourcesMain() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('./main.ts')).main;
}

const { resolve } = await import('node:path');
const { fileURLToPath } = await import('node:url');
const { bundledMain } = await import('./start/bundled-main.js');
const root = resolve(fileURLToPath(import.meta.url), '../../..');
const main = (await bundledMain(root)) ?? (await sourcesMain());
process.exitCode = await main(process.argv.slice(2));
