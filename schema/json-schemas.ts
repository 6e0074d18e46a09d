import * as z from 'zod/mini';
import {receiverConfigSchema} from '../server/config/config-schema.js';
import {Campaign, CAMPAIGN_LIMITS, Submission} from '../src/schema.js';

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
    'campaign.schema.json': {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://civic-action.invalid/schema/campaign.schema.json',
      title: 'civic-action campaign',
      description:
        `At most ${CAMPAIGN_LIMITS.recommendations} recommendations, ${CAMPAIGN_LIMITS.recipients} recipients and ` +
        `${CAMPAIGN_LIMITS.languages} languages per text; ids of at most ${CAMPAIGN_LIMITS.id} characters; titles, ` +
        `headlines, recipient names and the subject ${CAMPAIGN_LIMITS.title}, greeting, lead and sign-off ` +
        `${CAMPAIGN_LIMITS.phrase}, intro, closing and recommendation texts ${CAMPAIGN_LIMITS.text}. Recipient names ` +
        'and the subject are one line each.',
      ...z.toJSONSchema(Campaign, {target: 'draft-2020-12'}),
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
