import type { Actor } from '../../kernel/actor.ts';
import {
  DIAGNOSTIC_SECTIONS,
  type DiagnosticSection,
  type SectionVoice,
  type TDiagnosticContent,
  type TSectionAuthorship,
} from '../../shared/contracts/diagnostics.ts';

/** Key order does not matter when comparing a section before and after a save. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const changedSections = (before: TDiagnosticContent, after: TDiagnosticContent): DiagnosticSection[] =>
  DIAGNOSTIC_SECTIONS.filter((s) => canonical(before[s]) !== canonical(after[s]));

/**
 * Stamps the author of every section this save changed: the writer, their organisation, and the
 * voice — the household's own words when the writer says so, else the writer's organisation type.
 */
export function stampAuthorship(input: {
  previous: TSectionAuthorship;
  sections: readonly DiagnosticSection[];
  householdVoice: readonly DiagnosticSection[];
  actor: Actor;
  at: Date;
}): TSectionAuthorship {
  const next: TSectionAuthorship = { ...input.previous };
  const orgVoice: SectionVoice = input.actor.organisationType === 'landlord' ? 'landlord' : 'association';
  for (const section of input.sections) {
    next[section] = {
      userId: input.actor.userId,
      userName: input.actor.fullName,
      organisationId: input.actor.organisationId,
      organisationName: input.actor.organisationName,
      voice: input.householdVoice.includes(section) ? 'household' : orgVoice,
      writtenAt: input.at.toISOString(),
    };
  }
  return next;
}
