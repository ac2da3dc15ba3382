/** Counts the round trips an operation makes, so reports and the bench can show them. */
export type SyncCounter = ((context: Excel.RequestContext) => Promise<void>) & { readonly count: number };

export function createSyncCounter(): SyncCounter {
  let count = 0;
  const sync = async (context: Excel.RequestContext) => {
    count++;
    await context.sync();
  };
  return Object.defineProperty(sync, "count", { get: () => count }) as SyncCounter;
}
