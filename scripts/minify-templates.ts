/**
 * A Vite plugin that strips the indentation out of the `html` and `css` tagged templates in
 * src/: the minifier leaves template literals alone, and the indentation of Lit templates and
 * styles is a good share of the bundle. Only the static text between `${…}` changes:
 * whitespace that contains a line break becomes one space (which HTML and CSS read the same
 * way; no template here renders into a `pre` context); in CSS, comments and the spaces
 * around punctuation go too.
 */
import type {Plugin} from 'vite';

export function minifyTemplates(): Plugin {
  return {
    name: 'civic-action-minify-templates',
    apply: 'build',
    transform(code: string, id: string) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return {code: minifyTaggedTemplates(code), map: null};
    },
  };
}

/** Rewrites every html`…` and css`…` in `code`, following nested `${…}` and templates. */
export function minifyTaggedTemplates(code: string): string {
  let out = '';
  let i = 0;
  const tag = /\b(html|css)`/g;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(code))) {
    out += code.slice(i, match.index + match[0].length);
    const [rewritten, end] = template(code, match.index + match[0].length, match[1] === 'css');
    out += rewritten;
    i = end;
    tag.lastIndex = end;
  }
  return out + code.slice(i);
}

/** From just after an opening backtick: the template's rewritten body with its closing backtick, and where it ends. */
function template(code: string, start: number, isCss: boolean): [string, number] {
  let out = '';
  let text = '';
  let i = start;
  const flush = () => {
    let t = text.replace(/\s*\n\s*/g, ' ');
    if (isCss) t = compactCss(t);
    out += t;
    text = '';
  };
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') {
      text += code.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      flush();
      return [`${out}\``, i + 1];
    } else if (c === '$' && code[i + 1] === '{') {
      flush();
      const end = expressionEnd(code, i + 2);
      out += minifyTaggedTemplates(code.slice(i, end));
      i = end;
    } else {
      text += c;
      i += 1;
    }
  }
  throw new Error('unterminated template literal');
}

/**
 * Drops CSS comments and the spaces CSS does not need: around braces, semicolons, commas and
 * child combinators, and after colons, outside quoted strings. Spaces before a colon stay
 * (`a :focus` is not `a:focus`), as do those around `+` and `-`, which `calc()` requires.
 */
export function compactCss(text: string): string {
  // Quoted strings are kept as written: odd parts of the split are the strings.
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}')))
    .join('');
}

/** From just inside `${`: the index just after its matching `}`, skipping strings, comments and templates. */
function expressionEnd(code: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < code.length) {
    const c = code[i];
    if (c === "'" || c === '"') {
      i += 1;
      while (i < code.length && code[i] !== c) i += code[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (c === '/' && (code[i + 1] === '/' || code[i + 1] === '*')) {
      // A comment's words are not code: "the checks' chunk" opens no string.
      const close = code[i + 1] === '/' ? code.indexOf('\n', i) : code.indexOf('*/', i + 2) + 1;
      i = close > 0 ? close + 1 : code.length;
    } else if (c === '`') {
      i = template(code, i + 1, false)[1];
    } else {
      if (c === '{') depth += 1;
      if (c === '}' && --depth === 0) return i + 1;
      i += 1;
    }
  }
  throw new Error('unterminated ${ expression');
}
