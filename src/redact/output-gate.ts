import { redact } from './secrets.ts';

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;

const GATED = Symbol.for('idflow.redacted-stream');

/**
 * Makes every later `write` to `stream` pass through `redact`: strings and UTF-8 buffers alike
 * (a buffer is passed on untouched unless it held a secret). Idempotent. Console reporters,
 * `console.*` and our own `idflow: …` lines all end in a stream's `write`, whenever they were
 * set up, so this gate covers them without any of them knowing.
 */
export function gateStream(stream: NodeJS.WritableStream): void {
  const marked = stream as NodeJS.WritableStream & { [GATED]?: true };
  if (marked[GATED]) return;
  const write = stream.write.bind(stream) as Write;
  const gated: Write = (chunk, ...rest) => {
    if (typeof chunk === 'string') return write(redact(chunk), ...rest);
    if (chunk instanceof Uint8Array) {
      const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
      const safe = redact(text);
      return write(safe === text ? chunk : Buffer.from(safe), ...rest);
    }
    return write(chunk, ...rest);
  };
  stream.write = gated as NodeJS.WritableStream['write'];
  marked[GATED] = true;
}

/** Gates this process's stdout and stderr (see {@link gateStream}). */
export function gateProcessOutput(): void {
  gateStream(process.stdout);
  gateStream(process.stderr);
}
