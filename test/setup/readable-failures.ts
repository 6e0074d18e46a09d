// @ts-expect-error: the browser build of chai that @open-wc/testing re-exports has no types of its own.
import chai from '@esm-bundle/chai';

/**
 * Loaded before every test file (see web-test-runner.config.mjs). A failed assertion about a
 * node of the widget (`expect(root.querySelector('.privacy')).to.be.null`) or a URL carries it
 * as its `actual`, and the runner, serializing it for the report, never finishes: the file ends
 * in a silent 120-second timeout instead of its message. They are given as text instead.
 *
 * It takes chai itself, not @open-wc/testing: that one, loaded before the test framework,
 * would miss registering its own clean-up after each test.
 */
function readable(value: unknown): unknown {
  if (Array.isArray(value)) return value.some((item) => item instanceof Node || item instanceof URL) ? value.map(readable) : value;
  if (value instanceof URL) return `URL ${value.href}`;
  if (!(value instanceof Node)) return value;
  const text = value instanceof Element ? value.outerHTML : (value.textContent ?? '');
  return `<${value.nodeName.toLowerCase()}> ${text.replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ').slice(0, 300)}`;
}

interface Chai {
  use(plugin: (chai: {Assertion: {prototype: unknown}; AssertionError: new (...args: never[]) => Error}) => void): void;
}

(chai as Chai).use(({Assertion, AssertionError}) => {
  const prototype = Assertion.prototype as {assert: (...args: unknown[]) => void};
  const assert = prototype.assert;
  prototype.assert = function (this: unknown, ...args: unknown[]) {
    try {
      assert.apply(this, args);
    } catch (error) {
      if (error instanceof AssertionError) {
        const failed = error as unknown as {actual?: unknown; expected?: unknown};
        failed.actual = readable(failed.actual);
        failed.expected = readable(failed.expected);
      }
      throw error;
    }
  };
});
