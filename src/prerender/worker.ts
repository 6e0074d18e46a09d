/// <reference lib="webworker" />
import {rendererReady, PrerenderError, renderElement, type RenderRequest} from './render.js';

/**
 * The pre-renderer in a browser, for the embed builder (demo/builder.ts): the same code as
 * `civic-action-prerender`, built with Lit's server build and its DOM shim (vite.prerender.config.ts,
 * `--mode worker`). A worker, because the builder's page has the real element defined, and a real
 * DOM, that the server build must not meet.
 */
export interface WorkerAnswer {
  id: number;
  markup?: string;
  /** A configuration the widget would not use as written, as the command says it. */
  problem?: string;
}

self.addEventListener('message', async ({data}: MessageEvent<RenderRequest & {id: number}>) => {
  await rendererReady;
  let answer: WorkerAnswer;
  try {
    answer = {id: data.id, markup: renderElement(data)};
  } catch (error) {
    if (!(error instanceof PrerenderError)) throw error;
    answer = {id: data.id, problem: error.message};
  }
  self.postMessage(answer);
});
