/**
 * The rules of a support-measure scheme (AVDL, FSL accès or maintien, ASLL…) and the checks a measure
 * must pass against them: planned end, renewals, total duration, eligibility criteria, sequencing.
 * Pure: the scheme catalogue is dated data kept per territory and funder; these functions take the
 * version in force for a measure. Dates are calendar days (YYYY-MM-DD), with no time zone.
 */
export interface SchemeRules {
  /** Months of a first prescription. */
  initialMonths: number;
  /** Months each renewal adds. */
  renewalMonths: number;
  /** Renewals allowed; null: as many as the committee decides. */
  maxRenewals: number | null;
  /** Longest total, renewals included; null: no limit. */
  maxTotalMonths: number | null;
  /** Eligibility by criteria: at least `min` of `among` (e.g. FSL « mesures spécifiques »: 4). */
  criteria: { min: number; among: readonly string[] } | null;
  /**
   * A measure that follows one of these schemes (ongoing at its start, or ended less than
   * `withinMonths` before) needs the State's explicit validation (an AVDL after an FSL measure).
   */
  validationAfter: { schemes: readonly string[]; withinMonths: number } | null;
}

export type SchemeRule =
  'initial_months' | 'max_renewals' | 'max_total_months' | 'min_criteria' | 'state_validation';

/** A rule a measure breaks, named, with the French sentence shown to the user. */
export interface SchemeRuleBreak {
  rule: SchemeRule;
  message: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The day `months` calendar months after (or, negative, before) `isoDate`, as French law counts a
 * delay in months (code de procédure civile, art. 641): the same day of the month, or the last day
 * of the month when it has no such day (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(isoDate: string, months: number): string {
  const m = DAY.exec(isoDate);
  if (!m || !Number.isInteger(months))
    throw new Error(`Date ou nombre de mois invalide : ${isoDate}, ${months}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** When a period of `months` that starts on `start` ends (see addMonths). */
export const plannedEnd = (start: string, months: number): string => addMonths(start, months);

/** A first period may be calibrated shorter than the scheme's, never longer. */
export function initialMonthsBreak(rules: SchemeRules, months: number): SchemeRuleBreak | null {
  if (months <= rules.initialMonths) return null;
  return {
    rule: 'initial_months',
    message: `Ce dispositif se prescrit pour ${rules.initialMonths} mois au plus : ${months} mois sont demandés.`,
  };
}

const times = (n: number) => (n === 1 ? 'une fois' : `${n} fois`);

/**
 * Whether a measure that has had `renewals` renewals, for `months` months in all, may be renewed for
 * `extraMonths` more; the first rule it would break otherwise.
 */
export function renewalBreak(
  rules: SchemeRules,
  measure: { renewals: number; months: number },
  extraMonths: number = rules.renewalMonths,
): SchemeRuleBreak | null {
  if (rules.maxRenewals !== null && measure.renewals >= rules.maxRenewals) {
    return {
      rule: 'max_renewals',
      message:
        rules.maxRenewals === 0
          ? 'Ce dispositif ne se renouvelle pas.'
          : `Ce dispositif se renouvelle au plus ${times(rules.maxRenewals)} : la mesure l’a déjà été ${times(measure.renewals)}.`,
    };
  }
  if (rules.maxTotalMonths !== null && measure.months + extraMonths > rules.maxTotalMonths) {
    return {
      rule: 'max_total_months',
      message: `La durée totale de ce dispositif est limitée à ${rules.maxTotalMonths} mois : ce renouvellement la porterait à ${measure.months + extraMonths} mois.`,
    };
  }
  return null;
}

/** Whether the criteria the household meets are enough for the scheme (only those it lists count). */
export function criteriaBreak(rules: SchemeRules, met: readonly string[]): SchemeRuleBreak | null {
  if (!rules.criteria) return null;
  const among = new Set(rules.criteria.among);
  const count = new Set(met.filter((c) => among.has(c))).size;
  if (count >= rules.criteria.min) return null;
  return {
    rule: 'min_criteria',
    message: `Ce dispositif demande au moins ${rules.criteria.min} des critères listés : ${count === 0 ? 'aucun n’est retenu' : count === 1 ? 'un seul est retenu' : `${count} sont retenus`}.`,
  };
}

/**
 * Whether a measure starting on `start` follows one of the schemes after which the State must
 * validate it explicitly: one of the household's measures of those schemes is ongoing then, or ended
 * less than `withinMonths` before.
 */
export function needsStateValidation(
  rules: SchemeRules,
  previous: readonly { scheme: string; endedOn: string | null }[],
  start: string,
): boolean {
  const after = rules.validationAfter;
  if (!after) return false;
  const since = addMonths(start, -after.withinMonths);
  return previous.some((p) => after.schemes.includes(p.scheme) && (p.endedOn === null || p.endedOn > since));
}

/** The sequencing rule as a refusal, for a measure submitted without the State's validation. */
export function sequencingBreak(
  rules: SchemeRules,
  previous: readonly { scheme: string; endedOn: string | null }[],
  start: string,
  stateValidated: boolean,
): SchemeRuleBreak | null {
  if (stateValidated || !needsStateValidation(rules, previous, start)) return null;
  return {
    rule: 'state_validation',
    message:
      'Cette mesure suit de près une mesure d’un dispositif après lequel l’État doit la valider explicitement : joignez sa validation.',
  };
}
