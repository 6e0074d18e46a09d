// `npm start`: the reference receiver on :8787 with the demo's SQLite file (data/, which git
// ignores, so what the demo receives survives a restart), a local SMTP server on :2525 that
// stands in for the officials' mail servers, and the demo pages on Vite's :5173, where
// /demo/outbox.html shows what the officials would have received.
import {spawn} from 'node:child_process';
import {SMTPServer} from 'smtp-server';
import {simpleParser} from 'mailparser';
import {createServer} from 'vite';

const ADMIN_TOKEN = process.env.CIVIC_ACTION_ADMIN_TOKEN || 'demo';
const SMTP_PORT = 2525;

/** What reached the demo's SMTP server, newest first; memory only: these are not real emails. */
const outbox = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream).then(
      (mail) => {
        outbox.unshift({
          receivedAt: new Date().toISOString(),
          envelope: {from: session.envelope.mailFrom && session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address)},
          from: mail.from?.text ?? '',
          replyTo: mail.replyTo?.text ?? '',
          to: mail.to?.text ?? '',
          subject: mail.subject ?? '',
          messageId: mail.messageId ?? '',
          listUnsubscribe: mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/^[^:]*:\s*/, '') ?? '',
          text: mail.text ?? '',
          attachments: (mail.attachments ?? []).map((a) => ({filename: a.filename, size: a.size, text: a.contentType.startsWith('text/') ? a.content.toString('utf8') : ''})),
        });
        outbox.length = Math.min(outbox.length, 500);
        callback();
      },
      (error) => callback(error),
    );
  },
});
await new Promise((resolve, reject) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve).once('error', reject));

const receiver = spawn(process.execPath, ['bin/civic-action-receiver.js', '--config', 'demo/receiver.config.json', '--port', process.env.PORT || '8787'], {
  stdio: 'inherit',
  env: {...process.env, CIVIC_ACTION_ADMIN_TOKEN: ADMIN_TOKEN},
});

const vite = await createServer({
  plugins: [
    {
      name: 'civic-action-demo-outbox',
      configureServer(server) {
        server.middlewares.use('/api/outbox', (req, res) => {
          if (req.method === 'DELETE') outbox.length = 0;
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(JSON.stringify(outbox));
        });
      },
    },
  ],
});
await vite.listen();
vite.printUrls();
console.log(`  ➜  Organizer's page: http://127.0.0.1:8787/admin/ (token: ${ADMIN_TOKEN})`);
console.log(`  ➜  What officials receive (SMTP on 127.0.0.1:${SMTP_PORT}): http://127.0.0.1:5173/demo/outbox.html`);

let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  receiver.kill('SIGTERM');
  await vite.close();
  smtp.close();
  process.exit(code);
};
// The demo without its receiver would show sends failing for no visible reason: stop both.
receiver.on('exit', (code) => {
  if (!stopping) console.error(`the receiver stopped (exit ${code}); stopping the demo`);
  void stop(code ?? 1);
});
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
