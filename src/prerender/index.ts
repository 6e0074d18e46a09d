/// <reference types="node" />
import {readFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {rendererReady, PrerenderError, renderElement} from './render.js';

export {PrerenderError};

export interface PrerenderOptions {
  /** The language of the page the markup goes into, as its `lang` would say; one of the campaign's languages. */
  lang?: string;
  /**
   * The campaign the page's widget will show, when the markup is made where `src` cannot be read
   * (or for a campaign the page sets as the `campaign` property). Without it, `src` is read: an
   * `http(s):` address is fetched, anything else is a file relative to `root`.
   */
  campaign?: unknown;
  /** Where a relative `src` is read from (default: the current directory). */
  root?: string;
}

/**
 * `<civic-action …attributes…><template shadowrootmode="open">…</template></civic-action>`: the
 * widget's first view, in the page's language, with its styles, to paste into a page before the
 * script. Rejects with a `PrerenderError` naming the problem for a configuration the widget could
 * not use as written (an unknown attribute, an invalid value or campaign, a language the
 * campaign lacks).
 */
export async function prerender(attributes: Record<string, string>, options: PrerenderOptions = {}): Promise<string> {
  const campaign = options.campaign ?? (attributes['src'] ? await readCampaign(attributes['src'], options.root ?? process.cwd()) : undefined);
  await rendererReady;
  return renderElement({attributes, campaign, lang: options.lang});
}

async function readCampaign(src: string, root: string): Promise<unknown> {
  let text: string;
  try {
    if (/^https?:/i.test(src)) {
      const response = await fetch(src);
      if (!response.ok) throw new Error(`answered ${response.status}`);
      text = await response.text();
    } else {
      // An address relative to the page: the file at that path under the site's root.
      text = await readFile(resolve(root, decodeURIComponent(src.replace(/[?#].*$/, '').replace(/^\/+/, ''))), 'utf8');
    }
  } catch (error) {
    throw new PrerenderError(`could not read the campaign at src="${src}": ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PrerenderError(`the campaign at src="${src}" is not JSON: ${(error as Error).message}`);
  }
}

const USAGE = 'usage: civic-action-prerender [--lang <code>] [--campaign <file>] [--root <dir>] [<attribute>=<value> …]';

/** The command: markup on standard output; a configuration problem on standard error, with exit code 1. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const attributes: Record<string, string> = {};
  const options: PrerenderOptions = {};
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === '--help' || arg === '-h') {
        process.stdout.write(`${USAGE}\n`);
        return 0;
      }
      if (arg === '--lang' || arg === '--campaign' || arg === '--root') {
        const value = argv[++i];
        if (value === undefined) throw new PrerenderError(`${arg} needs a value`);
        if (arg === '--lang') options.lang = value;
        else if (arg === '--root') options.root = value;
        else options.campaign = await readCampaign(value, process.cwd());
        continue;
      }
      const eq = arg.indexOf('=');
      if (eq <= 0) throw new PrerenderError(`"${arg}" is not <attribute>=<value>\n${USAGE}`);
      attributes[arg.slice(0, eq)] = arg.slice(eq + 1);
    }
    process.stdout.write(`${await prerender(attributes, options)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof PrerenderError)) throw error;
    process.stderr.write(`civic-action-prerender: ${error.message}\n`);
    return 1;
  }
}
