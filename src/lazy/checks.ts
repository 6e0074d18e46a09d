// The chunk `loadChecks` loads: everything zod checks, the sending client whose replies it checks
// (and the tally it reads, with the tally's texts),
// and what only a send (or a send a draft kept) shows: the thank-you, sharing, the offer to resend,
// a retry's wait and a failure; and the form below the list (the message, the supporter's fields,
// the ways to send) and its styles, which `ProgressiveView` shows a step after the list, once this chunk is there,
// with the message itself: composing it, keeping a reader's edit when the picks change, and what a send takes from it.
// None of them can be on screen before this chunk has loaded, so the first script leaves them here.
import * as z from 'zod/mini';

// Partner pages may forbid eval (CSP without 'unsafe-eval'); zod's probe for it would be
// reported as a policy violation, so it is told not to try, before any schema is built.
z.config({jitless: true});

export {parseCampaign, warnOfUntranslatedMessage} from '../campaign/parse-campaign.js';
export {describeIssues} from '../campaign/describe-issues.js';
export {buildAndDeliver, sendInterrupted} from '../send/deliver.js';
export {fetchTally} from '../tally/tally-reading.js';
export {tallyTotalText, backersText} from '../view/tally-texts.js';
export {fetchJson} from '../fetch-json.js';
export {restoreDraft, savedEditedLocale} from '../draft/draft-restore.js';
export {renderConfirmation, shareLink, shareMessage} from '../view/confirmation.js';
export {renderInterrupted} from '../view/interrupted.js';
export {waitingText, deliveryFailureText} from '../view/delivery-status.js';
export {renderBelowList} from '../view/below-list.js';
export {renderRetryNotice} from '../view/retry-notice.js';
export {withEditedMessage, startedAgain, undoneStartAgain, refusedFields} from '../state/form-below-list.js';
export {formStyles} from '../styles/form.styles.js';
export {Composer} from '../message/composer.js';
export {reconcileEditedBody} from '../message/compose-message.js';
export {outgoing} from '../message/outgoing.js';
export {submissionInput} from '../send/submission-input.js';
export {checkForm} from '../form/check-form.js';
export {takeOver, withEarlyInput, refocus, showsCampaign} from '../platform/early-input.js';
export {CopyController, shareNatively} from '../platform/clipboard.js';
export {serveElement} from './serve-element.js';
export {warmUp} from '../i18n/warm-up.js';
