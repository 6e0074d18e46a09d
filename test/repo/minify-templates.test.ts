import {expect} from '@open-wc/testing';
import {minifyTaggedTemplates} from '../../scripts/minify-templates.js';

describe('minifyTaggedTemplates (build step)', () => {
  it('folds the indentation of html and css templates, and drops CSS comments', () => {
    const source = 'const a = html`\n  <p>\n    ${x}\n  </p>\n`;\nconst b = css`\n  /* why */\n  :host {\n    color: red;\n  }\n`;';
    expect(minifyTaggedTemplates(source)).to.equal('const a = html` <p> ${x} </p> `;\nconst b = css` :host{color:red}`;');
  });

  it('keeps the spaces CSS needs: descendant combinators, before a pseudo-class, in calc() and in strings', () => {
    const source = "css`\n  .a label,\n  .b :focus > i {\n    margin: calc(1em + 2px) 0;\n    content: ': ';\n  }\n`";
    expect(minifyTaggedTemplates(source)).to.equal("css` .a label,.b :focus>i{margin:calc(1em + 2px) 0;content:': '}`");
  });

  it('follows templates nested in expressions, and strings holding backticks', () => {
    const source = "html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}\n  </li>`)}\n</ul>`; const q = '`';";
    expect(minifyTaggedTemplates(source)).to.equal("html`<ul> ${items.map((i) => html`<li> ${i} </li>`)} </ul>`; const q = '`';");
  });

  it('reads past comments inside an expression, quotes and all', () => {
    const source = "html`<p>\n  ${ok\n    ? // the checks' chunk says \"sent\"\n      a\n    : /* it's */ b}\n</p>`";
    expect(minifyTaggedTemplates(source)).to.equal("html`<p> ${ok\n    ? // the checks' chunk says \"sent\"\n      a\n    : /* it's */ b} </p>`");
  });

  it('leaves other templates alone: msg(str`…`) ids and message text depend on their exact whitespace', () => {
    const source = 'msg(str`Dear\n  ${name},`); const body = `a\n\n  b`; html`${msg(str`x\n  y`)}`';
    expect(minifyTaggedTemplates(source)).to.equal(source);
  });
});
