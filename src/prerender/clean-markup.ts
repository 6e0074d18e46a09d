import {parseFragment, serializeOuter, type DefaultTreeAdapterMap} from 'parse5';
import {SUBMISSION_VERSION} from '../send/submission-schema.js';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** What the no-script form posts besides what the reader fills in (see README, "Pre-rendered embed"). */
export interface NoScriptPost {
  /** The `endpoint` attribute as written: the page resolves it, as it would for the script. */
  action: string;
  campaign: string;
  /** The language the markup is in. */
  locale: string;
}

/** The supporter fields' names in a form post, as the payload names them. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  'supporter-name': 'supporter.name',
  'supporter-email': 'supporter.email',
  'supporter-postal-code': 'supporter.postalCode',
};

/** Attributes whose value the browser may follow as an address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data']);

/**
 * Makes the server renderer's output into markup to paste: read by an HTML parser and written
 * out again (so what comes out is exactly what a browser will read), without what only Lit's
 * hydration needs (its comment markers: the script renders afresh, it does not hydrate), with
 * property bindings that @lit-labs/ssr writes as attributes made right (`.checked=${false}`
 * comes out as `checked="false"`, which a browser reads as checked), with the no-script form's
 * names when the widget posts without script, with the id of the campaign it shows on its form;
 * and checked: no script, no handler, no `javascript:` address, or no markup at all.
 */
export function cleanMarkup(rendered: string, given: ReadonlySet<string>, campaign: string, post: NoScriptPost | null): string {
  const fragment = parseFragment(rendered);
  const host = fragment.childNodes.find((node): node is Element => 'tagName' in node && node.tagName === 'civic-action');
  if (!host) throw new Error('the renderer made no <civic-action> element');
  const shadow = host.childNodes.find((node): node is Element => 'tagName' in node && node.tagName === 'template');
  if (!shadow || !shadow.attrs.some((a) => a.name === 'shadowrootmode' && a.value === 'open')) throw new Error('the renderer made no open shadow root');
  const walk = (parent: ParentNode): void => {
    parent.childNodes = parent.childNodes.filter((node) => node.nodeName !== '#comment').flatMap((node) => fullTextToggle(node) ?? [node]);
    for (const node of parent.childNodes) {
      if (!('tagName' in node)) continue;
      check(node);
      fixReflectedProperties(node);
      disableScriptOnlyButton(node);
      writeMessageBody(node);
      if (post) nameForPost(node, post);
      // Which campaign the markup shows: the script takes it over only once it has that campaign too (`showsCampaign`).
      if (node.tagName === 'form') setAttr(node, 'data-campaign', campaign);
      walk('content' in node ? (node as DefaultTreeAdapterMap['template']).content : node);
    }
  };
  // The organizer's attributes only: the element reflects its defaults (`theme`) itself when it upgrades.
  host.attrs = host.attrs.filter((a) => given.has(a.name));
  // `shadowroot` is the old, non-standard name that @lit-labs/ssr still writes beside `shadowrootmode`.
  shadow.attrs = shadow.attrs.filter((a) => a.name !== 'shadowroot');
  check(host);
  walk(host);
  return serializeOuter(host);
}

function check(element: Element): void {
  if (element.tagName === 'script') throw new Error('pre-rendered markup may not hold a script');
  for (const {name, value} of element.attrs) {
    if (/^on/i.test(name)) throw new Error(`pre-rendered markup may not hold an event handler (${name})`);
    // What a browser strips before reading a scheme: whitespace and control characters.
    if (URL_ATTRIBUTES.has(name) && /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
      throw new Error(`pre-rendered markup may not hold a javascript: address (${name})`);
    }
  }
}

/** `checked="true"` → `checked`, `checked="false"` → nothing, for the boolean properties the views bind. */
function fixReflectedProperties(element: Element): void {
  element.attrs = element.attrs.flatMap((attr) => {
    if (!['checked', 'disabled', 'hidden', 'required'].includes(attr.name)) return [attr];
    if (attr.value === 'false' || attr.value === 'undefined') return [];
    return [{...attr, value: ''}];
  });
}

/**
 * A recommendation's full-text button, made to work without the script: a checkbox (named as the
 * button is) and a label in the button's place, which show the text by CSS alone (the markup's
 * no-script styles, `src/prerender/no-script.styles.ts`). A reader whose script never comes can
 * still read what they are asked to support, and one whose script comes late keeps the texts they
 * opened (`src/platform/early-input.ts`). The same box as the button, and its id, which the
 * take-over gives focus back to: the take-over moves nothing.
 */
