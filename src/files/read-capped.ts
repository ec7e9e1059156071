import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads at most `maxBytes` + 1 bytes from `file` in a loop, so what it is (a device, a FIFO, a
 * file that grows) never decides how much is read: a size from `stat` is 0 for `/dev/zero`.
 * Undefined when the file holds more than `maxBytes`; the fs error when it cannot be read.
 */
export function readCapped(file: string, maxBytes: number): Buffer | undefined {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) return buffer.subarray(0, filled);
      filled += read;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}
