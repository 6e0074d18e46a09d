import type {Submission} from './submission-schema.js';

export type SendResult =
  | {ok: true; status: number}
  | {ok: false; reason: 'http'; status: number}
  | {ok: false; reason: 'network' | 'timeout'};

export interface SendOptions {
  /** How long to wait for an answer before giving up on this try. */
  timeoutMs?: number;
}

/**
 * POSTs a submission as JSON. Any 2xx means the receiver has it, whatever the body says.
 * No cookies go with it (`credentials: 'omit'`): the widget must not ride on a session the
 * reader has with the receiver's site.
 */
export async function sendSubmission(
  endpoint: URL,
  submission: Submission,
  {timeoutMs = 15_000}: SendOptions = {},
): Promise<SendResult> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Idempotency-Key': submission.id},
      body: JSON.stringify(submission),
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok ? {ok: true, status: response.status} : {ok: false, reason: 'http', status: response.status};
  } catch (error) {
    return {ok: false, reason: error instanceof DOMException && error.name === 'TimeoutError' ? 'timeout' : 'network'};
  }
}
