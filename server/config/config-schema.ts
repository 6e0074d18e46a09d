import * as z from 'zod';
import {localeCodeSchema} from '../../src/campaign/campaign-schema.js';

/**
 * The receiver's one config file, as an organization writes it (`schema/receiver-config.schema.json`
 * is generated from this). Anything that is a secret can be written as `${NAME}`, taken from the
 * environment at start, so the file itself can live in version control. Every object is strict:
 * a misspelled key ("retentionDay", "smpt") would otherwise be dropped in silence and its default
 * used, which for retention or delivery is a wrong config that says it is right.
 */

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

const origin = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an origin such as "https://partner.example" (scheme, host and port only, no path or trailing slash)');

/** A name as the widget may write it in `message.to`: one string, or one per language. */
const recipientName = z.union([z.string().trim().min(1), z.record(localeCodeSchema(), z.string().trim().min(1))]);

const window = z.strictObject({
  max: z.int().min(1).describe('How many submissions are accepted in one window.'),
  perSeconds: z.int().min(1).max(31 * 86_400).describe('The window, in seconds.'),
});

export const campaignConfigSchema = z.strictObject({
  id: slug.describe("The campaign's id, as the widget sends it in `campaign`."),
  origins: z
    .array(origin)
    .min(1)
    .describe('The partner pages allowed to post, as origins. Browsers on other origins get no CORS headers, and their posts are refused.'),
  recipients: z
    .array(
      z.strictObject({
        name: recipientName.describe('The name the widget shows, as one string or one per language (the campaign\'s own `recipients[].name`).'),
        email: z.email().describe('Where messages to this official go. The only addresses messages will ever be sent to.'),
      }),
    )
    .min(1)
    .describe("The officials. A submission naming anyone else in `message.to` is refused: recipients never come from the payload."),
  recommendations: z
    .array(slug)
    .min(1)
    .optional()
    .describe('The recommendation ids a submission may pick. Without it, any id is taken.'),
  campaignFile: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      "The campaign's own JSON file (the widget's `src`), relative to this file. The receiver composes the message from its texts when a browser posts the widget's plain form without script (`noscript=1`); the built-in campaign needs none.",
    ),
  delivery: z
    .strictObject({
      mode: z
        .enum(['individual', 'digest'])
        .default('individual')
        .describe('`individual`: one email per supporter per official. `digest`: one email per official per period, with counts, a sample of messages and a CSV of constituents.'),
      digestEveryHours: z.int().min(1).max(24 * 31).default(24).describe('How often a digest goes to each official (digest mode).'),
      digestSample: z.int().min(0).max(50).default(5).describe('How many messages a digest quotes in full.'),
      dailyCapPerOfficial: z.int().min(1).default(300).describe('The most emails one official address gets in a UTC day; the rest wait for the next day.'),
      confirm: z
        .boolean()
        .default(false)
        .describe("Ask supporters to confirm by a link in an email before their message is delivered (needs `publicUrl`). One reminder after a day; unconfirmed messages expire after 7 days."),
      listUnsubscribe: z
        .string()
        .regex(/^(mailto:|https:\/\/)/, 'a mailto: or https: URL')
        .optional()
        .describe("Sent as the List-Unsubscribe header, so that an office's mail system offers to stop these messages."),
    })
    .prefault({}),
});
export type CampaignConfig = z.infer<typeof campaignConfigSchema>;

