import {getConnInfo} from '@hono/node-server/conninfo';
import {Hono, type Context} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {cors} from 'hono/cors';
import type {CampaignConfig} from '../config/config-schema.js';
import type {LoadedConfig} from '../config/load-config.js';
import type {Database} from '../db/database.js';
import {campaignTally} from '../store/reports.js';
import {adminRoutes} from './admin.js';
import {handleConfirm, handleConfirmPage} from './confirm.js';
import {errorBody} from './replies.js';
import {handleSubmit} from './submit.js';
import {RecentPosts} from './recent-posts.js';

/** The largest body taken: a full message in any language fits many times over. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface AppOptions {
  config: LoadedConfig;
  database: Database;
  /** `CIVIC_ACTION_ADMIN_TOKEN`; without it the organizer's side is off. */
  adminToken?: string | undefined;
  log?: (line: string) => void;
  now?: () => Date;
  /** Told when there may be new email to send (a submission stored, confirmed or accepted). */
  onWork?: () => void;
}

/**
 * The path as it came, still percent-encoded: decoded, a %0A in it would end the log line and
 * let anyone write a line of their own. A confirmation token is a key to someone's message: it
 * stays out of logs too.
 */
function loggedPath(c: Context): string {
  return new URL(c.req.url).pathname.replace(/^\/confirm\/.+/, '/confirm/…');
}

export function createApp({config, database, adminToken, log = (line) => console.log(line), now = () => new Date(), onWork}: AppOptions): Hono {
  const campaigns = new Map<string, CampaignConfig>(config.campaigns.map((campaign) => [campaign.id, campaign]));
  const partnerOrigins = new Set(config.campaigns.flatMap((campaign) => campaign.origins));
  const recentPosts = new RecentPosts();
  const clientAddress = (c: Context): string => {
    if (config.trustProxy) {
      // The last hop is the one our own proxy added; earlier ones are the client's to invent.
      const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

  // Not strict: /admin and /admin/ are one route (the organizer's page redirects to the latter).
  const app = new Hono({strict: false});

  // One line a request: no query string (erasure takes an email address there), no bodies.
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log(`${now().toISOString()} ${c.req.method} ${loggedPath(c)} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  });
  app.onError((error, c) => {
    log(`error ${c.req.method} ${loggedPath(c)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return c.json(errorBody('The receiver could not take this now. Please try again.'), 500);
  });

  // Only a campaign's partner pages get CORS headers; any other origin gets none at all, so its
  // browser refuses to send (or to read the answer). Not a spam defence: scripts ignore CORS.
  app.use('/submit', async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = origin !== undefined && partnerOrigins.has(origin);
    c.header('Vary', 'Origin');
    if (c.req.method === 'OPTIONS') {
      if (!allowed) return c.body(null, 204);
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', 'POST');
      c.header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    await next();
    if (allowed) c.header('Access-Control-Allow-Origin', origin);
  });
  app.post(
    '/submit',
    bodyLimit({maxSize: MAX_BODY_BYTES, onError: (c) => c.json(errorBody(`The body is larger than ${MAX_BODY_BYTES / 1024} KB.`), 413)}),
    (c) => handleSubmit(c, {config, database, campaigns, clientAddress, now, recentPosts, onStored: onWork}),
  );

  app.use('/campaigns/*', cors({origin: '*', allowMethods: ['GET']}));
  app.get('/campaigns/:id/tally', async (c) => {
    const campaign = campaigns.get(c.req.param('id'));
    if (!campaign) return c.json(errorBody('No such campaign.'), 404);
    c.header('Cache-Control', 'public, max-age=30');
    return c.json(await campaignTally(database.db, campaign.id));
  });

  app.get('/confirm/:token', (c) => handleConfirmPage(c, {config, database, campaigns, now}));
  app.post('/confirm/:token', (c) => handleConfirm(c, {config, database, campaigns, now, onConfirmed: onWork}));

  app.get('/health', (c) => c.json({ok: true}));
  if (adminToken) app.route('/admin', adminRoutes({token: adminToken, config, database, campaigns, now, onWork}));
  app.notFound((c) => c.json(errorBody('Not found.'), 404));
  return app;
}
