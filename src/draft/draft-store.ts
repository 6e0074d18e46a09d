import {readStored, removeStored, writeStored} from '../platform/storage.js';

/**
 * What a supporter has picked and typed, kept so that a reload, a crash or a closed tab
 * loses nothing.
 *
 * Where each part is kept, and why:
 * - picks, the edited message and consent: `localStorage`, so they survive a closed tab;
 * - name, email and postal code: `sessionStorage`, so they survive a reload and a reopened
 *   tab but not a new visit on a shared computer;
 * - a submission that was on its way when the page closed: `localStorage`, whole (personal
 *   fields included), so that the next visit can offer to send the very same submission,
 *   with the same id; it is removed once sent or discarded.
 * Everything expires after `MAX_AGE_MS`, and a successful send clears it all. Reading a draft back
 * needs its schemas, and comes with them in the checks' chunk (draft-restore.ts).
 *
 * Consent and a submission on its way belong to the organizer and the endpoint they were given
 * for: they are stored with both (`consentFor`, `pendingFor`), and come back only where both
 * match (see `restorable` in draft-restore.ts). Another organizer's widget for the same campaign
 * on the same site shares the storage key, and must not get them.
 */
export const MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

/** Whom consent was given to and where a submission was going: the widget's `org` and `endpoint`. */
export interface DraftOwner {
  endpoint: string | null;
  org: string | null;
}

export type {SavedDraft, PersonalDraft} from './draft-schemas.js';
import type {SavedDraft, PersonalDraft} from './draft-schemas.js';

export const sameOwner = (a: DraftOwner | undefined, b: DraftOwner): boolean => a?.endpoint === b.endpoint && a?.org === b.org;

/** A submission that was on its way, with where it was going. */
export interface Pending {
  submission: NonNullable<SavedDraft['pending']>;
  madeFor: DraftOwner;
}

/** Whether a pending submission may be offered, and sent, by the widget that is `here`. */
export const offerHere = (pending: Pending | null, here: DraftOwner): boolean => pending !== null && sameOwner(pending.madeFor, here);

export class DraftStore {
  readonly key: string;

  /** One draft per campaign, and per widget where a page has several with ids. */
  constructor(campaignId: string, instance?: string | null) {
    this.key = draftKey(campaignId, instance);
  }

  save(saved: SavedDraft, personal: PersonalDraft): void {
    writeStored('local', this.key, JSON.stringify(saved));
    writeStored('session', this.key, JSON.stringify(personal));
  }

  clear(): void {
    removeStored('local', this.key);
    removeStored('session', this.key);
  }
}

const draftKey = (campaignId: string, instance?: string | null) => `civic-action:draft:${campaignId}${instance ? `:${instance}` : ''}`;

/** Whether something is saved for this campaign and widget: then restoring it needs the checks' chunk. */
export const hasDraft = (campaignId: string, instance?: string | null): boolean =>
  readStored('local', draftKey(campaignId, instance)) !== null || readStored('session', draftKey(campaignId, instance)) !== null;
