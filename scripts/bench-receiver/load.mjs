// The load generator: a fixed number of workers, each with one request in flight at a time on
// a kept-alive connection, as many busy partner pages would be. Bounded by count and by time.
import {Agent, request} from 'node:http';

const REQUEST_TIMEOUT_MS = 10_000;

function post(agent, port, submission, localAddress) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: '/submit',
        headers: {'Content-Type': 'application/json', 'Idempotency-Key': submission.id, 'Content-Length': submission.bytes},
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        // Drain the reply: the request is done when the whole answer has arrived.
        res.resume();
        res.on('end', () => resolve({status: res.statusCode, ms: performance.now() - started}));
        res.on('error', (error) => resolve({status: `network: ${error.code ?? error.message}`, ms: performance.now() - started}));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({status: `network: ${error.code ?? error.message}`, ms: performance.now() - started}));
    req.end(submission.body);
  });
}

/**
 * Sends every submission with `concurrency` in flight. Stops starting new ones after
 * `deadlineMs`; those never sent are reported as `unsent`, not left out.
 *
 * `addresses` are the loopback addresses the workers send from, one each in turn: supporters
 * come from many addresses, and the receiver keeps one rate-limit counter per address, so a
 * single address would make every submission update the same database row.
 */
export async function sendAll(port, submissions, {concurrency, deadlineMs, addresses = ['127.0.0.1']}) {
  const agent = new Agent({keepAlive: true, maxSockets: concurrency});
  const latencies = [];
  const statuses = {};
  let next = 0;
  const started = performance.now();
  const stopAt = started + deadlineMs;
  const worker = async (index) => {
    const from = addresses[index % addresses.length];
    while (next < submissions.length && performance.now() < stopAt) {
      const {status, ms} = await post(agent, port, submissions[next++], from);
      statuses[status] = (statuses[status] ?? 0) + 1;
      latencies.push(ms);
    }
  };
  await Promise.all(Array.from({length: concurrency}, (_, index) => worker(index)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const created = statuses[201] ?? 0;
  return {seconds, sent: latencies.length, unsent: submissions.length - latencies.length, created, statuses, latencies};
}
