/**
 * GETs JSON an organizer pointed the widget at (`src`, `tally-src`), without cookies: the widget
 * must not ride on a session the reader has with that site. Throws an Error whose message says
 * what went wrong in words an organizer can act on, to follow "could not load …: ".
 */
export async function fetchJson(url: URL, timeoutMs: number): Promise<unknown> {
  try {
    const response = await fetch(url, {credentials: 'omit', headers: {Accept: 'application/json'}, signal: AbortSignal.timeout(timeoutMs)});
    if (!response.ok) throw new Error(`it answered ${response.status}`);
    return await response.json();
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw timedOut ? new Error(`no answer within ${timeoutMs / 1000} second${timeoutMs === 1000 ? '' : 's'} (the timeout attribute)`) : error;
  }
}
