// A Vue 3 + Vite app that installs the packed tarball: vue-tsc checks its templates (with
// deliberate mistakes that must fail), Vite builds it, and in Chromium a reader picks and sends
// to a recording endpoint while the template's own `@civic-action-…` listeners hear the events.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {VERSIONS, installWarnings, npmInstall, packTarball, pickAndSend, run, serve, tempDir, textOf, withBrowser, writeFiles} from './support.mjs';

const dir = tempDir('vue-app');

const files = (tarball) => ({
  'package.json': {
    name: 'civic-action-vue-client',
    private: true,
    type: 'module',
    scripts: {typecheck: 'vue-tsc -p .', build: 'vite build'},
    dependencies: {'civic-action': `file:${tarball}`, vue: VERSIONS.vue},
    devDependencies: {
      '@vitejs/plugin-vue': VERSIONS['@vitejs/plugin-vue'],
      typescript: VERSIONS.typescript,
      vite: VERSIONS.vite,
      'vue-tsc': VERSIONS['vue-tsc'],
    },
  },
  'tsconfig.json': {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      module: 'ESNext',
      moduleResolution: 'bundler',
      jsx: 'preserve',
      strict: true,
      noEmit: true,
      // As @vue/tsconfig has it. (The React app's check reads the package's declarations.)
      skipLibCheck: true,
      types: [],
    },
    // Unknown attributes and events on components (and so on <civic-action>) are errors.
    vueCompilerOptions: {strictTemplates: true},
    include: ['src/**/*.ts', 'src/**/*.vue'],
  },
  'vite.config.ts': `import {defineConfig} from 'vite';
import vue from '@vitejs/plugin-vue';

// <civic-action> is a custom element, not a Vue component: Vue leaves it to the browser.
export default defineConfig({
  plugins: [vue({template: {compilerOptions: {isCustomElement: (tag) => tag === 'civic-action'}}})],
  logLevel: 'warn',
});
`,
  'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Vue client</title></head>
  <body><div id="app"></div><script type="module" src="/src/main.ts"></script></body>
</html>
`,
  'src/main.ts': `import {createApp} from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
`,
  'src/vue-shim.d.ts': `declare module '*.vue' {
  import type {DefineComponent} from 'vue';
  const component: DefineComponent;
  export default component;
}
`,
  'src/App.vue': `<script setup lang="ts">
import {ref} from 'vue';
import 'civic-action/vue';
import type {CivicActionSentDetail} from 'civic-action';

const picked = ref<string[]>([]);
const sent = ref<CivicActionSentDetail | null>(null);
</script>

<template>
  <main>
    <civic-action
      endpoint="/submit"
      lang="en"
      theme="light"
      :max-picks="5"
      org="Vue client"
      :minFillTime="0"
      @civic-action-pick="(event) => (picked = event.detail.picked)"
      @civic-action-sent="(event) => (sent = event.detail)"
    />
    <p id="picked">{{ picked.join(',') }}</p>
    <p v-if="sent" id="sent">{{ [sent.id, sent.recommendations.join(','), String(sent.confirm)].join(' ') }}</p>
  </main>
</template>
`,
  // Each element after a @vue-expect-error must fail vue-tsc, which reports an unused one.
  'src/Mistakes.vue': `<template>
  <!-- @vue-expect-error endpont is not an attribute of <civic-action> -->
  <civic-action endpont="/submit" />
  <!-- @vue-expect-error max-pics is not an attribute of <civic-action> -->
  <civic-action max-pics="5" />
  <!-- @vue-expect-error theme is light, dark or auto -->
  <civic-action theme="drak" />
  <!-- @vue-expect-error civic-action-snet is not an event of <civic-action> -->
  <civic-action @civic-action-snet="() => undefined" />
  <!-- @vue-expect-error the detail of civic-action-sent has no confirmed -->
  <civic-action @civic-action-sent="(event) => event.detail.confirmed" />
</template>
`,
});

test('a Vue 3 + Vite app installs the packed tarball, with no warning', async () => {
  const {path} = await packTarball(dir);
  writeFiles(dir, files(path));
  const warnings = installWarnings(await npmInstall(dir));
  assert.deepEqual(warnings, []);
});

test('vue-tsc checks its templates: attributes and events are typed, and each deliberate mistake fails', async () => {
  await run('npx', ['vue-tsc', '-p', '.'], {cwd: dir});
});

test('it builds with Vite', async () => {
  await run('npx', ['vite', 'build'], {cwd: dir});
});

test('in Chromium, a reader picks and sends; Vue hears civic-action-pick and civic-action-sent', async () => {
  const server = await serve(`${dir}/dist`);
  try {
    await withBrowser(async (page, problems) => {
      await page.goto(`${server.url}/`);
      await pickAndSend(page);
      const sent = await textOf(page, '#sent');
      assert.equal(await textOf(page, '#picked'), 'tps,climate');
      assert.equal(server.submissions.length, 1);
      const {body} = server.submissions[0];
      assert.equal(sent, `${body.id} tps,climate false`);
      assert.deepEqual(body.recommendations, ['tps', 'climate']);
      // :minFillTime="0" reached the element as its property, a number. (Vue sets a property
      // only when the element has one of the name as written: :min-fill-time would be an attribute.)
      assert.equal(await page.evaluate(() => document.querySelector('civic-action').minFillTime), 0);
      assert.deepEqual(problems, []);
    });
  } finally {
    await server.close();
  }
});
