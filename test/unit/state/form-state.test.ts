import {expect} from '@open-wc/testing';
import {defaultCampaign} from '../../../src/campaign/default-campaign.complete.js';
import {
  checked,
  firstProblemField,
  hasProblems,
  initialFormState,
  started,
  toggled,
  withinCampaign,
  withPicks,
  withSupporter,
  type FormCheck,
} from '../../../src/state/form-state.js';
import {refusedFields, startedAgain, undoneStartAgain, withEditedMessage} from '../../../src/state/form-below-list.js';
import {restoredFrom} from '../../../src/draft/draft-restore.js';
import {composeMessage, reconcileEditedBody} from '../../../src/message/compose-message.js';

const campaign = defaultCampaign;
const [first, second, third] = campaign.recommendations.map((r) => r.id) as [string, string, string];
/** A check that flags a missing pick and a missing name, as the element's does with the default fields. */
const check: FormCheck = ({picks, supporter}) => ({
  ...(picks.size === 0 ? {picks: 'required' as const} : {}),
  ...(supporter.name.trim() ? {} : {name: 'required' as const}),
});

describe('form state', () => {
  it('leaves the value it was given as it was', () => {
    const before = initialFormState();
    const frozen = JSON.stringify({...before, picks: [...before.picks]});
    withPicks(before, new Set([first]), campaign, check, reconcileEditedBody);
    withSupporter(before, {name: 'Ana'}, check);
    checked(before, check);
    expect(JSON.stringify({...before, picks: [...before.picks]})).to.equal(frozen);
  });

  it('toggles one pick at a time', () => {
    const on = toggled(new Set([first]), second, true);
    expect([...on]).to.deep.equal([first, second]);
    expect([...toggled(on, first, false)]).to.deep.equal([second]);
  });

  it('shows no problem before the first send, then keeps problems current as the reader fixes them', () => {
    const quiet = withPicks(initialFormState(), new Set(), campaign, check, reconcileEditedBody);
    expect(quiet.problems, 'no problem before send').to.deep.equal({});
    const pressed = checked(quiet, check);
    expect(pressed.problems).to.deep.equal({picks: 'required', name: 'required'});
    expect(hasProblems(pressed)).to.be.true;
    expect(firstProblemField(pressed), 'focus goes to the picks first').to.equal('picks');
    const picked = withPicks(pressed, new Set([first]), campaign, check, reconcileEditedBody);
    expect(picked.problems).to.deep.equal({name: 'required'});
    expect(firstProblemField(picked)).to.equal('name');
    expect(hasProblems(withSupporter(picked, {name: 'Ana'}, check))).to.be.false;
  });

  it('keeps the receiver’s word about a field until the reader changes that field', () => {
    const refused = refusedFields(initialFormState(), {'supporter.email': 'Use your work address', 'supporter.phone': 'ignored'});
    expect(refused.serverProblems).to.deep.equal({email: 'Use your work address'});
    expect(firstProblemField(refused)).to.equal('email');
    expect(withSupporter(refused, {name: 'Ana'}, check).serverProblems).to.deep.equal({email: 'Use your work address'});
    expect(withSupporter(refused, {email: 'ana@example.org'}, check).serverProblems).to.deep.equal({});
  });

  it('adds a new pick’s line to an edited message and keeps the reader’s words', () => {
    const picked = withPicks(initialFormState(), new Set([first]), campaign, check, reconcileEditedBody);
    const body = composeMessage({campaign, locale: 'en', picks: picked.picks}).body;
    const edited = withEditedMessage(picked, `${body}\nMy own line.`, 'en');
    const more = withPicks(edited, new Set([first, second]), campaign, check, reconcileEditedBody);
    const secondText = campaign.recommendations[1]!.text['en']!;
    expect(more.edited!.text).to.contain('My own line.').and.to.contain(secondText);
  });

  it('never drops an edited message it cannot apply new picks to (before the checks’ chunk, which applies them)', () => {
    const edited = withEditedMessage(initialFormState(), 'My own words.', 'en');
    const picked = withPicks(edited, new Set([first]), campaign, check, undefined);
    expect(picked.picks).to.deep.equal(new Set([first]));
    expect(picked.edited).to.deep.equal({text: 'My own words.', locale: 'en'});
  });

  it('starts the message again from the picks, and brings the edit back on undo', () => {
    const edited = withEditedMessage(initialFormState(), 'Mine', 'es');
    const again = startedAgain(edited);
    expect(again.edited).to.equal(null);
    expect(again.discarded).to.deep.equal({text: 'Mine', locale: 'es'});
    const undone = undoneStartAgain(again);
    expect(undone.edited).to.deep.equal({text: 'Mine', locale: 'es'});
    expect(undone.discarded).to.equal(null);
    expect(withEditedMessage(again, 'New', 'en').discarded, 'a new edit forgets the undo').to.equal(null);
  });

  it('drops the picks a new campaign does not have', () => {
    const picked = withPicks(initialFormState(), new Set([first, 'gone']), campaign, check, reconcileEditedBody);
    expect([...withinCampaign(picked, campaign).picks]).to.deep.equal([first]);
  });

  it('restores a draft’s picks, message, consent and personal fields, without ids the campaign lost', () => {
    const restored = restoredFrom(
      initialFormState(),
      {picks: [third, 'gone'], edited: {text: 'Mine', locale: 'en'}, consent: true, personal: {name: 'Ana', email: 'ana@example.org', postalCode: ''}},
      campaign,
    );
    expect([...restored.picks]).to.deep.equal([third]);
    expect(restored.edited).to.deep.equal({text: 'Mine', locale: 'en'});
    expect(restored.supporter).to.deep.equal({name: 'Ana', email: 'ana@example.org', postalCode: '', consent: true});
  });

  it('counts a visitor as started once they pick, type, edit or consent, and not before', () => {
    expect(started(initialFormState())).to.be.false;
    expect(started(withPicks(initialFormState(), new Set([first]), campaign, check, reconcileEditedBody))).to.be.true;
    expect(started(withSupporter(initialFormState(), {postalCode: '60601'}, check))).to.be.true;
    expect(started(withSupporter(initialFormState(), {consent: true}, check))).to.be.true;
    expect(started(withEditedMessage(initialFormState(), 'x', 'en'))).to.be.true;
  });
});
