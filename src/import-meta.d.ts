// What Vite writes into `import.meta.env` when it builds (the test runner's esbuild is told the
// same, in web-test-runner.config.mjs). Optional: a bundler that knows neither leaves it out.
interface ImportMeta {
  readonly env?: {readonly DEV?: boolean};
}
