import type {ReactiveElement} from 'lit';

// Mistakes an organizer's attributes can hold that no single attribute's reading catches: the
// widget goes on as written, which looks like working, until a reader's send goes nowhere. Told
// once per widget, in the console (and the embed builder), when the checks' chunk comes: none of
// it is worth a byte of the first script.

/** The attributes that hold a web address, read against the page when relative. */
const ADDRESSES = ['endpoint', 'src', 'tally-src', 'privacy-url', 'success-url', 'share-url'];

/** The end of a file name, where a relative address's first part has a dot for that reason. */
const FILE_TYPE = /\.(php\d?|[ps]?html?|aspx?|ash[xr]|asmx|jsp|cgi|cfm|do|action|json|m?js|py|pl|rb|txt|xml|ya?ml|csv)$/i;

/** Tells the organizer, in the console, what of `host`'s setup will not do what it seems to say. */
export function reviewSetup(host: ReactiveElement): void {
  const known = (host.constructor as typeof ReactiveElement).observedAttributes;
  const tell = (text: string) => console.error(`<civic-action>: ${text}`);
  // A misspelt attribute only: one far from all of them is the page's own (id, class, data-…, aria-…).
  // Not against the three-letter ones (ref, org, src): key, rel, href and x-ref are a letter or two away.
  for (const name of host.getAttributeNames()) {
    const near = known.includes(name) ? [] : known.filter((attribute) => attribute.length > 3 && distance(attribute, name) <= 2);
    if (near.length) tell(`"${name}" is not an attribute of <civic-action>, so it does nothing: did you mean ${near.join(' or ')}?`);
  }
  for (const name of ADDRESSES) {
    const written = host.getAttribute(name)?.trim() ?? '';
    const site = /^[^/?#:]+/.exec(written)?.[0] ?? '';
    // "forms.example.org/submit": a host name without its https://, which a browser reads as a path on this page's site.
    if (/^([a-z\d-]+\.)+[a-z]{2,}$/i.test(site) && !FILE_TYPE.test(site)) {
      tell(`${name}="${written}" is read as a path on this page's site (${new URL(written, document.baseURI).href}). For another site, write https://${written}.`);
    }
  }
  if (host.hasAttribute('src') && host.querySelector(':scope > script[type="application/json"]')) {
    tell(`src="${host.getAttribute('src')}" is not loaded: the campaign inside the tag wins. Keep one.`);
  }
}

/** How many single-letter edits turn `a` into `b` (Levenshtein): "endpont" is one from "endpoint". */
function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}
