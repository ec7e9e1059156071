import { readFileSync, readdirSync } from 'node:fs';

/**
 * The live children of `pid`, from every one of its threads' `/proc/<pid>/task/<tid>/children`
 * (a child forked by a non-main thread is listed under that thread only). Empty when it is gone.
 */
function childrenOf(pid: number): number[] {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const tid of threads) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' '))
        if (child.trim() !== '') children.push(Number(child));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return children;
}

/**
 * Every live descendant of `root` (children, grandchildren, …), not `root` itself, as the kernel
 * lists them now. A process whose parent died was re-parented outside the tree and is not listed.
 */
export function descendantsOf(root: number): number[] {
  const found: number[] = [];
  const pending = childrenOf(root);
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    found.push(pid);
    pending.push(...childrenOf(pid));
  }
  return found;
}
