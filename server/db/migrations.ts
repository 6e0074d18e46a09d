import {Migrator, type Kysely, type Migration, type MigrationProvider} from 'kysely';

/**
 * Versioned migrations, run at start. Kysely's migrator records them in `kysely_migration` and
 * takes a lock first (an advisory lock on PostgreSQL), so several receivers starting together
 * migrate once. A released migration is never edited: add the next one.
 */
const migrations: Record<string, Migration> = {
  '001-submissions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('submissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('review_reason', 'text')
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('message_locale', 'text', (c) => c.notNull())
        .addColumn('ref', 'text')
        .addColumn('utm', 'text')
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('consent', 'integer', (c) => c.notNull())
        .addColumn('supporter_name', 'text')
        .addColumn('supporter_email', 'text')
        .addColumn('supporter_postal_code', 'text')
        .addColumn('message_to', 'text')
        .addColumn('message_subject', 'text')
        .addColumn('message_body', 'text')
        .addColumn('source_url', 'text')
        .addColumn('referrer', 'text')
        .addColumn('personal_removed_at', 'text')
        .addColumn('personal_removed_why', 'text')
        .execute();
      await db.schema.createIndex('submissions_campaign_received').on('submissions').columns(['campaign_id', 'received_at']).execute();
      await db.schema.createIndex('submissions_email').on('submissions').column('supporter_email').execute();
      await db.schema.createIndex('submissions_received').on('submissions').column('received_at').execute();

      await db.schema
        .createTable('submission_picks')
        .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('recommendation_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('submission_picks_pk', ['submission_id', 'recommendation_id'])
        .execute();
      await db.schema.createIndex('submission_picks_campaign').on('submission_picks').columns(['campaign_id', 'recommendation_id']).execute();

      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('window', 'integer', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window'])
        .execute();
      await db.schema.createIndex('rate_limits_expires').on('rate_limits').column('expires_at').execute();
    },
  },
  '002-delivery': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('emails')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('submission_id', 'text', (c) => c.references('submissions.id').onDelete('cascade'))
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('lease_until', 'text')
        .addColumn('lease_owner', 'text')
        .addColumn('last_error', 'text')
        .addColumn('give_up_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('emails_due').on('emails').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('emails_to_sent').on('emails').columns(['to_address', 'sent_at']).execute();

      await db.schema
        .createTable('deliveries')
        .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
        .addColumn('official_email', 'text', (c) => c.notNull())
        .addColumn('official_name', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('email_id', 'text', (c) => c.references('emails.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('deliveries_pk', ['submission_id', 'official_email'])
        .execute();
      await db.schema.createIndex('deliveries_ready').on('deliveries').columns(['campaign_id', 'official_email', 'state']).execute();
      await db.schema.createIndex('deliveries_email').on('deliveries').column('email_id').execute();

      await db.schema
        .createTable('confirmations')
        .addColumn('submission_id', 'text', (c) => c.primaryKey().references('submissions.id').onDelete('cascade'))
        .addColumn('token', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('reminded_at', 'text')
        .addColumn('confirmed_at', 'text')
        .execute();

      await db.schema
        .createTable('digests')
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('official_email', 'text', (c) => c.notNull())
        .addColumn('last_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('digests_pk', ['campaign_id', 'official_email'])
        .execute();
    },
  },
  '003-sending-at': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('emails').addColumn('sending_at', 'text').execute();
    },
  },
};

const provider: MigrationProvider = {getMigrations: async () => migrations};

export async function migrate(db: Kysely<unknown>): Promise<void> {
  const {error, results} = await new Migrator({db, provider}).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error ?? 'unknown error')}`);
}
