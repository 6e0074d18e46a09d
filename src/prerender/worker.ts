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
  let answer: WorkerAnswer;
  try {
    await rendererReady;
    answer = {id: data.id, markup: renderElement(data)};
  } catch (error) {
    // Every request is answered: a builder left waiting would go on showing the last code, for other settings.
    if (!(error instanceof PrerenderError)) console.error(error);
    answer = {id: data.id, problem: error instanceof PrerenderError ? error.message : `the pre-renderer failed (${(error as Error).message}); the console says more`};
  }
  self.postMessage(answer);
});
