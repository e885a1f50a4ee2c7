// Preloaded into the server by `event-loop-pdfs.ts` (node --import): the event loop's delay as
// perf_hooks measures it. Each SIGUSR2 appends the histogram since the last one to
// $BENCH_LOOP_DELAY_FILE (one JSON line, milliseconds) and starts a new one.
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const out = process.env.BENCH_LOOP_DELAY_FILE!;
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

process.on('SIGUSR2', () => {
  const line = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean), samples: histogram.count };
  appendFileSync(out, `${JSON.stringify(line)}\n`);
  histogram.reset();
});
