// npm run jobs:document-watch: runs the document watch once (expiry reminders, lapsed-document flags) and prints
// what it did. The running app does the same every hour; both together are safe (see runDocumentWatch). With the
// embedded database, stop the app first: the database belongs to one process (the lock file says so and stops here).
import { runDocumentWatch } from '../app/modules/document-watch/service.server'
import { database } from '../app/utils/db.server'

async function main() {
  const db = database()
  try {
    const summary = await runDocumentWatch(new Date())
    console.log(
      [
        'Document watch done.',
        `  expiry reminders sent: ${summary.remindersSent} (${summary.emailsQueued} email(s) queued)`,
        `  register entries flagged (required document lapsed): ${summary.entriesFlagged}`,
        `  register entries cleared (documents in order again): ${summary.entriesCleared}`,
      ].join('\n'),
    )
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
