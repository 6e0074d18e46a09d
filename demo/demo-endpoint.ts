import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Plugin} from 'vite';
import {Submission} from '../src/schema.js';
import {fromFormFields} from '../src/send/form-encoding.js';

/**
 * The demo's receiving side, as Vite dev-server middleware: it validates each POST with the
 * same schema receivers get, drops repeats of an Idempotency-Key, and lists what it took at
 * GET /api/submissions for demo/inbox.html. Memory only: the demo keeps nothing on disk.
 */
interface Received {
  receivedAt: string;
  idempotencyKey: string | null;
  valid: boolean;
  duplicate: boolean;
  body: unknown;
  issues?: unknown;
}

const MAX_BODY = 100_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body, null, 2));
}

export function demoEndpoint(path = '/api/submissions'): Plugin {
  const received: Received[] = [];
  return {
    name: 'civic-action-demo-endpoint',
    configureServer(server) {
      server.middlewares.use('/', (req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/demo/');
          res.end();
        } else next();
      });
      server.middlewares.use(path, async (req, res) => {
        if (req.method === 'GET') return reply(res, 200, received);
        if (req.method === 'DELETE') {
          received.length = 0;
          return reply(res, 200, received);
        }
        if (req.method !== 'POST') return reply(res, 405, {error: {message: 'POST a submission here.'}});
        let json: unknown;
        const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
        try {
          const text = await readBody(req);
          // endpoint-format="form" posts form fields; they decode to the same submission.
          json = isForm ? fromFormFields(new URLSearchParams(text)) : JSON.parse(text);
        } catch {
          return reply(res, 400, {error: {message: 'The body is not JSON.'}});
        }
        // A form post carries its id in the body only: it sends no custom header.
        const key = (req.headers['idempotency-key'] as string | undefined) ?? (isForm ? String((json as {id?: unknown}).id) : null);
        const duplicate = key !== null && received.some((r) => r.idempotencyKey === key && r.valid);
        const result = Submission.safeParse(json);
        received.unshift({
          receivedAt: new Date().toISOString(),
          idempotencyKey: key,
          valid: result.success,
          duplicate,
          body: json,
          ...(result.success ? {} : {issues: result.error.issues}),
        });
        if (!result.success) return reply(res, 422, {error: {message: 'The submission does not match version 1.', issues: result.error.issues}});
        if (key !== result.data.id) return reply(res, 400, {error: {message: 'Idempotency-Key must equal the body id.'}});
        return reply(res, duplicate ? 200 : 201, {ok: true, id: result.data.id, duplicate});
      });
    },
  };
}
