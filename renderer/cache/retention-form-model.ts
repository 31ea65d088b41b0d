import { RetentionSettingsSchema, type RetentionSettings } from '../../shared/config';

/** Retention as typed: hours, and the size limit in gigabytes (1 GB = 10⁹ bytes, as disks are sold). */
export interface RetentionFields {
  readonly maxAgeHours: string;
  readonly maxGigabytes: string;
}

const BYTES_PER_GB = 1e9;

export function retentionFieldsOf(settings: RetentionSettings): RetentionFields {
  return { maxAgeHours: String(settings.maxAgeHours), maxGigabytes: String(Number((settings.maxBytes / BYTES_PER_GB).toFixed(3))) };
}

export type RetentionOutcome = { readonly ok: true; readonly settings: RetentionSettings } | { readonly ok: false; readonly problem: string };

export function retentionOf(fields: RetentionFields): RetentionOutcome {
  const hours = Number(fields.maxAgeHours);
  const gigabytes = Number(fields.maxGigabytes);
  if (fields.maxAgeHours.trim() === '' || !Number.isFinite(hours)) return { ok: false, problem: 'Type how many hours the cache keeps, such as 168 for a week.' };
  if (fields.maxGigabytes.trim() === '' || !Number.isFinite(gigabytes)) return { ok: false, problem: 'Type the most the cache may hold in GB, such as 4.' };
  const parsed = RetentionSettingsSchema.safeParse({ maxAgeHours: hours, maxBytes: Math.round(gigabytes * BYTES_PER_GB) });
  if (!parsed.success) return { ok: false, problem: 'Keep at least a moment of data and at least 0.017 GB (16 MiB), and at most ten years.' };
  return { ok: true, settings: parsed.data };
}
