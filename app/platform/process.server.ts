// Small process-level helpers shared by the launcher, the database and the search server.

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

/**
 * Reference data read once per process and shared by every copy of the module: the first call
 * loads, later calls get the same promise; a failed load is forgotten so that the next call retries.
 */
export function loadedOncePerProcess<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  const slot = processWide<Promise<T>>(name);
  return () => {
    let loaded = slot.get();
    if (!loaded) {
      loaded = load();
      loaded.catch(() => slot.set(undefined));
      slot.set(loaded);
    }
    return loaded;
  };
}
