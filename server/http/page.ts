/**
 * The receiver's own pages (a confirmation link, a form posted without script): small,
 * self-contained, no script. Their CSP allows nothing but the page's inline style, and sends
 * forms nowhere; every text put into one is escaped here.
 */

export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Text as HTML text or an attribute value: campaign and supporter text stays text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const STYLE =
  'body{font:1.125rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}h1{font-size:1.5rem}' +
  'blockquote{margin:1rem 0;padding:0 0 0 1rem;border-left:4px solid #767676;white-space:pre-wrap}a{color:#0b57d0}';

/** A whole page in `lang`: `title` is text, `body` is HTML built with `escapeHtml`. */
export function htmlPage(lang: string, title: string, body: string): string {
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

/** The headers every page of the receiver's own is sent with. */
export function pageHeaders(header: (name: string, value: string) => void): void {
  header('Content-Security-Policy', PAGE_CSP);
  header('Cache-Control', 'no-store');
  header('Referrer-Policy', 'no-referrer');
  header('X-Content-Type-Options', 'nosniff');
}
