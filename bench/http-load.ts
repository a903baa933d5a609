import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { summarise } from './stats.ts';

/**
 * The HTTP load generator, run as a child process so that it does not share the server's event
 * loop. Reads its job from the JSON file named in argv, prints the result as JSON on stdout.
 */
interface HttpJob {
  url: string;
  paths: string[];
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as HttpJob;
let next = 0;
const latencies: number[] = [];
let failures = 0;

const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: job.url,
      connections: job.connections,
      duration: job.durationSeconds,
      headers: job.headers,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({ ...request, path: job.paths[next++ % job.paths.length]! }),
        },
      ],
    },
    (error, done) => (error ? reject(error) : resolve(done)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else failures++;
  });
});
console.log(
  JSON.stringify({
    ...summarise(latencies, job.durationSeconds, failures + result.errors + result.timeouts),
    autocannon: {
      requestsPerSecondMean: result.requests.average,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
      },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    },
  }),
);
