import type {WidgetView} from './widget-view.js';

/**
 * Whether a send is on its way: out, waiting to try again, or waiting for the connection. The
 * message and the supporter's fields are then read-only (an outbox's letter is sealed): a retry
 * or the connection coming back sends the submission built at the press, and a change made
 * meanwhile would be dropped without a word. Once it is sent, refused or given up, they open.
 */
export const onItsWay = ({sendState}: WidgetView): boolean =>
  sendState?.phase === 'sending' || sendState?.phase === 'waiting' || sendState?.phase === 'offline';
