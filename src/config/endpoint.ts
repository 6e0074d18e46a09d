/** Hosts where plain http is fine, because the traffic never leaves the machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export class EndpointError extends Error {}

/**
 * Reads an `endpoint` attribute into a URL, relative to the page. Supporters' names and
 * emails travel to it, so it must be https; loopback http is allowed for development.
 */
export function parseEndpoint(value: string, base: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    throw new EndpointError('expected a URL');
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url;
  throw new EndpointError('expected an https: URL (http: is accepted only for localhost)');
}
