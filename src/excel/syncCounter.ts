/** Counts the round trips an operation makes, so reports and the bench can show them. */
import type { RequestContext } from "./officeApi";
export type SyncCounter = ((context: RequestContext) => Promise<void>) & { readonly count: number };

export function createSyncCounter(): SyncCounter {
  let count = 0;
  const sync = async (context: RequestContext) => {
    count++;
    await context.sync();
  };
  return Object.defineProperty(sync, "count", { get: () => count }) as SyncCounter;
}
