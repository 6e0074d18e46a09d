import * as z from 'zod/mini';
import {receiverConfigSchema} from '../server/config/config-schema.js';
import {Campaign, Submission} from '../src/schema.js';

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
      ...z.toJSONSchema(Submission, {target: 'draft-2020-12'}),
    },
    'campaign.schema.json': {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://civic-action.invalid/schema/campaign.schema.json',
      title: 'civic-action campaign',
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
