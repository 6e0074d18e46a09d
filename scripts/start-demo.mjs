// `npm start`: the reference receiver on :8787 with the demo's SQLite file (data/, which git
// ignores, so what the demo receives survives a restart) and the demo pages on Vite's :5173.
import {spawn} from 'node:child_process';
import {createServer} from 'vite';

const ADMIN_TOKEN = process.env.CIVIC_ACTION_ADMIN_TOKEN || 'demo';
const receiver = spawn(process.execPath, ['bin/civic-action-receiver.js', '--config', 'demo/receiver.config.json', '--port', process.env.PORT || '8787'], {
  stdio: 'inherit',
  env: {...process.env, CIVIC_ACTION_ADMIN_TOKEN: ADMIN_TOKEN},
});
const vite = await createServer();
await vite.listen();
vite.printUrls();
console.log(`  ➜  Organizer's page: http://127.0.0.1:8787/admin/ (token: ${ADMIN_TOKEN})`);

let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  receiver.kill('SIGTERM');
  await vite.close();
  process.exit(code);
};
// The demo without its receiver would show sends failing for no visible reason: stop both.
receiver.on('exit', (code) => {
  if (!stopping) console.error(`the receiver stopped (exit ${code}); stopping the demo`);
  void stop(code ?? 1);
});
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
