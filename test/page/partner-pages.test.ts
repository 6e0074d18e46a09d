import {expect} from '@open-wc/testing';
import type {CivicAction} from '../../src/civic-action.component.js';

/**
 * Issue 14: the demo's partner pages repeated the widget's own title and introduction above it,
 * which a real partner page would not do: the widget brings both. Notes that explain the demo to
 * its visitor (`.demo`) are not part of the partner's page.
 */
const PAGES = ['/demo/index.html', '/demo/es.html', '/demo/email.html', '/demo/custom-campaign.html'];

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The words that carry meaning: lower case, without accents, longer than three letters. */
const words = (text: string) =>
  new Set(
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3),
  );

/** How much of `text` is made of words from `source`: 1 when it says nothing `source` does not. */
function overlap(text: string, source: string): number {
  const mine = words(text);
  const theirs = words(source);
  return mine.size === 0 ? 0 : [...mine].filter((w) => theirs.has(w)).length / mine.size;
}

describe('the demo’s partner pages', function () {
  this.timeout(40_000);

  for (const path of PAGES) {
    it(`say nothing above the widget that the widget says itself (${path})`, async () => {
      const iframe = document.createElement('iframe');
      iframe.style.width = '900px';
      iframe.style.height = '900px';
      document.body.append(iframe);
      try {
        await new Promise((r) => {
          iframe.addEventListener('load', r, {once: true});
          iframe.src = path;
        });
        const win = iframe.contentWindow!;
        await until(() => Boolean(win.customElements.get('civic-action')), 'the element to be defined');
        const element = win.document.querySelector('civic-action') as CivicAction;
        await element.updateComplete;
        const title = element.shadowRoot!.querySelector('[part=title]')!.textContent!.trim();
        const intro = element.shadowRoot!.querySelector('[part=intro]')?.textContent!.trim() ?? '';
        expect(title).not.to.equal('');

        const blocks = [...win.document.body.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li')].filter(
          (block) => !block.closest('civic-action, .demo, nav, script') && block.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        for (const block of blocks) {
          const text = block.textContent!.replace(/\s+/g, ' ').trim();
          expect(text, 'repeats the title').not.to.contain(title);
          expect(overlap(text, title), `"${text}" against the title "${title}"`).to.be.at.most(0.3);
          expect(overlap(text, intro), `"${text}" against the introduction`).to.be.at.most(0.3);
        }
      } finally {
        iframe.remove();
      }
    });
  }
});
