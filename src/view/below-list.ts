import {renderActions} from './actions.js';
import {renderMessageEditor} from './message-editor.js';
import {renderSupporter} from './supporter-form.js';
import type {WidgetActions, WidgetView} from './widget-view.js';

/**
 * What the form shows below the list of recommendations: the message, the supporter's fields and
 * the ways to send. It comes with the checks' chunk (`lazy/checks.ts`): nothing in it is on the
 * first screen, and the list renders without waiting for it (see `ProgressiveView`).
 */
export const renderBelowList = (view: WidgetView, actions: WidgetActions) => [renderMessageEditor(view, actions), renderSupporter(view, actions), renderActions(view, actions)];
