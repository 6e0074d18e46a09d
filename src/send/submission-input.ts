import {inCampaignOrder} from '../campaign/campaign-text.js';
import {outgoing} from '../message/outgoing.js';
import type {WidgetView} from '../view/widget-view.js';
import type {SubmissionInput} from './build-submission.js';
import type {FieldConfig} from '../config/attributes.js';
import type {SupporterFields} from '../form/supporter-fields.js';

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
    supporter: askedOnly(form.supporter, view.options.fields),
    page: {url: location.href, referrer: document.referrer, ref: view.options.ref},
    now: new Date(),
    signals: {fillMs, honeypot: form.honeypot !== '', restored},
  };
}

/**
 * Only the fields the form asks go out: a name kept from an earlier visit, on a page that no
 * longer asks for it, is not the organizer's to receive.
 */
function askedOnly(supporter: SupporterFields, asked: FieldConfig): SupporterFields {
  const {name, email, postalCode, consent} = supporter;
  return {name: asked.name ? name : '', email: asked.email ? email : '', postalCode: asked.postalCode ? postalCode : '', consent};
}
