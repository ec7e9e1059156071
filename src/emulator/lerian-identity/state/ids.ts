import { randomBytes } from 'node:crypto';

/** A UUIDv7 (time-ordered), the shape of the ids in Lerian's examples. */
export function uuidV7(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path parameter has the shape of a user id (any UUID version). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Random lower-case hex of `bytes` bytes (client ids, client secrets). */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
