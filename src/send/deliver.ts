import {describeIssues} from '../campaign/describe-issues.js';
import {offerHere} from '../draft/draft-store.js';
import {emit} from '../platform/events.js';
import {buildSubmission, type SubmissionInput} from './build-submission.js';
import {Delivery, type DeliveryStatus} from './delivery.js';
import type {DeliverySettings, SendController} from './send-controller.js';
import {newSubmissionId} from './submission-id.js';
import type {Submission} from './submission-schema.js';

/**
 * Builds the submission for `sending` (`SendController.send`) and delivers it. A send sooner
 * than a person could pick and type is held for `holdMs`, not dropped: a quick reader loses
 * nothing and a script learns nothing, and the receiver judges it by its signals. The
 * submission keeps its id until it is sent, so that retries, a second press and a send after a
 * refusal carry the same Idempotency-Key (after any other failure, as long as the message is the same).
 */
export async function buildAndDeliver(sending: SendController, input: Omit<SubmissionInput, 'id'>, settings: DeliverySettings, holdMs: number): Promise<void> {
  let built = buildSubmission({...input, id: (sending.id ??= newSubmissionId())});
  // A message changed since the one last on its way is a new submission, with an id of its own,
  // unless that one was refused (the receiver answered: it kept nothing, and the reader fixed what
  // it asked): it may have arrived, its answer lost, and a receiver refuses one id with another
  // body (409), which no correction by the reader could ever mend.
  const previous = sending.onItsWay?.submission;
  if (built.success && previous?.id === built.data.id && sending.state?.phase !== 'refused' && !sameMessage(built.data, previous)) {
    built = buildSubmission({...input, id: (sending.id = newSubmissionId())});
  }
  // The form's own Send while an earlier visit's send is offered (its fields restored, as they
  // were sent): the same message goes as that send did, id, time and all (`sendInterrupted`), so
  // that a receiver that had it takes it as a repeat: the reference receiver drops a repeat, and
  // refuses (409) the same id with another body. A message changed since is a new one.
  const pending = sending.interrupted;
  if (built.success && pending && offerHere(pending, settings.owner) && sameMessage(built.data, pending.submission)) {
    return sendInterrupted(sending, settings);
  }
  if (!built.success) {
    const reason = describeIssues(built.error.issues);
    console.error(`<civic-action>: the submission does not match its schema, so it was not sent: ${reason}`);
    sending.setState({phase: 'invalid'});
    emit(sending.host, 'civic-action-error', {campaign: input.campaignId, kind: 'invalid', reason});
    return;
  }
  sending.interrupted = null;
  if (holdMs > 0) {
    sending.delivery?.stop();
    sending.delivery = null;
    sending.setState({phase: 'sending', attempt: 1});
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    if (!sending.host.isConnected) return;
  }
  deliver(sending, built.data, settings);
}

/** Whether two submissions say the same to the same people, from the same person: what a receiver delivers. */
const sameMessage = (a: Submission, b: Submission): boolean =>
  JSON.stringify([a.campaign, a.recommendations, a.message, a.supporter, a.consent]) === JSON.stringify([b.campaign, b.recommendations, b.message, b.supporter, b.consent]);

/**
 * Delivers a built submission for `sending` and reports where it stands, to the reader (its
 * state) and to the page (events). Part of the checks' chunk, like the Delivery it drives: a
 * submission is only ever built once that chunk is there, so the first script need not carry it.
 */
export function deliver(sending: SendController, submission: Submission, settings: DeliverySettings): void {
  sending.delivery?.stop();
  sending.onItsWay = {submission, madeFor: settings.owner};
  const {endpoint, timeoutMs, format, policy} = settings;
  const delivery = new Delivery({endpoint, submission, timeoutMs, format, policy, onStatus: (status) => report(sending, status, submission, settings)});
  sending.delivery = delivery;
  delivery.tryNow();
  emit(sending.host, 'civic-action-submit', {
    campaign: submission.campaign,
    id: submission.id,
    recommendations: submission.recommendations,
    locale: submission.locale,
    messageLocale: submission.message.locale,
  });
}

function report(sending: SendController, status: DeliveryStatus, submission: Submission, {endpoint, endpointAttribute}: DeliverySettings): void {
  const {host, outcomes} = sending;
  sending.setState(status);
  const about = {campaign: submission.campaign, id: submission.id};
  if (status.phase === 'sent') {
    sending.id = null;
    emit(host, 'civic-action-sent', {...about, recommendations: submission.recommendations, confirm: status.confirm});
    outcomes.sent(status.confirm);
  }
  if (status.phase === 'refused') {
    emit(host, 'civic-action-error', {...about, kind: 'refused', status: status.result.status});
    outcomes.refused(status.result.fields ?? {});
  }
  if (status.phase === 'refused' && !status.result.message && !status.result.fields) {
    console.error(
      `<civic-action>: endpoint="${endpointAttribute}" answered ${status.result.status} without saying why. A 404, 405 or 501 usually means ` +
        'no receiver is at that address: check it. A receiver refusing a submission answers {"error": {"message": …, "fields": …}} (README).',
    );
  }
  if (status.phase === 'failed') emit(host, 'civic-action-error', {...about, kind: 'failed', status: status.last.status, reason: status.last.reason});
  if (status.phase === 'failed' && status.last.reason === 'network' && endpoint.origin !== location.origin) {
    console.error(
      `<civic-action>: could not reach endpoint="${endpointAttribute}". If it is up, check that it allows cross-origin ` +
        `requests from ${location.origin} (CORS: Access-Control-Allow-Origin, and Access-Control-Allow-Headers: ` +
        `Content-Type, Idempotency-Key on its OPTIONS answer).`,
    );
  }
}

/**
 * Sends the submission an earlier visit left on its way, as it was, with the same id (not without
 * an endpoint). Only the offer this chunk shows (view/interrupted.ts) asks for it.
 */
export function sendInterrupted(sending: SendController, settings: DeliverySettings | null): void {
  const pending = sending.interrupted;
  if (!pending || !settings || !offerHere(pending, settings.owner) || sending.busy) return;
  sending.id = pending.submission.id;
  sending.interrupted = null;
  deliver(sending, pending.submission, settings);
}
