import {inCampaignOrder} from '../message/compose-message.js';
import {outgoing, type WidgetView} from '../view/widget-view.js';
import type {SubmissionInput} from './build-submission.js';

/**
 * The submission as the reader sees it when they press send: their picks in campaign order, the
 * message as it will be sent, what they typed about themselves, and where they are. `fillMs` is
 * how long the form was on screen; `restored`, whether it came back from a saved draft.
 */
export function submissionInput(view: WidgetView, fillMs: number, restored: boolean): Omit<SubmissionInput, 'id'> {
  const {campaign, form} = view;
  const {composed, text} = outgoing(view);
  return {
    campaignId: campaign.id,
    readerLocale: view.locale,
    picks: inCampaignOrder(campaign, form.picks),
    message: {to: composed.to.map((r) => r.name), subject: composed.subject, body: text, locale: view.messageLocale},
    supporter: form.supporter,
    page: {url: location.href, referrer: document.referrer, ref: view.options.ref},
    now: new Date(),
    signals: {fillMs, honeypot: form.honeypot !== '', restored},
  };
}
