import * as z from 'zod/mini';
import {once} from '../once.js';
import {ONE_LINE} from '../one-line.js';

/**
 * A BCP 47 language tag as campaigns use it: `en`, `es`, `pt-BR`.
 * Kept loose on purpose (any well-formed tag), since organizers bring their own languages.
 */
export const localeCodeSchema = once(() =>
  z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en" or "es-MX"')),
);

/**
 * The most a campaign may hold. A campaign from `src` is someone else's file: without bounds, one
 * of 20,000 recommendations took seconds to show and every pick hundreds of milliseconds.
 */
export const CAMPAIGN_LIMITS = {
  // 500: the largest campaign the bench measures and issue 13 targets; 20,000 took 6 s to show.
  recommendations: 500,
  recipients: 50,
  /** Languages per text. */
  languages: 20,
  /** Characters, for the campaign's and the recommendations' ids. */
  id: 100,
  /** Characters: titles, headlines, recipient names and the subject. */
  title: 300,
  /** Characters: greeting, lead and sign-off. */
  phrase: 1000,
  /** Characters: intro, closing and each recommendation's text. */
  text: 5000,
} as const;

/** Text in one or more languages, keyed by language tag. */
const localized = (max: number, oneLine = false) =>
  z.record(localeCodeSchema(), z.string().check(z.trim(), z.minLength(1), z.maxLength(max), ...(oneLine ? [z.regex(ONE_LINE, 'one line, without control characters')] : []))).check(
    // A text in no language would show as nothing: a headline-less row, an empty title.
    z.refine((text) => Object.keys(text).length > 0, 'at least one language'),
    z.refine((text) => Object.keys(text).length <= CAMPAIGN_LIMITS.languages, `at most ${CAMPAIGN_LIMITS.languages} languages`),
  );
export const localizedTextSchema = once(() => localized(CAMPAIGN_LIMITS.text));
export type LocalizedText = z.infer<ReturnType<typeof localizedTextSchema>>;
/** Text that ends up in a submission's one-line fields (recipient names, the subject). */
const localizedLineSchema = once(() => localized(CAMPAIGN_LIMITS.title, true));
const localizedTitleSchema = once(() => localized(CAMPAIGN_LIMITS.title));
const localizedPhraseSchema = once(() => localized(CAMPAIGN_LIMITS.phrase));

const slug = once(() => z.string().check(z.maxLength(CAMPAIGN_LIMITS.id), z.regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes')));

export const recommendationSchema = once(() =>
  z.strictObject({
    /** Stable and language-independent: it is what the receiver gets. */
    id: slug(),
    /** A short headline: the checkbox's accessible name. */
    title: localizedTitleSchema(),
    /** The full text, shown word for word. */
    text: localizedTextSchema(),
  }),
);
export type Recommendation = z.infer<ReturnType<typeof recommendationSchema>>;

export const campaignRecipientSchema = once(() =>
  z.strictObject({
    /**
     * The name as a label gives it, alone or in a list ("To: …"), and as the submission's
     * `message.to` carries it: name first, then title ("Kamala Harris, Vice President of the
     * United States"), so that it needs no article.
     */
    name: localizedLineSchema(),
    /**
     * The name inside a sentence, after a preposition ("on its way to …", "a la atención de …"),
     * with the article the language needs there ("la vicepresidenta Kamala Harris"). A title
     * before a name needs one in Spanish, and only the organizer knows which; without this form,
     * sentences use `name`.
     */
    inSentence: z.optional(localizedLineSchema()),
    email: z.optional(z.email()),
  }),
);
export type CampaignRecipient = z.infer<ReturnType<typeof campaignRecipientSchema>>;

/**
 * A campaign, as organizers write it (`schema/campaign.schema.json`). Organizers write campaign
 * files by hand, and one refused for a `defaultLocale` the widget can work out cost them the whole
 * action: left out, it is English if the title has it, else the title's first language
 * (`parseCampaign` prefers the page's language). Its type says what the schema gives: an overwrite
 * check fills `defaultLocale`, which zod's types cannot see.
 */
export const campaignSchema = once(() => campaignObjectSchema() as unknown as z.ZodMiniType<Campaign, unknown>);

const campaignObjectSchema = once(() => {
  const LocalizedText = localizedTextSchema();
  // Strict throughout: a misspelt key ("txt", "intr") is named, not silently dropped with the text it held.
  return z
    .strictObject({
      /** Where an editor finds this schema, for organizers who write campaigns by hand. */
      $schema: z.optional(z.string()),
      id: slug(),
      /**
       * The language used where a text is missing in the reader's language. Optional as
       * written: inferred when left out (see `campaignSchema` and `parseCampaign`).
       */
      defaultLocale: z.optional(localeCodeSchema()),
      title: localizedTitleSchema(),
      intro: z.optional(LocalizedText),
      /** The campaign's closing call: shown under the picks and ends the message. */
      closing: z.optional(LocalizedText),
      recipients: z.optional(z.array(campaignRecipientSchema()).check(z.maxLength(CAMPAIGN_LIMITS.recipients))),
      message: z.optional(
        z.strictObject({
          subject: z.optional(localizedLineSchema()),
          /** Opens the message when it goes to the campaign's own recipients. */
          greeting: z.optional(localizedPhraseSchema()),
          /** Introduces the list of picked recommendations. */
          lead: z.optional(localizedPhraseSchema()),
          /** Closes the message above the supporter's name ("Sincerely,"). */
          signOff: z.optional(localizedPhraseSchema()),
          /**
           * Signs the message, under the sign-off, when the supporter gives no name (the form does
           * not ask for it, or it was left empty): "A supporter of Casa Comunitaria". Without it,
           * such a message ends with the sign-off.
           */
          unnamedSignature: z.optional(localizedPhraseSchema()),
        }),
      ),
      recommendations: z.array(recommendationSchema()).check(z.minLength(1), z.maxLength(CAMPAIGN_LIMITS.recommendations)),
    })
    .check(
      // An overwrite, not a transform: zod/mini's transforms and pipes cost every reader bytes.
      // In place: the object is zod's own copy of what was written.
      z.overwrite((c) => ((c.defaultLocale ||= 'en' in c.title ? 'en' : Object.keys(c.title)[0]), c)),
      z.refine((c) => new Set(c.recommendations.map((r) => r.id)).size === c.recommendations.length, {
        message: 'recommendation ids must be unique',
        path: ['recommendations'],
      }),
      z.refine((c) => c.defaultLocale! in c.title, {
        message: 'the title must exist in the default language',
        path: ['title'],
      }),
    );
});
export type Campaign = Omit<z.infer<ReturnType<typeof campaignObjectSchema>>, 'defaultLocale'> & {defaultLocale: string};

// Kept apart from the schemas, so that reading a campaign costs no zod (see lazy/checks-loader.ts).
export {campaignLocales, textIn, type ResolvedText} from './campaign-text.js';
