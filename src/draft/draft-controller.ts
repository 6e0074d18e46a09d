import type {Campaign} from '../campaign/campaign-schema.js';
import {started, type FormState} from '../state/form-state.js';
import {checksLoaded} from '../lazy/checks-loader.js';
import {DraftStore, hasDraft, type DraftOwner, type Pending} from './draft-store.js';

/** What is saved: the form, the submission on its way if any, and whether it was sent. */
export interface DraftSnapshot {
  form: FormState;
  pending: Pending | null;
  sent: boolean;
  owner: DraftOwner;
}

/**
 * Restores a reader's draft when a campaign is shown, and saves it whenever what it holds
 * changes, so that a reload, a crash or a closed tab loses nothing (see `DraftStore` for
 * where each part is kept).
 */
export class DraftController {
  /** Whether this visit started from a saved draft: a returning reader may send at once. */
  restored = false;
  /** A draft waits for the checks' chunk (slow, or refused for now): it is restored when that comes. */
  late = false;
  private store: DraftStore | null = null;
  /** What was saved last, by identity: a render that changed none of it writes nothing. */
  private last: readonly unknown[] = [];

  /** The campaign's draft put into `form`, with a submission an earlier visit left on its way. */
  restore(campaign: Campaign, instance: string, owner: DraftOwner, form: FormState): {form: FormState; interrupted: Pending | null} {
    this.last = [];
    this.restored = false;
    const checks = checksLoaded();
    const saved = hasDraft(campaign.id, instance);
    // A draft that cannot be read now (the chunk with its schemas was refused) is kept as it is: saving would overwrite it.
    this.store = (this.late = saved && !checks) ? null : new DraftStore(campaign.id, instance);
    if (!saved || !checks) return {form, interrupted: null};
    const restored = checks.restoreDraft(this.store!, campaign, owner, form);
    this.restored = restored.restored;
    return restored;
  }

  save({form, pending, sent, owner}: DraftSnapshot): void {
    const now = [form.picks, form.edited, form.supporter, pending, sent];
    if (!this.store || now.every((part, i) => part === this.last[i])) return;
    this.last = now;
    if (sent || (!pending && !started(form))) return this.store.clear();
    const {name, email, postalCode, consent} = form.supporter;
    this.store.save(
      {
        savedAt: Date.now(),
        picks: [...form.picks],
        edited: form.edited,
        consent,
        consentFor: owner,
        ...(pending ? {pending: pending.submission, pendingFor: pending.madeFor} : {}),
      },
      {name, email, postalCode},
    );
  }
}
