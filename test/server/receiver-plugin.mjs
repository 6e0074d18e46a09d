import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

/**
 * The reference receiver beside the test runner, for the end-to-end test: built from dist/
 * (as users run it), on a SQLite file of its own, taking posts from the test pages' origin.
 * It starts when a test first asks for it, so that a run of other test files (a subset, or the
 * mutation script's) needs no built receiver.
 *
 *   executeServerCommand('receiver-endpoint')           its POST /submit URL
 *   executeServerCommand('receiver-stored', {id})       the stored row for that id, or null
 */
export function receiverPlugin() {
  let origins = [];
  let dir;
  /** The running receiver, once asked for. */
  let started;

  async function start() {
    const {parseConfig, startReceiver} = await import(pathToFileURL(resolve('dist/receiver/index.js')).href);
    dir = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
    const receiverConfig = parseConfig(
      {
        database: `sqlite:${join(dir, 'e2e.sqlite')}`,
        // A person takes longer than this to pick and type; the test waits it out instead of 3 s.
        spam: {minFillMs: 1000},
        campaigns: [{id: 'root-causes-2021', origins, recipients: [{name: {en: 'Kamala Harris, Vice President of the United States', es: 'Kamala Harris, vicepresidenta de Estados Unidos'}, email: 'vp@officials.example'}]}],
      },
      {baseDir: dir},
    );
    return startReceiver({config: receiverConfig, port: 0, log: () => {}});
  }

  return {
    name: 'civic-action-receiver',
    serverStart({config}) {
      origins = [...new Set([`http://${config.hostname}:${config.port}`, `http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`])];
    },
    async serverStop() {
      if (started) await (await started).stop();
      if (dir) rmSync(dir, {recursive: true, force: true});
    },
    async executeCommand({command, payload}) {
      if (command !== 'receiver-endpoint' && command !== 'receiver-stored') return undefined;
      started ??= start();
      const receiver = await started;
      if (command === 'receiver-endpoint') return `http://127.0.0.1:${receiver.port}/submit`;
      const row = await receiver.database.db.selectFrom('submissions').selectAll().where('id', '=', payload.id).executeTakeFirst();
      if (!row) return null;
      const picks = await receiver.database.db.selectFrom('submission_picks').select('recommendation_id').where('submission_id', '=', payload.id).execute();
      return {...row, recommendations: picks.map((p) => p.recommendation_id).sort()};
    },
  };
}
