/**
 * The submission as `application/x-www-form-urlencoded` fields, for receivers that take
 * HTML-form posts (form backends, spreadsheet scripts): nested fields are named with dots
 * (`supporter.email`, `message.subject`, `source.utm.source`), and each item of a list is
 * one more field of the same name (`recommendations=tps&recommendations=end-title-42`).
 */
export function toFormFields(value: unknown): URLSearchParams {
  const params = new URLSearchParams();
  const add = (name: string, item: unknown): void => {
    if (item === undefined || item === null) return;
    if (Array.isArray(item)) item.forEach((each) => add(name, each));
    else if (typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) add(name ? `${name}.${key}` : key, inner);
    } else params.append(name, String(item));
  };
  add('', value);
  return params;
}

/** Fields that are lists even when they hold one item, and fields that are not text. */
const LISTS = new Set(['recommendations', 'message.to']);
const NUMBERS = new Set(['version', 'signals.fillMs']);
const BOOLEANS = new Set(['consent', 'signals.honeypot', 'signals.restored']);
/** Names that lead to an object's prototype rather than to one of its fields. */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

type Fields = Record<string, unknown>;
/** Without a prototype, no field name can reach `Object.prototype`. */
const fields = (): Fields => Object.create(null) as Fields;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function decodeValue(name: string, values: string[]): unknown {
  if (LISTS.has(name)) return values;
  const [first] = values;
  if (NUMBERS.has(name)) return Number(first);
  // Anything but the two words stays text, which the schema refuses where it wants a boolean.
  if (BOOLEANS.has(name)) return first === 'true' ? true : first === 'false' ? false : first;
  return first;
}

/**
 * The other way, for receivers: form fields back into the submission's shape, ready for the
 * `Submission` schema. It never throws, whatever the post holds, and builds objects without a
 * prototype. A name the widget could not have sent makes the field it is in `null`, which
 * the schema refuses: one that passes through `__proto__`, `prototype` or `constructor`, and
 * one that is both a value and an object (`message=x&message.subject=y`).
 */
export function fromFormFields(params: URLSearchParams): Record<string, unknown> {
  const result = fields();
  for (const name of new Set(params.keys())) {
    const path = name.split('.');
    const bad = path.findIndex((key) => FORBIDDEN.has(key));
    const end = bad === -1 ? path.length : bad;
    let target = result;
    let placed = true;
    for (const [i, key] of path.slice(0, end).entries()) {
      if (i === path.length - 1) {
        // A value where an object was already begun (or a name seen as a value twice over).
        target[key] = key in target ? null : decodeValue(name, params.getAll(name));
        break;
      }
      if (!(key in target)) target[key] = fields();
      const next = target[key];
      if (!isFields(next)) {
        target[key] = null;
        placed = false;
        break;
      }
      target = next;
    }
    // Only a forbidden name gets here unplaced with a field to spoil: the one it was inside.
    if (placed && bad > 0) setPath(result, path.slice(0, bad), null);
  }
  for (const list of LISTS) {
    const path = list.split('.');
    const holder = path.length > 1 ? result[path[0]!] : result;
    const key = path.at(-1)!;
    if (isFields(holder) && !(key in holder)) holder[key] = [];
  }
  return result;
}

function setPath(root: Fields, path: string[], value: unknown): void {
  let target = root;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (!isFields(next)) return;
    target = next;
  }
  target[path.at(-1)!] = value;
}
