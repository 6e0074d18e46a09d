import type * as z from 'zod/mini';

/**
 * zod's issues as an organizer can act on them: `recommendations[1].text: required`.
 * zod/mini ships no message texts (they would cost every reader bytes), so the few codes
 * a campaign or an attribute can produce are worded here.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${formatPath(issue.path)}: ${describe(issue)}`).join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole value)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `expected ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${issue.minimum} item(s)` : 'must not be empty';
    case 'too_big':
      return `must be at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'}`;
    case 'invalid_format':
      return `expected ${issue.message && issue.message !== 'Invalid input' ? issue.message : issue.format}`;
    case 'invalid_key':
      return 'has a key that is not a language tag such as "en" or "es-MX"';
    case 'unrecognized_keys':
      return `${issue.keys.map((key) => JSON.stringify(key)).join(', ')} ${issue.keys.length > 1 ? 'are not fields' : 'is not a field'} here: check the spelling`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}
