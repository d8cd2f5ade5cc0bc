import { defineConfig } from 'prisma/config'

// The app chooses its database adapter at run time (app/utils/db.server.ts);
// this URL only matters to Prisma's own CLI on machines where its engine exists.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/palvelutori' },
})
