import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';

/**
 * Pages with pre-rendered markup, made by the built pre-renderer (dist/prerender/index.js, as
 * `civic-action-prerender` makes it), for the take-over and no-script tests:
 *
 *   GET /prerendered/markup?attrs=<JSON object>&lang=<code>
 *        the markup as text; 400 with the pre-renderer's message for a configuration it refuses
 *   GET /prerendered/page?attrs=…&lang=…&page-lang=<code>&script=none|module&csp=1&campaign=<file>
 *        a page: a paragraph, the markup, twenty paragraphs below (as the bench's layout-shift
 *        page), and with script=module the element's script after them; with csp=1 a strict
 *        Content-Security-Policy (default-src 'none'; script-src 'self'; style-src 'self' plus the
 *        hash of the markup's style; csp=no-hash leaves the hash out)
 */
export function prerenderedPages() {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' || !ctx.path.startsWith('/prerendered/')) return next();
    const {prerender, PrerenderError} = await import('../../dist/prerender/index.js');
    const query = ctx.query;
    const attributes = query.attrs ? JSON.parse(query.attrs) : {};
    let markup;
    try {
      // campaign=<a file under the repository>: a campaign the page sets as the property (`--campaign`).
      const campaign = query.campaign ? JSON.parse(readFileSync(query.campaign, 'utf8')) : undefined;
      markup = await prerender(attributes, {...(query.lang ? {lang: query.lang} : {}), ...(campaign ? {campaign} : {})});
    } catch (error) {
      if (!(error instanceof PrerenderError)) throw error;
      ctx.status = 400;
      ctx.type = 'text/plain';
      ctx.body = error.message;
      return;
    }
    ctx.set('Cache-Control', 'no-store');
    if (ctx.path === '/prerendered/markup') {
      ctx.type = 'text/plain';
      ctx.body = markup;
      return;
    }
    if (query.csp) {
      const style = /<style>([\s\S]*?)<\/style>/.exec(markup)?.[1] ?? '';
      const hash = query.csp === '1' ? ` 'sha256-${createHash('sha256').update(style).digest('base64')}'` : '';
      ctx.set('Content-Security-Policy', `default-src 'none'; script-src 'self'; style-src 'self'${hash}; connect-src 'self'`);
    }
    const script = query.script === 'module' ? '<script type="module" src="/dist/civic-action.js"></script>' : '';
    const below = Array.from({length: 20}, (_, i) => `<p>Paragraph ${i + 1} below the widget, as on a partner's page.</p>`).join('\n');
    ctx.type = 'text/html';
    ctx.body = `<!DOCTYPE html>
<html lang="${query['page-lang'] ?? 'en'}"><head><meta charset="utf-8"><title>Pre-rendered</title></head>
<body><p id="above">A partner's page.</p>
${markup}
${below}
${script}
</body></html>`;
  };
}
