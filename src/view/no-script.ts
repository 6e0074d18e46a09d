import {msg} from '@lit/localize';
import type {WidgetView} from './widget-view.js';

/**
 * The pre-rendered view (see `src/prerender/`) is what a reader has until the script takes
 * over, and all they have if it never arrives. It must not pretend: with an endpoint that takes
 * plain form posts it posts (`src/prerender/clean-markup.ts` names its fields); otherwise it
 * says that sending needs the script, where the script's own view has its sending hint, so that
 * the take-over does not move the page. Callers test `isServer` themselves, first, so that the
 * script's build drops the notice.
 */
export const sendsOnlyWithScript = (view: WidgetView): boolean => !(view.options.endpoint && view.options.endpointFormat === 'form');


export const needsScriptText = (): string => msg('To send this message, this page needs JavaScript, which has not loaded yet.');
