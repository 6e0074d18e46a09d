// A generated block of README.md: the text between a start marker and an end marker, which a
// script rewrites (the API reference, the bench table, the mutation table) and a test compares.
import {readFileSync, writeFileSync} from 'node:fs';

/** The block, markers included, or null when the text has no such markers. */
export function readBlock(text, start, end) {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) return null;
  return text.slice(from, to + end.length);
}

/** The text with the block's inside replaced by `inside`; throws when the markers are missing. */
export function spliceBlock(text, start, end, inside) {
  const block = readBlock(text, start, end);
  if (block === null) throw new Error(`no ${start} … ${end} block to write into`);
  return text.replace(block, () => `${start}${inside}${end}`);
}

/** Rewrites the block in `file` (README.md by default); returns false when the file has no such block. */
export function writeBlock({file = 'README.md', start, end, inside}) {
  const text = readFileSync(file, 'utf8');
  if (readBlock(text, start, end) === null) return false;
  writeFileSync(file, spliceBlock(text, start, end, inside));
  return true;
}
