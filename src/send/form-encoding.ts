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
const NUMBERS = new Set(['version']);
const BOOLEANS = new Set(['consent']);

/**
 * The other way, for receivers: form fields back into the submission's shape, ready for the
 * `Submission` schema.
 */
export function fromFormFields(params: URLSearchParams): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    const value = LISTS.has(name)
      ? values
      : NUMBERS.has(name)
        ? Number(values[0])
        : BOOLEANS.has(name)
          ? values[0] === 'true'
          : values[0];
    const path = name.split('.');
    let target = result;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[path.at(-1)!] = value;
  }
  for (const list of LISTS) {
    const [outer, inner] = list.split('.');
    const holder = inner ? (result[outer!] as Record<string, unknown> | undefined) : result;
    const key = inner ?? outer!;
    if (holder && !(key in holder)) holder[key] = [];
  }
  return result;
}
