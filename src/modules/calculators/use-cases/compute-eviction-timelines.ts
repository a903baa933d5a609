import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { AppError, type FieldErrors } from '../../../kernel/errors.ts';
import {
  ZEvictionTimelineInput,
  type TEvictionTimelineRequest,
  type TEvictionTimelineResult,
  type TItemError,
} from '../../../shared/contracts/calculators.ts';
import { evictionTimeline } from '../../../shared/calculators/eviction-timeline.ts';

const INCONSISTENT = 'Les dates données ne se suivent pas comme la procédure le veut.';

/** One timeline; an inconsistent request (dates out of order) is refused (422) field by field. */
export function computeEvictionTimeline(
  _ctx: Context<Actor | null>,
  input: TEvictionTimelineRequest,
): Promise<TEvictionTimelineResult> {
  const outcome = evictionTimeline(input);
  if (!outcome.ok) throw new AppError('INCONSISTENT_INPUT', INCONSISTENT, outcome.fields);
  return Promise.resolve(outcome.result);
}

/**
 * Timelines in input order; nothing is read or stored. Each item is validated on its own, so that a
 * malformed (VALIDATION_FAILED) or inconsistent (INCONSISTENT_INPUT) one answers its error in its place.
 */
export function computeEvictionTimelines(
  _ctx: Context<Actor | null>,
  items: readonly unknown[],
): Promise<(TEvictionTimelineResult | TItemError)[]> {
  return Promise.resolve(
    items.map((item) => {
      const parsed = ZEvictionTimelineInput.safeParse(item);
      if (!parsed.success) {
        const fields: FieldErrors = {};
        for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
        return { error: { code: 'VALIDATION_FAILED', message: 'Certains champs sont invalides.', fields } };
      }
      const outcome = evictionTimeline(parsed.data);
      return outcome.ok
        ? outcome.result
        : { error: { code: 'INCONSISTENT_INPUT', message: INCONSISTENT, fields: outcome.fields } };
    }),
  );
}