export const receiverConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    database: z
      .string()
      .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'a "sqlite:<path>" or "postgres://…" URL')
      .default('sqlite:data/civic-action.sqlite')
      .describe('`sqlite:<path>` (relative to this file) or a `postgres://` URL. `${NAME}` is replaced by the environment variable NAME, percent-encoded in the user name and password.'),
    retentionDays: z
      .int()
      .min(1)
      .max(3650)
      .default(90)
      .describe("Supporters' personal data older than this many days are scrubbed by the receiver; anonymous counts stay."),
    trustProxy: z
      .boolean()
      .default(false)
      .describe('Take the client address from `X-Forwarded-For` (set it only behind your own reverse proxy).'),
    rateLimits: z
      .strictObject({
        perIp: window.default({max: 60, perSeconds: 3600}).describe('Submissions from one address.'),
        perEmail: window.default({max: 5, perSeconds: 86_400}).describe('Submissions from one email address to one campaign.'),
      })
      .prefault({}),
    spam: z
      .strictObject({
        minFillMs: z
          .int()
          .min(0)
          .max(60_000)
          .default(3000)
          .describe('A send faster than this after the widget appeared (and not from a restored draft) is held for review.'),
      })
      .prefault({}),
    publicUrl: z
      .url({protocol: /^https?$/})
      .optional()
      .describe("The receiver's own address as supporters reach it (`https://actions.your-org.example`), for confirmation links."),
    smtp: z
      .strictObject({
        url: z
          .string()
          .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL')
          .describe('The mail server to deliver through: `smtp://host:587` (STARTTLS when offered) or `smtps://host:465`. `${NAME}` is taken from the environment, percent-encoded in the user name and password: `smtp://user:${SMTP_PASSWORD}@mail.example:587`.'),
        timeoutSeconds: z.int().min(1).max(600).default(30).describe('How long one delivery attempt may take before it counts as a temporary failure.'),
      })
      .optional()
      .describe('Without it, messages are stored and wait; nothing is sent.'),
    sender: z
      .strictObject({
        name: z.string().trim().min(1).describe('The organization, shown as "Ana Pérez via <name>".'),
        address: z.email().describe("The organization's sending address (its domain should pass SPF and DKIM for the SMTP server)."),
      })
      .optional(),
    dkim: z
      .strictObject({
        domainName: z.string().min(1),
        keySelector: z.string().min(1),
        privateKey: z.string().min(1).describe('The PEM key, usually `${DKIM_PRIVATE_KEY}` from the environment.'),
      })
      .optional()
      .describe('Sign outgoing mail with DKIM (when the SMTP server does not sign it already).'),
    delivery: z
      .strictObject({
        worker: z
          .enum(['inline', 'separate'])
          .default('inline')
          .describe('`inline`: the receiver delivers. `separate`: only `civic-action-receiver --worker` processes deliver (several may run on PostgreSQL).'),
        retryForHours: z.int().min(1).max(24 * 14).default(72).describe('How long temporary SMTP failures are retried before a delivery is marked failed.'),
        leaseSeconds: z.int().min(5).max(3600).default(120).describe('How long a worker holds a message it is sending; after that another may take it.'),
      })
      .prefault({}),
    campaigns: z.array(campaignConfigSchema).min(1),
  })
  .check((ctx) => {
    if (ctx.value.smtp && !ctx.value.sender) ctx.issues.push({code: 'custom', input: undefined, path: ['sender'], message: 'required when smtp is set: the address messages are sent from'});
    // One attempt can wait out three timeouts (connect, greeting, an idle socket). A lease that ends
    // sooner lets a second worker send the same email while the first is still at it.
    const attempt = ctx.value.smtp ? 3 * ctx.value.smtp.timeoutSeconds : 0;
    if (ctx.value.delivery.leaseSeconds < attempt) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.delivery.leaseSeconds,
        path: ['delivery', 'leaseSeconds'],
        message: `must be at least ${attempt}: one SMTP attempt can take 3 × smtp.timeoutSeconds, and a shorter lease lets a second worker send the same email`,
      });
    }
    ctx.value.campaigns.forEach((campaign, index) => {
      if (campaign.delivery.confirm && !ctx.value.publicUrl) {
        ctx.issues.push({code: 'custom', input: undefined, path: ['campaigns', index, 'delivery', 'confirm'], message: 'needs `publicUrl`: confirmation links point to the receiver'});
      }
    });
    const seen = new Set<string>();
    ctx.value.campaigns.forEach((campaign, index) => {
      if (seen.has(campaign.id)) ctx.issues.push({code: 'custom', input: campaign.id, path: ['campaigns', index, 'id'], message: `campaign "${campaign.id}" is listed twice`});
      seen.add(campaign.id);
    });
  });
export type ReceiverConfig = z.infer<typeof receiverConfigSchema>;

/** Every name a recipient can appear under in `message.to`, compared without case or extra spaces. */
export function recipientNames(campaign: CampaignConfig): Set<string> {
  const names = new Set<string>();
  for (const {name} of campaign.recipients) {
    for (const each of typeof name === 'string' ? [name] : Object.values(name)) names.add(normalizeName(each));
  }
  return names;
}

export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
