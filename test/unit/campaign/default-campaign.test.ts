import {expect} from '@open-wc/testing';
import {Campaign} from '../../../src/schema.js';
import {defaultCampaign} from '../../../src/campaign/default-campaign.complete.js';
import {en} from '../../../src/campaign/default-campaign-en.js';
import {es} from '../../../src/campaign/default-campaign-es.js';

/** The press release's bullets, as the seed file has them, split at its language change. */
async function seedBullets(): Promise<{en: string[]; es: string[]}> {
  const text = await (await fetch('/test/fixtures/press-release-2021-06-06.txt')).text();
  const [english, spanish] = text.split('6 de junio de 2021');
  const bullets = (part = '') =>
    part
      .split('\n')
      .filter((line) => line.trim().startsWith('•'))
      .map((line) => line.trim().replace(/^•\s*/, ''));
  return {en: bullets(english), es: bullets(spanish)};
}

/**
 * A Spanish text as the release prints it. The one liberty allowed in verbatim text is a
 * no-break space inside "EE. UU.", so that the abbreviation never breaks across a phone's
 * line: it changes no word. Every other character must be the release's.
 */
const asReleased = (text: string) => text.replaceAll('EE.\u00a0UU.', 'EE. UU.');

describe('the built-in campaign', () => {
  it('is valid under the campaign schema', () => {
    const result = Campaign.safeParse(defaultCampaign);
    expect(result.success, JSON.stringify(result.error?.issues)).to.be.true;
  });

  it('has twelve recommendations, each with a unique id and a headline and text in English and Spanish', () => {
    const ids = defaultCampaign.recommendations.map((r) => r.id);
    expect(ids).to.have.length(12);
    expect(new Set(ids).size).to.equal(12);
    expect(ids).to.include('end-title-42');
    for (const r of defaultCampaign.recommendations) {
      expect(Object.keys(r.title).sort(), r.id).to.deep.equal(['en', 'es']);
      expect(Object.keys(r.text).sort(), r.id).to.deep.equal(['en', 'es']);
    }
  });

  it('has in each language file exactly its recommendations’ ids and one recipient per recipient: nothing dropped when a language loads', () => {
    const ids = defaultCampaign.recommendations.map((r) => r.id).sort();
    for (const [locale, text] of [['en', en], ['es', es]] as const) {
      expect(Object.keys(text.recommendations).sort(), locale).to.deep.equal(ids);
      expect(text.recipients, locale).to.have.length(defaultCampaign.recipients!.length);
    }
  });

  it('carries every English bullet of the press release word for word, in order', async () => {
    const {en} = await seedBullets();
    expect(en).to.have.length(12);
    expect(defaultCampaign.recommendations.map((r) => r.text.en)).to.deep.equal(en);
  });

  it('carries every Spanish bullet word for word, the split TPS bullet joined under one id', async () => {
    const {es} = await seedBullets();
    expect(es).to.have.length(13);
    const texts = defaultCampaign.recommendations.map((r) => asReleased(r.text.es!));
    for (const bullet of es) expect(texts.some((t) => t.includes(bullet)), bullet).to.be.true;
    const tps = defaultCampaign.recommendations.find((r) => r.id === 'tps')!;
    expect(asReleased(tps.text.es!)).to.equal(`${es[4]} ${es[5]}`);
    expect(tps.text.en).to.contain('Temporary Protected Status');
    expect(tps.text.es).to.contain('Estatus de Protección Temporal');
  });

  it('aligns the two languages by meaning: each id carries the same recommendation in both', () => {
    // A keyword from each recommendation in both languages: misalignment shifts them apart.
    const anchors: Record<string, [string, string]> = {
      'economic-policy': ['tax reform', 'reforma tributaria'],
      'rule-of-law': ['rule of law', 'estado de derecho'],
      'civil-society': ['civil society', 'sociedad civil'],
      'local-development': ['mayors', 'alcaldes'],
      tps: ['remittances', 'remesas'],
      'diaspora-partnership': ['pro-democracy', 'democracia'],
      climate: ['climate change', 'cambio climático'],
      'authorized-migration': ['labor', 'laboral'],
      'no-family-detention': ['zero-tolerance', 'tolerancia cero'],
      'family-reunification': ['family reunification', 'reunificación familiar'],
      'end-title-42': ['Title 42', 'Título 42'],
      'due-process': ['non-deportation', 'no deportación'],
    };
    for (const r of defaultCampaign.recommendations) {
      const [en, es] = anchors[r.id]!;
      expect(r.text.en, r.id).to.contain(en);
      expect(r.text.es, r.id).to.contain(es);
    }
  });

  it('aligns the headlines by meaning too: each id’s English and Spanish headline name the same recommendation', () => {
    // A word of each headline in both languages: headlines swapped between ids shift them apart.
    const anchors: Record<string, [string, string]> = {
      'economic-policy': ['tax reform', 'reforma tributaria'],
      'rule-of-law': ['rule of law', 'estado de derecho'],
      'civil-society': ['civil society', 'sociedad civil'],
      'local-development': ['local', 'locales'],
      tps: ['TPS', 'TPS'],
      'diaspora-partnership': ['Central American communities', 'comunidades centroamericanas'],
      climate: ['climate change', 'cambio climático'],
      'authorized-migration': ['migrant workers', 'trabajadores migrantes'],
      'no-family-detention': ['migrant families', 'familias migrantes'],
      'family-reunification': ['family reunification', 'reunificación familiar'],
      'end-title-42': ['Title 42', 'Título 42'],
      'due-process': ['deportations', 'deportaciones'],
    };
    expect(Object.keys(anchors).sort()).to.deep.equal(defaultCampaign.recommendations.map((r) => r.id).sort());
    for (const r of defaultCampaign.recommendations) {
      const [en, es] = anchors[r.id]!;
      expect(r.title.en, `README: the headline of ${r.id}, in English`).to.contain(en);
      expect(r.title.es, `README: the Spanish headline of ${r.id} is that recommendation's`).to.contain(es);
    }
    const spanish = defaultCampaign.recommendations.map((r) => r.title.es);
    expect(new Set(spanish).size, 'every Spanish headline is its own').to.equal(spanish.length);
  });

  it('keeps "EE. UU." whole with a no-break space, and has no other no-break space in a Spanish text', () => {
    const texts = [...defaultCampaign.recommendations.map((r) => r.text.es!), defaultCampaign.closing!.es!];
    expect(texts.join(' ')).not.to.contain('EE. UU.');
    expect(texts.join(' ')).to.contain('EE.\u00a0UU.');
    for (const text of texts) expect(asReleased(text)).not.to.contain('\u00a0');
  });

  it('carries the closing call word for word in both languages', async () => {
    const text = await (await fetch('/test/fixtures/press-release-2021-06-06.txt')).text();
    expect(text).to.contain(defaultCampaign.closing!.en);
    expect(text).to.contain(defaultCampaign.closing!.es);
  });

  it('never contains the ### marker of a removed name', () => {
    expect(JSON.stringify(defaultCampaign)).not.to.contain('###');
  });
});
