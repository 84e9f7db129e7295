// Reading the process table (Linux /proc), for tests and benchmarks that check what a command
// started and that it all ended, or how much CPU it used.
import { readdirSync, readFileSync } from "node:fs";

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
