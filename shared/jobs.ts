import { z } from 'zod';

const epochMillis = z.number().int().nonnegative();

export const JOB_KINDS = ['export', 'import', 'compact'] as const;
export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;

export const JobIdSchema = z.uuid();

/** Long work in the core (an export, an import, a compaction), with its progress. */
export const JobSchema = z.object({
  id: JobIdSchema,
  kind: z.enum(JOB_KINDS),
  /** What the analyst asked for, in their words: "Export GeoJSON, 06:00–07:00Z". */
  label: z.string(),
  state: z.enum(JOB_STATES),
  done: z.number().int().nonnegative(),
  /** Null while the total is not known. */
  total: z.number().int().nonnegative().nullable(),
  startedAt: epochMillis,
  finishedAt: epochMillis.nullable(),
  /** How it ended, in a sentence, or what it is doing now. */
  message: z.string().nullable(),
  /** The file an export wrote, by name in the exports folder, once it is done. */
  file: z.object({ name: z.string(), bytes: z.number().int().nonnegative() }).nullable(),
});
export type Job = z.infer<typeof JobSchema>;
