import {chai} from '@open-wc/testing';

/**
 * Loaded before every test file (see web-test-runner.config.mjs). A failed assertion about a
 * node of the widget (`expect(root.querySelector('.privacy')).to.be.null`) carries that node as
 * its `actual`, and the runner, serializing it for the report, never finishes: the file ends in
 * a silent 120-second timeout instead of its message. Nodes are given as text instead.
 */
function readable(value: unknown): unknown {
  if (Array.isArray(value)) return value.some((item) => item instanceof Node) ? value.map(readable) : value;
  if (!(value instanceof Node)) return value;
  const text = value instanceof Element ? value.outerHTML : (value.textContent ?? '');
  return `<${value.nodeName.toLowerCase()}> ${text.replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ').slice(0, 300)}`;
}

chai.use(({Assertion, AssertionError}) => {
  const prototype = Assertion.prototype as unknown as {assert: (...args: unknown[]) => void};
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
