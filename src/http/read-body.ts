import type { Readable } from 'node:stream';

/** The outcome of reading a body under a size limit. */
export type BodyRead = { ok: true; text: string } | { ok: false; receivedBytes: number };

/**
 * Reads a response body as UTF-8, stopping (and destroying the stream) as soon as it exceeds
 * `maxBytes`, so an endless or huge body cannot exhaust memory.
 */
export async function readBodyWithin(body: Readable, maxBytes: number): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let receivedBytes = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    receivedBytes += buffer.length;
    if (receivedBytes > maxBytes) {
      body.destroy();
      return { ok: false, receivedBytes };
    }
    chunks.push(buffer);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
