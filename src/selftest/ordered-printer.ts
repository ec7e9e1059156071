/**
 * Prints lines in index order while they arrive in any order: a line is written as soon as every
 * line before it has been, so parallel runs still give a stable, catalogue-ordered listing.
 */
export function orderedPrinter(write: (line: string) => void): (index: number, line: string) => void {
  const waiting = new Map<number, string>();
  let next = 0;
  return (index, line) => {
    waiting.set(index, line);
    for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
      write(ready);
      waiting.delete(next);
      next += 1;
    }
  };
}
