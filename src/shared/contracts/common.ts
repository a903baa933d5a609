import { z } from 'zod';
import './zod-french.ts';

/** The error body of every endpoint (see src/kernel/http.ts). */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const ZId = z.guid({ message: 'Identifiant invalide.' });
export const ZIdParams = z.object({ id: ZId });

/** An ISO calendar date, YYYY-MM-DD. */
/** A text the user must fill in, trimmed, with the French message of an empty one. */
export const requiredText = (max: number, required: string) =>
  z
    .string({ message: required })
    .trim()
    .min(1, { message: required })
    .max(max, { message: `${max} caractères au plus.` });

/** The version of a record its writer read (optimistic concurrency). */
export const ZRowVersion = z.number({ message: 'Version attendue.' }).int().min(1).max(2_147_483_647);

/** A list of at most `max` items (`what` names them in the message), empty by default. */
export const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z
    .array(item, { message: 'Liste attendue.' })
    .max(max, { message: `${max} ${what} au plus.` })
    .default([]);

export const ZIsoDate = z.iso.date({ message: 'Date invalide (AAAA-MM-JJ).' });

export const ZPaging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TPaging = z.infer<typeof ZPaging>;

export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** Money crosses the API in integer cents. */
export const ZCents = z
  .number({ message: 'Montant invalide.' })
  .int({ message: 'Montant en centimes entiers attendu.' })
  .min(0, { message: 'Le montant ne peut pas être négatif.' })
  .max(100_000_000, { message: 'Montant invraisemblable.' });

export const ZHealth = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  migration: z.string(),
  version: z.string(),
});
