// The floor: the same HTTP stack as the receiver (Hono on @hono/node-server) with no work
// behind it. What the receiver adds on top of this is what validation and storage cost.
import {serve} from '@hono/node-server';
import {Hono} from 'hono';
import {parseArgs} from 'node:util';

const {values} = parseArgs({options: {port: {type: 'string'}}});
const app = new Hono();
app.get('/health', (c) => c.json({ok: true}));
app.post('/submit', async (c) => {
  // Read the body, as the receiver must, so the floor pays for receiving it too.
  await c.req.text();
  return c.json({status: 'stored'}, 201);
});
const server = serve({fetch: app.fetch, port: Number(values.port), hostname: '127.0.0.1'});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections?.();
});
