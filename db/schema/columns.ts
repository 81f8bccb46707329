import { timestamp } from 'drizzle-orm/pg-core';

/** Every table carries these two; `updatedAt` is bumped by the DAL on each write. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};
