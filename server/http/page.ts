/**
 * The receiver's own pages (a confirmation link, a form posted without script): small,
 * self-contained, no script. Their CSP allows nothing but the page's inline style, and sends
 * forms nowhere but, on the one page with a form (the confirmation's button), back to the
 * receiver; every text put into one is escaped here.
 */

export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const FORM_PAGE_CSP = PAGE_CSP.replace("form-action 'none'", "form-action 'self'");

const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Text as HTML text or an attribute value: campaign and supporter text stays text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const STYLE =
  'body{font:1.125rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}h1{font-size:1.5rem}' +
  'blockquote{margin:1rem 0;padding:0 0 0 1rem;border-left:4px solid #767676;white-space:pre-wrap}a{color:#0b57d0}' +
  'button{font:inherit;padding:.5rem 1.25rem;border:0;border-radius:4px;color:#fff;background:#0b57d0;cursor:pointer}button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}';

/** A whole page in `lang`: `title` is text, `body` is HTML built with `escapeHtml`. */
export function htmlPage(lang: string, title: string, body: string): string {
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

/**
 * The headers every page of the receiver's own is sent with. A page with a form posting back
 * here (`postsHere`) keeps its Referer and Origin for the receiver: under `no-referrer` a browser
 * sends `Origin: null` with the post, and the receiver could not tell its own page from another.
 */
export function pageHeaders(header: (name: string, value: string) => void, {postsHere = false}: {postsHere?: boolean} = {}): void {
  header('Content-Security-Policy', postsHere ? FORM_PAGE_CSP : PAGE_CSP);
  header('Cache-Control', 'no-store');
  header('Referrer-Policy', postsHere ? 'same-origin' : 'no-referrer');
  header('X-Content-Type-Options', 'nosniff');
}
