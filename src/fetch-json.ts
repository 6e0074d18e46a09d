/**
 * GETs JSON an organizer pointed the widget at (`src`, `tally-src`), without cookies: the widget
 * must not ride on a session the reader has with that site. Throws an Error whose message says
 * what went wrong in words an organizer can act on, to follow "could not load …: ", and `lasting`
 * when asking again would get the same answer (a 4xx but 408 and 429; a body that is not JSON).
 * `cancel` stops the request when its answer is no longer wanted (where the browser can combine
 * signals; elsewhere the caller just ignores the answer).
 */
export async function fetchJson(url: URL, timeoutMs: number, cancel?: AbortSignal): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = cancel && 'any' in AbortSignal ? AbortSignal.any([timeout, cancel]) : timeout;
  try {
    const response = await fetch(url, {credentials: 'omit', headers: {Accept: 'application/json'}, signal});
    if (!response.ok) throw Object.assign(new Error(`it answered ${response.status}`), {lasting: response.status < 500 && ![408, 429].includes(response.status)});
    return await response.json();
  } catch (error) {
    if (error instanceof SyntaxError) throw Object.assign(error, {lasting: true});
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw timedOut ? new Error(`no answer within ${timeoutMs / 1000} second${timeoutMs === 1000 ? '' : 's'} (the timeout attribute)`) : error;
  }
}
