import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {mailtoHref} from '../send/mailto.js';
import type {Copied} from '../platform/clipboard.js';

export interface ShareOptions {
  url: string;
  text: string;
  /** Whether the last copy worked: `no` shows the link for the reader to copy by hand. */
  copied: Copied;
  onCopy: () => void;
  onNativeShare: (() => void) | null;
}

/**
 * Ways to pass the action on after sending. They are plain links the reader follows: the
 * widget itself contacts none of these services.
 */
export function renderShare({url, text, copied, onCopy, onNativeShare}: ShareOptions) {
  const encoded = {url: encodeURIComponent(url), text: encodeURIComponent(text)};
  const networks: Array<[string, string]> = [
    ['WhatsApp', `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${encoded.url}`],
    ['X', `https://x.com/intent/post?text=${encoded.text}&url=${encoded.url}`],
  ];
  return html`
    <section part="share" class="share" aria-labelledby="share-heading">
      <h3 id="share-heading">${msg('Ask others to join')}</h3>
      <div class="share-actions">
        ${onNativeShare ? html`<button type="button" class="primary" @click=${onNativeShare}>${msg('Share…')}</button>` : nothing}
        <button type="button" class="secondary" @click=${onCopy}>${msg('Copy the link')}</button>
        ${networks.map(
          ([network, href]) =>
            html`<a class="button" href=${href} target="_blank" rel="noopener noreferrer">${msg(str`Share on ${network}`)}</a>`,
        )}
        <a class="button" href=${mailtoHref({to: [], subject: text, body: `${text}\n\n${url}`})}>${msg('Share by email')}</a>
      </div>
      <p class="status" role="status">
        ${copied === 'yes' ? msg('Link copied.') : nothing}
        ${copied === 'no' ? msg(str`The link could not be copied. Here it is: ${url}`) : nothing}
      </p>
    </section>
  `;
}
