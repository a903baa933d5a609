/**
 * When a recorded basis of access (a household party, or the consent behind one) grants access:
 * not ended, and the Paris calendar day within its validity. Expiry is read at the time of the
 * check, so an expired consent stops granting access the day after its last day without any job.
 * The SQL form of this rule (households module, access guard) is proved equal to it by a property
 * test on random rows and days.
 */
export interface BasisValidity {
  /** When the basis was ended (consent revoked, referral closed, tenancy over); null while it runs. */
  endedAt: Date | string | null;
  /** First and last calendar days (YYYY-MM-DD) of a consent's validity; null = unbounded. */
  validFrom: string | null;
  validUntil: string | null;
}

export const basisIsCurrentOn = (basis: BasisValidity, day: string): boolean =>
  basis.endedAt === null &&
  (basis.validFrom === null || basis.validFrom <= day) &&
  (basis.validUntil === null || basis.validUntil >= day);
