import * as z from 'zod/mini';
import {receiverConfigSchema} from '../server/config/config-schema.js';
import {Campaign, CAMPAIGN_LIMITS, Submission, SubmitReply} from '../src/schema.js';

/**
 * The JSON Schema files published for receivers and organizers, generated from the zod
 * schemas the widget itself uses, so that the two cannot say different things. Written by
 * `npm run schemas`; a test fails when a committed file differs from this.
 */
export function jsonSchemas(): Record<string, object> {
  return {
    'submission-v1.schema.json': {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://civic-action.invalid/schema/submission-v1.schema.json',
      title: 'civic-action submission, version 1',
      // Input mode: fields added to v1 later (as `signals` was) do not make older receivers refuse.
      ...describeSignals(z.toJSONSchema(Submission, {target: 'draft-2020-12', io: 'input'})),
    },
    'submit-reply-v1.schema.json': {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://civic-action.invalid/schema/submit-reply-v1.schema.json',
      title: 'civic-action receiver reply to a submission it took (2xx), version 1',
      description:
        'Optional: any 2xx means received, whatever its body. The widget reads only `status`, and only `confirm` ' +
        'changes what it shows.',
      // Input mode: a receiver may add fields of its own.
      ...describeReply(z.toJSONSchema(SubmitReply, {target: 'draft-2020-12', io: 'input'})),
    },
    'campaign.schema.json': {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://civic-action.invalid/schema/campaign.schema.json',
      title: 'civic-action campaign',
      description:
        `At most ${CAMPAIGN_LIMITS.recommendations} recommendations, ${CAMPAIGN_LIMITS.recipients} recipients and ` +
        `${CAMPAIGN_LIMITS.languages} languages per text (at least one); ids of at most ${CAMPAIGN_LIMITS.id} characters; titles, ` +
        `headlines, recipient names and the subject ${CAMPAIGN_LIMITS.title}, greeting, lead and sign-off ` +
        `${CAMPAIGN_LIMITS.phrase}, intro, closing and recommendation texts ${CAMPAIGN_LIMITS.text}. Recipient names ` +
        'and the subject are one line each.',
      ...describeCampaign(z.toJSONSchema(Campaign, {target: 'draft-2020-12'})),
    },
    'receiver-config.schema.json': {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://civic-action.invalid/schema/receiver-config.schema.json',
      title: 'civic-action reference receiver config',
      // As organizations write it: settings with a default may be left out.
      ...z.toJSONSchema(receiverConfigSchema, {target: 'draft-2020-12', io: 'input'}),
    },
  };
}

/**
 * Descriptions of `signals` for receivers, added here rather than as zod metadata so that the
 * widget's bundle does not carry them.
 */
function describeSignals(schema: z.core.JSONSchema.BaseSchema): object {
  const signals = schema.properties?.['signals'] as z.core.JSONSchema.ObjectSchema | undefined;
  if (!signals?.properties) throw new Error('the submission schema has no signals');
  signals.description =
    'What the widget saw that may tell a script from a person, for the receiver to judge; the widget itself drops ' +
    'nothing. Optional: earlier widgets send none.';
  const about: Record<string, string> = {
    fillMs: 'Whole milliseconds from the widget appearing (or the reader’s draft being restored) to the press of send.',
    honeypot: 'True when the field people never see (the honeypot) was filled in.',
    restored: 'True when the reader’s saved draft was restored, so that a quick send is expected.',
  };
  for (const [key, description] of Object.entries(about)) Object.assign(signals.properties[key] as object, {description});
  return schema;
}

/**
 * What the campaign's less obvious fields mean (the inferred `defaultLocale`, the recipient's two
 * forms, the unnamed signature), for organizers writing files by hand in an editor that reads the
 * schema. Added here, not as zod metadata, so that the widget's bundle does not carry them.
 */
function describeCampaign(schema: z.core.JSONSchema.BaseSchema): object {
  const properties = schema.properties as Record<string, z.core.JSONSchema.BaseSchema> | undefined;
  const recipient = (properties?.['recipients'] as z.core.JSONSchema.ArraySchema | undefined)?.items as z.core.JSONSchema.ObjectSchema | undefined;
  const message = properties?.['message'] as z.core.JSONSchema.ObjectSchema | undefined;
  if (!properties?.['defaultLocale'] || !recipient?.properties?.['inSentence'] || !message?.properties?.['unnamedSignature']) {
    throw new Error('the campaign schema has no defaultLocale, recipients[].inSentence or message.unnamedSignature');
  }
  Object.assign(properties['defaultLocale'], {
    description:
      'The language used where a text is missing in the reader’s language. Optional: when left out, the page’s ' +
      'language if the title has it, else English if the title has it, else the title’s first language.',
  });
  Object.assign(recipient.properties['name'] as object, {
    description:
      'The name as a list or a label gives it ("To: …"), and as submissions carry it in `message.to`: name first, ' +
      'then title ("Kamala Harris, Vice President of the United States"), so that it needs no article.',
  });
  Object.assign(recipient.properties['inSentence'] as object, {
    description:
      'The name inside a sentence, after a preposition ("Your message is on its way to …", "A la atención de …"), ' +
      'with the article the language needs there: "Vice President Kamala Harris", "la vicepresidenta Kamala Harris". ' +
      'Without it, sentences use `name`.',
  });
  Object.assign(message.properties['unnamedSignature'] as object, {
    description:
      'Signs the message under the sign-off when the supporter gives no name (the `fields` attribute does not ask ' +
      'for it, or it was left empty): "A supporter of Casa Comunitaria". Without it, such a message ends with the sign-off.',
  });
  return schema;
}

/** What each reply field means, kept out of the zod schema so that the widget's bundle does not carry it. */
function describeReply(schema: z.core.JSONSchema.BaseSchema): object {
  const properties = schema.properties as Record<string, z.core.JSONSchema.BaseSchema> | undefined;
  if (!properties?.['status'] || !properties['id']) throw new Error('the reply schema has no status or id');
  Object.assign(properties['status'], {
    description:
      '`stored` (taken), `duplicate` (a repeat of a submission already taken), or `confirm` (taken, and sent on only ' +
      'once the supporter opens the link emailed to them: the widget tells the reader to check their email). ' +
      'Any other value means received.',
    examples: ['stored', 'duplicate', 'confirm'],
  });
  Object.assign(properties['id'], {description: 'The submission’s id, as sent.'});
  return schema;
}
