import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'idflow-bundle-location-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.ts'))
    .map((entry) => join(directory, entry));
}

/** Postman gives every item a random id; the rest must not differ. */
function withoutIds(file: string): string {
  return readFileSync(file, 'utf8').replace(/"(id|_postman_id)": "[0-9a-f-]{36}"/g, '"$1": "…"');
}

async function exportPingOne(out: string, env: Record<string, string>) {
  const run = await runCli(['export', '--target', 'pingone', '--format', 'postman', '--out', out], { env });
  expect(run.code, run.stderr).toBe(0);
  return readdirSync(out)
    .sort()
    .map((name) => ({ name, text: withoutIds(join(out, name)) }));
}

describe('the bundled CLI does not depend on where the bundle lives', () => {
  test('no module but src/package-root.ts reads its own location', () => {
    const readers = sourceFiles(join(ROOT, 'src'))
      .filter((file) => /import\.meta|__dirname|__filename/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(readers).toEqual(['src/package-root.ts']);
  });

  test('idflow export from a bundle in a temp folder writes what the sources write', async () => {
    const temp = join(scratch, 'tmp');
    mkdirSync(temp);
    const bundled = await exportPingOne(join(scratch, 'bundled'), {
      IDFLOW_BUILD_CACHE: join(scratch, 'cache'),
      TMPDIR: temp,
    });
    // No usable cache folder (one under a file, the other writable by all): the sources run.
    writeFileSync(join(scratch, 'a-file'), '');
    const shared = join(temp, `idflow-build-cache-${process.getuid?.() ?? 'user'}`);
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const sources = await exportPingOne(join(scratch, 'sources'), {
      IDFLOW_BUILD_CACHE: join(scratch, 'a-file', 'cache'),
      TMPDIR: temp,
    });
    expect(bundled.map((file) => file.name)).toEqual([
      'pingone.postman_collection.json',
      'pingone.postman_environment.json',
    ]);
    expect(bundled.every((file, index) => file.text === sources[index]?.text)).toBe(true);
  });
});
