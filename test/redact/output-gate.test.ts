import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, expect, test } from 'vitest';
import { redactFile } from '../../src/redact/output-file.ts';
import { gateStream } from '../../src/redact/output-gate.ts';
import { clearSecretsForTest, registerSecret } from '../../src/redact/secrets.ts';

beforeEach(() => clearSecretsForTest());

test('a gated stream masks secrets in strings and buffers, registered before or after gating', () => {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  registerSecret('early-secret');
  gateStream(stream);
  gateStream(stream);
  registerSecret('late-secret');
  stream.write('a early-secret b\n');
  stream.write(Buffer.from('c late-secret d\n'));
  stream.write(new Uint8Array(Buffer.from('nothing to hide\n')));
  stream.end();
  expect(Buffer.concat(chunks).toString()).toBe('a [REDACTED] b\nc [REDACTED] d\nnothing to hide\n');
});

test('a gated stream still calls the write callback', async () => {
  const stream = new PassThrough();
  stream.resume();
  gateStream(stream);
  await new Promise<void>((done) => stream.write('x', () => done()));
});

test('redactFile masks a report file in place and leaves clean and missing files alone', () => {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-redact-file-'));
  const report = join(directory, 'junit.xml');
  registerSecret('file-secret&<x>');
  writeFileSync(report, '<failure message="file-secret&amp;&lt;x&gt;"/>');
  expect(redactFile(report)).toBe(true);
  expect(readFileSync(report, 'utf8')).toBe('<failure message="[REDACTED]"/>');
  expect(redactFile(report)).toBe(false);
  expect(redactFile(join(directory, 'missing.json'))).toBe(false);
});
