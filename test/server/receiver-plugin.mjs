import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {resolve} from 'node:path';

/**
 * The reference receiver beside the test runner, for the end-to-end test: built from dist/
 * (as users run it), on a SQLite file of its own, taking posts from the test pages' origin.
 *
 *   executeServerCommand('receiver-endpoint')           its POST /submit URL
 *   executeServerCommand('receiver-stored', {id})       the stored row for that id, or null
 */
export function receiverPlugin() {
  let receiver;
  let dir;
  return {
    name: 'civic-action-receiver',
    async serverStart({config}) {
      const {parseConfig, startReceiver} = await import(pathToFileURL(resolve('dist/receiver/index.js')).href);
      dir = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
      const origins = [`http://${config.hostname}:${config.port}`, `http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
      const receiverConfig = parseConfig(
        {
          database: `sqlite:${join(dir, 'e2e.sqlite')}`,
          // A person takes longer than this to pick and type; the test waits it out instead of 3 s.
          spam: {minFillMs: 1000},
          campaigns: [{id: 'root-causes-2021', origins: [...new Set(origins)], recipients: [{name: {en: 'Kamala Harris, Vice President of the United States', es: 'Kamala Harris, vicepresidenta de Estados Unidos'}, email: 'vp@officials.example'}]}],
        },
        {baseDir: dir},
      );
      receiver = await startReceiver({config: receiverConfig, port: 0, log: () => {}});
    },
    async serverStop() {
      await receiver?.stop();
      if (dir) rmSync(dir, {recursive: true, force: true});
    },
    async executeCommand({command, payload}) {
      if (command === 'receiver-endpoint') return `http://127.0.0.1:${receiver.port}/submit`;
      if (command === 'receiver-stored') {
        const row = await receiver.database.db.selectFrom('submissions').selectAll().where('id', '=', payload.id).executeTakeFirst();
        if (!row) return null;
        const picks = await receiver.database.db.selectFrom('submission_picks').select('recommendation_id').where('submission_id', '=', payload.id).execute();
        return {...row, recommendations: picks.map((p) => p.recommendation_id).sort()};
      }
      return undefined;
    },
  };
}
