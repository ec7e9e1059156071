import { spawn } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { childEnvironment } from '../../src/selftest/child-environment.ts';
import { runCli } from '../support/run-cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const LIST = ['list', '--json', '--target', 'pingone'];
const USER = process.getuid?.() ?? 'user';

const scratch = mkdtempSync(join(tmpdir(), 'idflow-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folder(name: string): string {
  const path = join(scratch, name);
  mkdirSync(path, { recursive: true });
  return path;
}

/** Under a plain file: no process can create it, not even root's. */
function unwritable(): string {
  const file = join(scratch, 'a-file');
  writeFileSync(file, '');
  return join(file, 'cache');
}

/** The cache folder and the temp folder of one scenario, and IDFLOW_DEBUG to hear start-up. */
function environment(cache: string, temp = folder('tmp')): Record<string, string> {
  return { IDFLOW_BUILD_CACHE: cache, TMPDIR: temp, IDFLOW_DEBUG: '1' };
}

function bundles(cache: string): string[] {
  return readdirSync(cache).filter((name) => !name.startsWith('.'));
}

describe('idflow starts from one cached bundle of its sources', () => {
  test('the first launch builds the bundle; the next ones run that bundle', async () => {
    const cache = folder('first');
    const first = await runCli(['--version'], { env: environment(cache) });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`idflow ${VERSION}\n`);
    const [key] = bundles(cache);
    expect(bundles(cache)).toHaveLength(1);
    expect(first.stderr).toMatch(new RegExp(`built ${join(cache, key ?? '')} in \\d+ ms`));

    const second = await runCli(['--version'], { env: environment(cache) });
    expect(second.stdout).toBe(`idflow ${VERSION}\n`);
    expect(second.stderr).toContain(`running ${join(cache, key ?? '')}`);
    expect(second.stderr).not.toContain('built');

    // What runs is that file, not the sources: a line planted in it is heard.
    appendFileSync(join(cache, key ?? '', 'main.mjs'), "process.stderr.write('planted in the bundle\\n');\n");
    const third = await runCli(['--version'], { env: environment(cache) });
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toContain('planted in the bundle');
  });

  test('six first launches at once all succeed, and leave one bundle', async () => {
    const cache = folder('concurrent');
    const commands = [['--version'], LIST, ['--version'], LIST, ['--version'], LIST];
    const runs = await Promise.all(commands.map((args) => runCli(args, { env: environment(cache) })));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const versions = runs.filter((_, index) => index % 2 === 0).map((run) => run.stdout);
    expect(versions).toEqual(Array(3).fill(`idflow ${VERSION}\n`));
    const lists = runs.filter((_, index) => index % 2 === 1).map((run) => run.stdout);
    expect(JSON.parse(lists[0] ?? '')).not.toHaveLength(0);
    expect(new Set(lists).size).toBe(1);
    expect(readdirSync(cache)).toEqual(bundles(cache));
    expect(bundles(cache)).toHaveLength(1);
  });

  test('an edited source is bundled again, and the edited code runs', async () => {
    const copy = folder('copy');
    cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true, preserveTimestamps: true });
    for (const file of ['package.json', 'tsconfig.json']) copyFileSync(join(ROOT, file), join(copy, file));
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const bin = join(copy, 'src/cli/bin.js');
    const cache = folder('edited');
    const before = await runCli(['--version'], { bin, env: environment(cache) });
    expect(before.stdout, before.stderr).toBe(`idflow ${VERSION}\n`);

    const main = join(copy, 'src/cli/main.ts');
    const source = readFileSync(main, 'utf8');
    const line = 'process.stdout.write(`idflow ${idflowVersion()}\\n`);';
    expect(source).toContain(line);
    writeFileSync(main, source.replace(line, line.replace('}\\n', '} (edited)\\n')));
    const after = await runCli(['--version'], { bin, env: environment(cache) });
    expect(after.stdout, after.stderr).toBe(`idflow ${VERSION} (edited)\n`);
    expect(after.stderr).toMatch(/built /);
    expect(bundles(cache)).toHaveLength(2);
  });

  test('a build prunes the bundles unused for a day beyond the three latest, and abandoned builds', async () => {
    const cache = folder('pruned');
    const age = (name: string, hours: number) => {
      mkdirSync(join(cache, name));
      const at = new Date(Date.now() - hours * 3_600_000);
      utimesSync(join(cache, name), at, at);
    };
    const unusedFor = { 'old-1': 25, 'old-2': 26, 'old-3': 27, 'old-4': 28 };
    for (const [name, hours] of Object.entries(unusedFor)) age(name, hours);
    age('.building-abandoned', 2);
    const run = await runCli(['--version'], { env: environment(cache) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/built /);
    const [built] = bundles(cache).filter((name) => !name.startsWith('old-'));
    expect(readdirSync(cache).sort()).toEqual([built, 'old-1', 'old-2'].sort());
  });

  test('a cache folder that cannot be written: the bundle goes to a folder of the user under TMPDIR', async () => {
    const temp = folder('tmp-fallback');
    const run = await runCli(['--version'], { env: environment(unwritable(), temp) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`idflow ${VERSION}\n`);
    const kept = join(temp, `idflow-build-cache-${USER}`);
    expect(run.stderr).toContain(`built ${kept}/`);
    expect(statSync(kept).mode & 0o777).toBe(0o700);
  });

  test('no usable cache folder: the sources run through tsx, and print the very same list', async () => {
    const bundled = await runCli(LIST, { env: environment(folder('list')) });
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(bundled.stderr).toMatch(/running .*list/);

    // The temp folder's cache is not trusted: others may write to it.
    const temp = folder('tmp-shared');
    const shared = join(temp, `idflow-build-cache-${USER}`);
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const sources = await runCli(LIST, { env: environment(unwritable(), temp) });
    expect(sources.code, sources.stderr).toBe(0);
    expect(sources.stderr).toContain('running the sources through tsx');
    expect(readdirSync(shared)).toEqual([]);
    expect(sources.stdout === bundled.stdout, 'stdout differs between the bundle and the sources').toBe(true);
  });

  test('Ctrl-C while idflow run builds its bundle: exit 1, the start-up message', async () => {
    const cache = folder('interrupted');
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/bin.js'), 'run', '--target', 'pingone'], {
      cwd: folder('interrupted-cwd'),
      env: { ...childEnvironment(), ...environment(cache) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    const building = () =>
      existsSync(cache) && readdirSync(cache).some((name) => name.startsWith('.building-'));
    while (!building() && child.exitCode === null) await new Promise((wait) => setTimeout(wait, 5));
    child.kill('SIGINT');
    expect(await exited, output).toBe(1);
    expect(output).toContain('SIGINT before the run started');
    expect(bundles(cache)).toEqual([]);
  });
});
