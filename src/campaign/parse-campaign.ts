import {interfaceLocales} from '../i18n/localization.js';
import {matchLocale} from '../i18n/resolve-locale.js';
import type {describeIssues} from './describe-issues.js';
import {campaignSchema, type Campaign} from './campaign-schema.js';
import {campaignLocales} from './campaign-text.js';

/** What reading a campaign gives: the campaign, or zod's issues (see `describeIssues`). */
export type CampaignReading =
  | {success: true; data: Campaign; error?: undefined}
  | {success: false; data?: undefined; error: {issues: Parameters<typeof describeIssues>[0]}};

/**
 * Reads a campaign as an organizer wrote it. Where it leaves out `defaultLocale`, the page's
 * language (the `lang` of the page the widget is on) is the default if the campaign has it; else
 * the schema's choice stands: English if the title has it, else the title's first language.
 * Kept out of the schema, which is built once for every page, and out of the element's public
 * exports, so that it costs readers nothing until the element calls it.
 */
export function parseCampaign(value: unknown, pageLang?: string | null): CampaignReading {
  const result = campaignSchema().safeParse(value);
  const written = (value as {defaultLocale?: unknown} | null)?.defaultLocale;
  const page = written === undefined && result.data ? matchLocale(pageLang, campaignLocales(result.data)) : undefined;
  if (page) result.data!.defaultLocale = page;
  return result as CampaignReading;
}

/**
 * A message written in a language the interface is not translated into takes its greeting,
 * lead and sign-off from the campaign; where the campaign has none, they would be English
 * inside, say, a French message. The organizer is told which to add.
 */
export function warnOfUntranslatedMessage(campaign: Campaign): void {
  for (const locale of campaignLocales(campaign).filter((l) => !interfaceLocales.includes(l))) {
    const message = campaign.message ?? {};
    const missing = (['greeting', 'lead', 'signOff'] as const).filter((key) => !message[key]?.[locale]);
    if (missing.length) {
      console.warn(
        `<civic-action>: the campaign's message has no ${missing.map((k) => `message.${k}.${locale}`).join(', ')}, ` +
          `and the interface has no ${locale} translation, so a message in ${locale} would use English there.`,
      );
    }
  }
}
