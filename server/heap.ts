import v8 from 'node:v8';

/**
 * How far V8 lets the JavaScript heap grow past what was live at its last full
 * collection: 25 %. Left to itself V8 grows it up to four times, and under the
 * bench's API load (calendar months and point reads at 50 connections) the
 * server's old space peaked at 87–95 MB for 16–25 MB live; Buffers let go of
 * waited for the same collections, another 56–64 MB. With 25 % the old space
 * peaked at 28–32 MB and Buffers at 12–16 MB: peak RSS 270 → 205 MB, the months'
 * and point reads' throughput within the run-to-run noise. Read by V8 at each
 * collection, so it holds when set at start-up; the rest of the heap's shape
 * (the young generation's size) is fixed before any code runs.
 */
export const HEAP_GROWING_PERCENT = 25;

/**
 * Called at start-up by one server process and by a cluster's primary, not by its workers.
 * One process collects on the core its requests leave free, so the smaller heap costs it
 * little. Workers (`WORKERS` above 1) share every core with each other: there the more
 * frequent full collections took the cores from the requests, and with V8's own growth
 * calendar months at 50 connections on two workers went 105.5 → 122.9 and 96.4 → 112.8
 * per second (+16–17 %), the three processes' peak RSS 411–414 → 462–489 MB.
 */
export function keepHeapSmall(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