function fullTextToggle(node: DefaultTreeAdapterMap['childNode']): Element[] | null {
  if (!('tagName' in node) || node.tagName !== 'button' || attr(node, 'data-more') === undefined) return null;
  const id = attr(node, 'id')!;
  const parentNode = node.parentNode;
  const input: Element = {
    nodeName: 'input',
    tagName: 'input',
    attrs: [
      {name: 'type', value: 'checkbox'},
      {name: 'id', value: id},
      {name: 'class', value: 'more-toggle'},
      {name: 'data-more-toggle', value: attr(node, 'data-more')!},
      {name: 'aria-label', value: attr(node, 'aria-label') ?? ''},
      {name: 'aria-controls', value: attr(node, 'aria-controls') ?? ''},
    ],
    namespaceURI: node.namespaceURI,
    childNodes: [],
    parentNode,
  };
  const label: Element = {
    nodeName: 'label',
    tagName: 'label',
    attrs: [
      {name: 'for', value: id},
      {name: 'class', value: 'more'},
    ],
    namespaceURI: node.namespaceURI,
    childNodes: node.childNodes,
    parentNode,
  };
  for (const child of label.childNodes) child.parentNode = label;
  return [input, label];
}

/**
 * The markup's other buttons (pick all, the language switcher…) work only with the script:
 * without it they are disabled rather than pretend. Disabling changes no layout, so the take-over
 * does not move the page. The form's submit button is not one of them.
 */
function disableScriptOnlyButton(element: Element): void {
  if (element.tagName === 'button' && attr(element, 'type') === 'button' && attr(element, 'disabled') === undefined) {
    element.attrs = [...element.attrs, {name: 'disabled', value: ''}];
  }
}

/**
 * The message, which the element sets as the text box's value (a property, which the server
 * renderer does not write), written into the box from `data-prerendered-body`. The view makes it
 * read-only there: what a reader typed into it before the script would be gone at the take-over,
 * which writes the message again from the picks.
 */
function writeMessageBody(element: Element): void {
  const body = attr(element, 'data-prerendered-body');
  if (element.tagName !== 'textarea' || body === undefined) return;
  element.attrs = element.attrs.filter((a) => a.name !== 'data-prerendered-body');
  // A parser drops one newline right after <textarea>: a body starting with one keeps it.
  const text = body.startsWith('\n') ? `\n${body}` : body;
  element.childNodes = [{nodeName: '#text', value: text, parentNode: element} as DefaultTreeAdapterMap['textNode']];
}

const attr = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;

function setAttr(element: Element, name: string, value: string): void {
  element.attrs = [...element.attrs.filter((a) => a.name !== name), {name, value}];
}

/** The form's fields named as the reference receiver reads a plain form post (contract in README). */
function nameForPost(element: Element, post: NoScriptPost): void {
  const id = attr(element, 'id') ?? '';
  if (element.tagName === 'form') {
    setAttr(element, 'method', 'post');
    setAttr(element, 'action', post.action);
    // Without the script, the browser's own checks are the only ones before the post.
    element.attrs = element.attrs.filter((a) => a.name !== 'novalidate');
    const hidden = {noscript: '1', version: String(SUBMISSION_VERSION), campaign: post.campaign, locale: post.locale};
    const inputs = Object.entries(hidden).map(([name, value]): Element => ({
      nodeName: 'input',
      tagName: 'input',
      attrs: [
        {name: 'type', value: 'hidden'},
        {name: 'name', value: name},
        {name: 'value', value},
      ],
      namespaceURI: element.namespaceURI,
      childNodes: [],
      parentNode: element,
    }));
    element.childNodes = [...inputs, ...element.childNodes];
  } else if (element.tagName === 'input' && attr(element, 'data-recommendation') !== undefined) {
    setAttr(element, 'name', 'recommendations');
    setAttr(element, 'value', attr(element, 'data-recommendation')!);
  } else if (element.tagName === 'input' && FIELD_NAMES[id]) {
    setAttr(element, 'name', FIELD_NAMES[id]!);
  } else if (element.tagName === 'input' && id === 'supporter-consent') {
    setAttr(element, 'name', 'consent');
    setAttr(element, 'value', 'true');
  }
}
