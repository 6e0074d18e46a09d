import {newSubmissionId} from '../../../src/send/submission-id.js';
import type {Submission} from '../../../src/send/submission-schema.js';

/** A valid version 1 submission with a fresh id, for tests of sending it. */
export function aSubmission(): Submission {
  return {
    version: 1,
    id: newSubmissionId(),
    campaign: 'root-causes-2021',
    locale: 'en',
    recommendations: ['tps'],
    message: {
      to: ['Kamala Harris, Vice President of the United States'],
      subject: 'Work with civil society on the root causes of migration',
      body: 'Dear Vice President Harris,\n\nI support a new TPS.\n\nSincerely,\nAna Pérez',
      locale: 'en',
    },
    supporter: {name: 'Ana Pérez', email: 'ana@example.org'},
    consent: false,
    source: {url: 'https://partner.example/action'},
    submittedAt: new Date().toISOString(),
    signals: {fillMs: 5000, honeypot: false, restored: false},
  };
}
