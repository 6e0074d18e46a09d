import {expect} from '@open-wc/testing';
import {defaultCampaign} from '../../../src/campaign/default-campaign.complete.js';
import {takeOver, withEarlyInput} from '../../../src/platform/early-input.js';
import type {EarlyInput} from '../../../src/platform/take-over.js';
import {reconcileEditedBody} from '../../../src/message/compose-message.js';
import {initialFormState, type FormCheck} from '../../../src/state/form-state.js';
import {withEditedMessage} from '../../../src/state/form-below-list.js';

const campaign = defaultCampaign;
const [first, second, third] = campaign.recommendations.map((r) => r.id) as [string, string, string];
const check: FormCheck = () => ({});
const early = (ticks: Array<[string, boolean]>, supporter: EarlyInput['supporter'] = {}, opened: string[] = []): EarlyInput => ({
  ticks: new Map(ticks),
  supporter,
  opened: new Set(opened),
  focus: null,
});

describe('withEarlyInput: what a reader did in pre-rendered markup, carried into the form', () => {
  it('changes only what the reader changed: a saved draft’s picks stay unless unticked', () => {
    const restored = {...initialFormState(), picks: new Set([first, second])};
    const form = withEarlyInput(restored, early([[third, true], [second, false]]), campaign, check, reconcileEditedBody);
    expect([...form.picks].sort()).to.deep.equal([first, third].sort());
  });

  it('ignores ids the campaign does not have', () => {
    const form = withEarlyInput(initialFormState(), early([['not-a-recommendation', true]]), campaign, check, reconcileEditedBody);
    expect(form.picks.size).to.equal(0);
  });

  it('puts typed fields and consent into the supporter, and keeps an edited message in step with the picks', () => {
    const edited = withEditedMessage({...initialFormState(), picks: new Set([first])}, 'My own words.', 'en');
    const form = withEarlyInput(edited, early([[second, true]], {name: 'Ada', consent: true}), campaign, check, reconcileEditedBody);
    expect(form.supporter).to.include({name: 'Ada', consent: true, email: ''});
    expect(form.edited?.text).to.contain('My own words.');
    expect(form.picks.has(second)).to.equal(true);
  });

  it('keeps the full texts the reader opened, beside those a draft had open, of recommendations the campaign has', () => {
    const form = withEarlyInput({...initialFormState(), opened: new Set([first])}, early([], {}, [second, 'not-a-recommendation']), campaign, check, reconcileEditedBody);
    expect([...form.opened].sort()).to.deep.equal([first, second].sort());
  });

  it('returns the same form when the reader did nothing', () => {
    const form = initialFormState();
    expect(withEarlyInput(form, early([]), campaign, check, reconcileEditedBody)).to.equal(form);
  });
});

describe('takeOver: reading pre-rendered markup', () => {
  it('reads changed boxes and fields only, and empties the root', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({mode: 'open'});
    const box = (id: string, checked: boolean) => `<input type="checkbox" data-recommendation="${id}"${checked ? ' checked' : ''}>`;
    const toggle = (id: string) => `<input type="checkbox" id="more-${id}" data-more-toggle="${id}">`;
    root.setHTMLUnsafe(`${box(first, false)}${box(second, true)}${box(third, false)}<input id="supporter-name" value="">${toggle(first)}${toggle(third)}`);
    const [a, b] = root.querySelectorAll('input');
    a!.checked = true;
    b!.checked = false;
    (root.getElementById('supporter-name') as HTMLInputElement).value = 'Ada';
    (root.getElementById(`more-${third}`) as HTMLInputElement).checked = true;
    const read = takeOver(root)!;
    expect([...read.ticks]).to.deep.equal([
      [first, true],
      [second, false],
    ]);
    expect(read.supporter).to.deep.equal({name: 'Ada'});
    expect([...read.opened]).to.deep.equal([third]);
    expect(root.childNodes.length).to.equal(0);
  });

  it('finds nothing to take over in a root without markup', () => {
    expect(takeOver(null)).to.equal(null);
    expect(takeOver(document.createElement('div').attachShadow({mode: 'open'}))).to.equal(null);
  });
});
