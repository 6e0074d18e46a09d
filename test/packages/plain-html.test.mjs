// A site with no build step: it takes the files from the packed tarball, either as a CDN that
// serves npm packages would serve them (the package's own paths, under civic-action@<version>)
// or uploaded to its own host (the files README names), loads the script with the integrity
// hash from dist/integrity.json, and hears civic-action-sent with a plain listener.
import assert from 'node:assert/strict';
import {copyFileSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {SELF_HOSTED, packTarball, pickAndSend, pkg, run, serve, tempDir, textOf, withBrowser, writeFiles} from './support.mjs';

const dir = tempDir('plain-html');
const cdn = `npm/civic-action@${pkg.version}`;

const page = (script) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>A partner's page</title>
    <style>civic-action:not(:defined) { display: block; min-height: 120rem; }</style>
    ${script}
  </head>
  <body>
    <civic-action endpoint="/submit" org="A partner"></civic-action>
    <p id="sent"></p>
    <script>
      document.addEventListener('civic-action-sent', (event) => {
        document.querySelector('#sent').textContent = event.detail.id;
      });
    </script>
  </body>
</html>
`;

let integrity;

test('the tarball unpacks as a CDN serves it, with the integrity hashes of its scripts', async () => {
  const {path} = await packTarball(dir);
  mkdirSync(join(dir, 'site', cdn), {recursive: true});
  await run('tar', ['-xzf', path, '-C', join(dir, 'site', cdn), '--strip-components=1']);
  integrity = JSON.parse(readFileSync(join(dir, 'site', cdn, 'dist/integrity.json'), 'utf8'));
  assert.equal(integrity.version, pkg.version);
  assert.match(integrity.files['civic-action.js'], /^sha384-/);
  assert.match(integrity.files['civic-action.iife.js'], /^sha384-/);
  // Self-hosting: the files README names, uploaded to a folder named after the version.
  mkdirSync(join(dir, 'site/civic-action', pkg.version), {recursive: true});
  for (const file of SELF_HOSTED) copyFileSync(join(dir, 'site', cdn, 'dist', file), join(dir, 'site/civic-action', pkg.version, file));
  writeFiles(join(dir, 'site'), {
    'classic.html': page(
      `<script src="/civic-action/${pkg.version}/civic-action.iife.js" integrity="${integrity.files['civic-action.iife.js']}" crossorigin="anonymous"></script>`,
    ),
    'module.html': page(
      `<script type="module" src="/${cdn}/dist/civic-action.js" integrity="${integrity.files['civic-action.js']}" crossorigin="anonymous"></script>`,
    ),
  });
});

for (const [name, file] of [
  ['self-hosted classic script (dist/civic-action.iife.js)', 'classic.html'],
  ['ES module from a CDN path (dist/civic-action.js)', 'module.html'],
]) {
  test(`a plain page with the ${name}: a reader picks and sends; a listener on document hears civic-action-sent`, async () => {
    const server = await serve(join(dir, 'site'));
    try {
      await withBrowser(async (browserPage, problems) => {
        await browserPage.goto(`${server.url}/${file}`);
        // A tampered script would not run, and the tag would never be defined.
        await browserPage.waitForFunction(() => customElements.get('civic-action'), {timeout: 10_000});
        // The form's styles come with the form (in the module build, in the checks' chunk): its honeypot stays out of sight.
        const honeypot = await browserPage.waitForFunction(() => document.querySelector('civic-action').shadowRoot?.querySelector('.honeypot'), {timeout: 10_000});
        assert.equal(await honeypot.evaluate((element) => getComputedStyle(element).position), 'absolute');
        await pickAndSend(browserPage);
        const id = await textOf(browserPage, '#sent');
        assert.equal(server.submissions.length, 1);
        assert.equal(server.submissions[0].body.id, id);
        assert.deepEqual(problems, []);
      });
    } finally {
      await server.close();
    }
  });
}
