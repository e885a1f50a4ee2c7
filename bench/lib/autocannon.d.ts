// The little of autocannon's API that bench/lib/cannon.ts uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    type Options = Record<string, unknown>;
    interface Histogram {
      average: number;
      mean: number;
      total: number;
      max: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
    }
    interface Result {
      requests: Histogram;
      latency: Histogram;
      duration: number;
      non2xx: number;
      errors: number;
      timeouts: number;
    }
  }
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
