import {until as untilWithin} from '../helpers.js';

/**
 * What the tests of whole pages share: pages in frames (the builder, pasted snippets, pre-rendered
 * pages), removed after each test, and waiting for them. A page loads a build and its chunks, so
 * it is given longer than an element on the test page.
 */
export const until = (check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> => untilWithin(check, what, ms);

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

/** A frame of `width` × `height` px, loaded by `load` (a `src`, a `srcdoc`), once it has loaded. */
export async function frame(load: (iframe: HTMLIFrameElement) => void, width = 900, height = 900): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  Object.assign(iframe.style, {width: `${width}px`, height: `${height}px`, border: '0'});
  document.body.append(iframe);
  frames.push(iframe);
  const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
  load(iframe);
  await loaded;
  return iframe;
}
