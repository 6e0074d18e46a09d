// What the bench sends: distinct valid submissions, as the widget would post them. Bodies are
// made before the clock starts so the load generator spends its time on requests, not JSON.
import {randomUUID} from 'node:crypto';

export const CAMPAIGN = 'root-causes-2021';
export const ORIGIN = 'https://partner.example';

// A letter of a realistic length (about 1 KB), not a one-word body: the receiver hashes,
// validates and stores the whole message, so its size is part of the cost.
const BODY = [
  'Estimada vicepresidenta Harris:',
  '',
  ...Array.from({length: 8}, () => 'Le pido que trabaje con la sociedad civil para atender las causas de la migración en la región, con políticas económicas que creen empleo.'),
  '',
  'Atentamente,',
].join('\n');

/** The campaign the bench's receiver accepts, with the limits raised so that they never trigger. */
export function receiverConfig(database) {
  const never = {max: 10_000_000, perSeconds: 3600};
  return {
    database,
    rateLimits: {perIp: never, perEmail: never},
    campaigns: [
      {
        id: CAMPAIGN,
        origins: [ORIGIN],
        recipients: [{name: {en: 'Kamala Harris, Vice President of the United States', es: 'Kamala Harris, vicepresidenta de Estados Unidos'}, email: 'vp@example.org'}],
      },
    ],
  };
}

/** `count` submissions, each with its own id and supporter; `tag` keeps runs apart in the data. */
export function makeSubmissions(count, tag) {
  const submittedAt = new Date().toISOString();
  return Array.from({length: count}, (_, n) => {
    const id = randomUUID();
    const body = JSON.stringify({
      version: 1,
      id,
      campaign: CAMPAIGN,
      locale: 'es',
      recommendations: ['tps', 'economic-policy'],
      message: {to: ['Kamala Harris, vicepresidenta de Estados Unidos'], subject: 'Apoyo estas recomendaciones sobre la migración', body: `${BODY}\nAna ${tag}-${n}`, locale: 'es'},
      supporter: {name: `Ana ${tag}-${n}`, email: `ana+${tag}-${n}@example.org`},
      consent: n % 2 === 0,
      source: {url: `${ORIGIN}/page`},
      submittedAt,
    });
    return {id, body, bytes: Buffer.byteLength(body)};
  });
}
