// Small process-level helpers shared by the launcher, the database and the search server.
import { readdirSync, readFileSync } from "node:fs";

/** True when a process with this PID exists (signal 0 only checks). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The fields of /proc/<pid>/stat after the command name (Linux): [0] state, [1] parent PID,
 * [11] user and [12] system CPU time in clock ticks. Throws when the process has ended.
 */
export function procStat(pid: number | string): string[] {
  return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
}

/** The processes whose parent is `pid` (from /proc, Linux). */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(procStat(entry)[1]) === pid) children.push(Number(entry));
    } catch {
      // the process ended while the list was read
    }
  }
  return children;
}

/** `pid` and every process started from it, at any depth. */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...childPids(tree[i]));
  return tree;
}

/**
 * A value shared by every copy of a module in this process: the launcher (run by tsx) and the
 * Remix server build each load their own copy of *.server.ts modules, but must share one database,
 * one search client and one mail transport.
 */
export function processWide<T>(name: string): { get(): T | undefined; set(value: T | undefined): void } {
  const key = Symbol.for(`vte.${name}`);
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    get: () => slots[key],
    set: (value) => {
      slots[key] = value;
    },
  };
}
