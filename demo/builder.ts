// The embed builder: turns the form into a <civic-action> tag, shows it live, and writes the
// code an organizer pastes, pinned to this version with a Subresource Integrity hash computed
// from the built file itself.
import '../src/civic-action.js';

const form = document.querySelector<HTMLFormElement>('#settings')!;
const snippet = document.querySelector<HTMLTextAreaElement>('#snippet')!;
const preview = document.querySelector<HTMLElement>('#preview')!;
const status = document.querySelector<HTMLElement>('#integrity-status')!;

/** Attributes the form sets directly, by the names of its inputs. */
const ATTRIBUTES = ['endpoint', 'endpoint-format', 'recipients', 'lang', 'message-lang', 'min-picks', 'max-picks', 'org', 'privacy-url', 'share-url', 'ref', 'theme'];

/** Written by the build (vite.config.ts): the version and each file's SRI hash. */
interface Integrity {
  version: string;
  files: Record<string, string>;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function attributes(): Array<[string, string]> {
  const data = new FormData(form);
  const chosen = ATTRIBUTES.flatMap((name) => {
    const value = String(data.get(name) ?? '').trim();
    return value ? [[name, value] as [string, string]] : [];
  });
  const fields = [...form.querySelectorAll<HTMLSelectElement>('[data-field]')]
    .filter((select) => select.value !== 'off')
    .map((select) => `${select.dataset.field}${select.value === 'required' ? '*' : ''}`)
    .join(', ');
  if (fields !== 'name*, email*, postal-code') chosen.push(['fields', fields]);
  return chosen;
}

function accent(): string | null {
  const value = form.querySelector<HTMLInputElement>('#accent')!.value;
  return value.toLowerCase() === '#1d4ed8' ? null : value;
}

let built: Integrity = {version: '0.0.0', files: {}};
let integrity = '';
let moduleFile = '';

function render(): void {
  const chosen = attributes();
  const colour = accent();
  const element = document.createElement('civic-action');
  for (const [name, value] of chosen) element.setAttribute(name, value);
  if (colour) element.style.setProperty('--civic-action-accent', colour);
  preview.replaceChildren(element);

  const tagAttributes = chosen.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  const style = colour ? ` style="--civic-action-accent: ${colour}"` : '';
  snippet.value = [
    '<style>civic-action:not(:defined) { display: block; min-height: 120rem; }</style>',
    `<script type="module" src="${escapeAttribute(moduleFile)}" integrity="${integrity}" crossorigin="anonymous"></script>`,
    `<civic-action${tagAttributes}${style}></civic-action>`,
  ].join('\n');
}

async function rehost(): Promise<void> {
  const base = form.querySelector<HTMLInputElement>('#base')!.value.replace(/\/?$/, '/');
  moduleFile = `${base}${built.version}/civic-action.js`;
  render();
}

async function start(): Promise<void> {
  try {
    built = await (await fetch('/dist/integrity.json', {cache: 'no-store'})).json();
    integrity = built.files['civic-action.js'] ?? '';
    status.textContent = `Integrity hash of this build of civic-action ${built.version}.`;
  } catch {
    status.textContent = 'The build was not found: run npm run build, then reload this page.';
  }
  await rehost();
}

form.addEventListener('input', (event) => {
  if ((event.target as HTMLElement).id === 'base') void rehost();
  else render();
});
document.querySelector('#copy')!.addEventListener('click', async () => {
  await navigator.clipboard.writeText(snippet.value);
  document.querySelector('#copy-status')!.textContent = 'Copied.';
});
void start();
