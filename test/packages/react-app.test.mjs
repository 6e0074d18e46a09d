// A React 19 + Vite app, as a partner site's developer would make it, that installs the packed
// tarball: it type-checks (with deliberate mistakes that must fail), builds, and in Chromium a
// reader picks and sends to a recording endpoint while React's own `oncivic-action-…` props
// hear the events. Preact's typings are type-checked in the same project.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {VERSIONS, installWarnings, npmInstall, packTarball, pickAndSend, run, serve, tempDir, textOf, withBrowser, writeFiles} from './support.mjs';

const dir = tempDir('react-app');

const files = (tarball) => ({
  'package.json': {
    name: 'civic-action-react-client',
    private: true,
    type: 'module',
    scripts: {typecheck: 'tsc -p .', build: 'vite build'},
    dependencies: {'civic-action': `file:${tarball}`, react: VERSIONS.react, 'react-dom': VERSIONS['react-dom']},
    devDependencies: {
      '@types/react': VERSIONS['@types/react'],
      '@types/react-dom': VERSIONS['@types/react-dom'],
      '@vitejs/plugin-react': VERSIONS['@vitejs/plugin-react'],
      preact: VERSIONS.preact,
      typescript: VERSIONS.typescript,
      vite: VERSIONS.vite,
    },
  },
  // As Vite's react-ts template has it, but with libraries' declarations checked too: this is
  // where the package's own .d.ts files (the element's, and React's and Preact's typings) are checked.
  'tsconfig.json': {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      module: 'ESNext',
      moduleResolution: 'bundler',
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    include: ['src'],
  },
  'vite.config.ts': `import {defineConfig} from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({plugins: [react()], logLevel: 'warn'});
`,
  'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>React client</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`,
  'src/main.tsx': `import {useState} from 'react';
import {createRoot} from 'react-dom/client';
import 'civic-action/react';
import type {CivicActionSentDetail} from 'civic-action';

function App() {
  const [picked, setPicked] = useState<string[]>([]);
  const [sent, setSent] = useState<CivicActionSentDetail | null>(null);
  return (
    <main>
      <civic-action
        endpoint="/submit"
        lang="en"
        theme="light"
        max-picks={5}
        org="React client"
        minFillTime={0}
        oncivic-action-pick={(event) => setPicked(event.detail.picked)}
        oncivic-action-sent={(event) => setSent(event.detail)}
      />
      <p id="picked">{picked.join(',')}</p>
      {sent && <p id="sent">{[sent.id, sent.recommendations.join(','), String(sent.confirm)].join(' ')}</p>}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
`,
  'src/mistakes.tsx': `import 'civic-action/react';

// Each line after a @ts-expect-error must fail the type-check: tsc reports an unused one.
export const mistakes = (
  <>
    <civic-action
      // @ts-expect-error endpont is not an attribute of <civic-action>
      endpont="/submit"
    />
    <civic-action
      // @ts-expect-error theme is light, dark or auto
      theme="drak"
    />
    {/* A hyphenated attribute's error is reported on its element. */}
    {/* @ts-expect-error endpoint-format is json or form */}
    <civic-action endpoint-format="xml" />
    <civic-action
      // @ts-expect-error the detail of civic-action-sent has no confirmed
      oncivic-action-sent={(event) => event.detail.confirmed}
    />
    <civic-action
      // @ts-expect-error minFillTime is a number of milliseconds
      minFillTime="0"
    />
  </>
);

// The element's type, through the tag name.
const element: HTMLElementTagNameMap['civic-action'] = document.createElement('civic-action');
element.addEventListener('civic-action-error', (event) => event.detail.kind satisfies 'failed' | 'refused' | 'invalid' | 'campaign');
`,
  // Preact in the same project: the pragma gives this file Preact's JSX.
  'src/preact.tsx': `/** @jsxImportSource preact */
import {render} from 'preact';
import {useState} from 'preact/hooks';
import 'civic-action/preact';
import type {CivicActionSentDetail} from 'civic-action';

function App() {
  const [sent, setSent] = useState<CivicActionSentDetail | null>(null);
  return (
    <main>
      <civic-action endpoint="/submit" theme="dark" max-picks={5} minFillTime={0} oncivic-action-sent={(event) => setSent(event.detail)} />
      {sent && <p>{sent.id}</p>}
      <civic-action
        // @ts-expect-error endpont is not an attribute of <civic-action>
        endpont="/submit"
      />
      <civic-action
        // @ts-expect-error theme is light, dark or auto
        theme="drak"
      />
    </main>
  );
}

export const mount = () => render(<App />, document.body);
`,
});

test('a React 19 + Vite app installs the packed tarball, with no warning', async () => {
  const {path} = await packTarball(dir);
  writeFiles(dir, files(path));
  const warnings = installWarnings(await npmInstall(dir));
  assert.deepEqual(warnings, []);
});

test('it type-checks: attributes, properties and events are typed, and each deliberate mistake fails', async () => {
  await run('npx', ['tsc', '-p', '.'], {cwd: dir});
});

test('it builds with Vite', async () => {
  await run('npx', ['vite', 'build'], {cwd: dir});
});

test('in Chromium, a reader picks and sends; React hears civic-action-pick and civic-action-sent', async () => {
  const server = await serve(`${dir}/dist`);
  try {
    await withBrowser(async (page, problems) => {
      await page.goto(`${server.url}/`);
      await pickAndSend(page);
      const sent = await textOf(page, '#sent');
      assert.equal(await textOf(page, '#picked'), 'tps,climate');
      assert.equal(server.submissions.length, 1);
      const {body, headers} = server.submissions[0];
      assert.equal(sent, `${body.id} tps,climate false`);
      assert.equal(headers['idempotency-key'], body.id);
      assert.deepEqual(body.recommendations, ['tps', 'climate']);
      assert.deepEqual(body.supporter, {name: 'Ana Pérez', email: 'ana@example.org'});
      // minFillTime={0} reached the element as its property, a number.
      assert.equal(await page.evaluate(() => document.querySelector('civic-action').minFillTime), 0);
      assert.deepEqual(problems, []);
    });
  } finally {
    await server.close();
  }
});
