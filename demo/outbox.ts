// A module (top-level await below): `tsc -p .` refuses top-level await in a script file.
export {};

/** The demo's outbox page: emails as the officials' (or supporters') mail programs would show them. */
interface Received {
  receivedAt: string;
  envelope: {from: string; to: string[]};
  from: string;
  replyTo: string;
  to: string;
  subject: string;
  messageId: string;
  listUnsubscribe: string;
  text: string;
  attachments: {filename: string; size: number; text: string}[];
}

const list = document.getElementById('list')!;
const summary = document.getElementById('summary')!;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function render(emails: Received[]): void {
  summary.textContent = emails.length === 1 ? '1 email received.' : `${emails.length} emails received.`;
  list.replaceChildren(
    ...emails.map((email) => {
      const article = element('article', undefined, 'email');
      const heading = element('h2', email.subject);
      const headers = element('dl');
      for (const [name, value] of [
        ['From', email.from],
        ['Reply-To', email.replyTo],
        ['To', email.to],
        ['Message-ID', email.messageId],
        ['List-Unsubscribe', email.listUnsubscribe],
        ['Received', new Date(email.receivedAt).toLocaleString()],
      ] as const) {
        if (!value) continue;
        headers.append(element('dt', name), element('dd', value));
      }
      const body = element('pre', email.text, 'body');
      article.append(heading, headers, body);
      for (const attachment of email.attachments) {
        const details = element('details');
        details.append(element('summary', `Attachment: ${attachment.filename} (${attachment.size} bytes)`), element('pre', attachment.text, 'body'));
        article.append(details);
      }
      return article;
    }),
  );
}

async function refresh(): Promise<void> {
  try {
    render(await (await fetch('/api/outbox')).json());
  } catch {
    summary.textContent = 'The demo server does not answer: is npm start still running?';
  }
}

document.getElementById('clear')!.addEventListener('click', async () => {
  await fetch('/api/outbox', {method: 'DELETE'});
  await refresh();
});
void refresh();
setInterval(refresh, 2000);
