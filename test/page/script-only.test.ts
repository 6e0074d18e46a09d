import {expect} from '@open-wc/testing';
import {frame, until} from './frames.js';

/**
 * The script-only snippet, with the room README's reservation keeps (`min-height` while the tag is
 * not defined), and the built-in campaign's texts arriving late (the test server holds their
 * chunk 400 ms). Every animation frame until the widget has rendered, the page notes whether it
 * was about to paint the element defined but empty: its room gone, the text below moved up, to
 * be pushed down again by the first render.
 */
async function scriptOnlyPage(lang: 'en' | 'es', widgets = '<civic-action></civic-action>') {
  localStorage.clear();
  const iframe = await frame(
    (f) =>
      (f.srcdoc = `<!doctype html><html lang="${lang}"><head>
<style>civic-action:not(:defined) { display: block; min-height: 120rem; }</style>
<script>
  window.emptyFrames = 0;
  window.shift = 0;
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.shift += entry.value))).observe({type: 'layout-shift', buffered: true});
  const watch = () => {
    const rendered = [...document.querySelectorAll('civic-action')].every((element) => element.shadowRoot && element.shadowRoot.querySelector('input'));
    if (customElements.get('civic-action') && !rendered) window.emptyFrames++;
    if (!rendered) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
</script>
<script type="module" src="${location.origin}/cdn-slow-campaign/civic-action/0.1.0/civic-action.js"></script>
</head><body>${widgets}<p>Text below the widget.</p></body></html>`),
    390,
    844,
  );
  const win = iframe.contentWindow as Window & {emptyFrames: number; shift: number};
  const rendered = () => [...win.document.querySelectorAll('civic-action')].every((element) => element.shadowRoot?.querySelector('input[data-recommendation]'));
  await until(rendered, 'the widgets’ first render');
  return win;
}

describe('the script-only snippet while the built-in campaign’s texts load', function () {
  this.timeout(30_000);

  for (const lang of ['en', 'es'] as const) {
    it(`is defined only once its first render can follow at once, so that the page never moves (${lang})`, async () => {
      const win = await scriptOnlyPage(lang);
      expect(win.emptyFrames, 'frames painted with the element defined and empty').to.equal(0);
      expect(win.shift, 'layout shift').to.equal(0);
      expect(win.document.querySelector('civic-action')!.shadowRoot!.querySelector('h2')!.getAttribute('lang')).to.equal(lang);
    });
  }

  it('waits, before it is defined, for all its first render waits for: a message in another language too', async () => {
    const win = await scriptOnlyPage('en', '<civic-action message-lang="es"></civic-action>');
    expect(win.emptyFrames, 'frames painted with the element defined and empty').to.equal(0);
    expect(win.shift, 'layout shift').to.equal(0);
    const root = win.document.querySelector('civic-action')!.shadowRoot!;
    expect(root.querySelector('h2')!.getAttribute('lang')).to.equal('en');
  });

  it('waits, before it is defined, for every widget already in the page: a second one in another language too', async () => {
    const win = await scriptOnlyPage('en', '<civic-action></civic-action><civic-action lang="es"></civic-action>');
    expect(win.emptyFrames, 'frames painted with an element defined and empty').to.equal(0);
    expect(win.shift, 'layout shift').to.equal(0);
    const [english, spanish] = [...win.document.querySelectorAll('civic-action')].map((element) => element.shadowRoot!.querySelector('h2')!.getAttribute('lang'));
    expect([english, spanish]).to.deep.equal(['en', 'es']);
  });
});
