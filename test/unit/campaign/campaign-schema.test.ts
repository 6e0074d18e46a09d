import {expect} from '@open-wc/testing';
import {defaultCampaign} from '../../../src/campaign/default-campaign.js';
import {describeIssues} from '../../../src/campaign/describe-issues.js';
import {parseCampaign} from '../../../src/campaign/parse-campaign.js';

describe('the campaign schema', () => {
  it('refuses a text in no language, saying where: it would show as nothing (README: one or more languages)', () => {
    const result = parseCampaign({id: 'water', title: {en: 'Water'}, recommendations: [{id: 'fountains', title: {}, text: {en: 'One fountain per floor.'}}]});
    expect(result.success).to.equal(false);
    const said = describeIssues(result.error!.issues);
    expect(said).to.contain('at least one language');
    expect(said).to.contain('recommendations');
    expect(said).to.contain('title');
  });

  it('refuses the built-in campaign before its texts have loaded, as a copy spread too early would be', () => {
    const result = parseCampaign({...defaultCampaign});
    expect(result.success).to.equal(false);
    expect(describeIssues(result.error!.issues)).to.contain('at least one language');
  });
});
