// Whether the page runs with JavaScript: false on the server and during hydration, true after. A
// part that only JavaScript can reveal stays shown without it.
import { useSyncExternalStore } from "react";

const noChanges = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
}
