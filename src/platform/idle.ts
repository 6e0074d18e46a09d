import {isServer} from 'lit';

/** Runs `work` when the page has nothing better to do (soon, where idle callbacks are missing). */
export function whenIdle(work: () => void): void {
  // Pre-rendering draws one view and never comes back for idle work.
  if (isServer) return;
  if ('requestIdleCallback' in window) requestIdleCallback(work, {timeout: 2000});
  else setTimeout(work, 200);
}
