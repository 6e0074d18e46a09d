/**
 * A `mailto:` link that opens the reader's own email app with the message ready.
 * RFC 6068: addresses are comma-separated, and line breaks in the body are CRLF.
 */
export function mailtoHref({to, subject, body}: {to: readonly string[]; subject: string; body: string}): string {
  const encode = (value: string) => encodeURIComponent(value.replace(/\r?\n/g, '\r\n'));
  // `@` stays as it is: some mail apps do not decode it in the address part.
  const address = (email: string) => encodeURIComponent(email).replace(/%40/g, '@');
  return `mailto:${to.map(address).join(',')}?subject=${encode(subject)}&body=${encode(body)}`;
}
