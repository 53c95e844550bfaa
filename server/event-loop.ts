/**
 * Lets the event loop run what is waiting (requests, timers) before the
 * caller goes on. better-sqlite3 runs queries synchronously and awaiting a
 * settled promise does not yield, so long jobs in the API's process — the
 * alert scan — call this between batches to keep any one block short.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
