import fs from 'node:fs';

/**
 * The fields of `/proc/<pid>/stat` after the command (which may hold spaces and
 * parentheses): `[0]` the state (`Z` a zombie), `[1]` the parent's pid, `[16]` the nice
 * value. Undefined once the process is gone.
 */
export function procStat(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Whether process `pid` runs (not gone, not a zombie waiting for its parent). */
export function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== undefined && stat[0] !== 'Z';
}

/** The pids of the processes whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => Number(procStat(child)?.[1]) === pid);
}

/** Process `pid`'s command line, undefined once it is gone. */
export function commandLineOf(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** The processes started under `pid`: its children, their children, and so on. */
export function descendantsOf(pid: number): number[] {
  return childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);
}

/** Resolves once none of `pids` runs; polls, with a generous bound for a loaded machine. */
export async function allEnded(pids: number[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isRunning)) {
    if (Date.now() > deadline) {
      throw new Error(`still running after ${timeoutMs} ms: ${pids.filter(isRunning).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
