import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  // check-migrations points this at a scratch copy to detect drift.
  out: process.env.DRIZZLE_OUT ?? './drizzle',
});
