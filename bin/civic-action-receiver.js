#!/usr/bin/env node
// The receiver is built to dist/receiver/ by `npm run build`; this file only starts it.
// Its packages (Hono, Kysely, nodemailer, and better-sqlite3 or pg) are optional peer
// dependencies of civic-action, so that sites embedding only the widget do not install them:
// say which are missing rather than print a stack.
let receiver;
try {
  receiver = await import('../dist/receiver/index.js');
} catch (error) {
  const missing = /Cannot find (?:package|module) '([^']+)'/.exec(error?.message ?? '')?.[1];
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !missing || missing.includes('dist/receiver')) throw error;
  process.stderr.write(
    `civic-action-receiver needs the package ${missing}, which is not installed. The receiver's packages:\n` +
      '  npm install hono @hono/node-server kysely nodemailer better-sqlite3   (or pg in place of better-sqlite3)\n' +
      '  npm install-scripts approve better-sqlite3                           (npm 11: lets it build)\n',
  );
  process.exit(2);
}
await receiver.main();
