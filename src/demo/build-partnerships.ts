import type { dwellingRents, dwellings } from '../modules/dwellings/schema.ts';
import type { housingAidEvents, housingAids } from '../modules/housing-aids/schema.ts';
import type {
  conventionAmendments,
  conventionDwellings,
  partnershipConventions,
} from '../modules/partnerships/schema.ts';
import { referentielInForce } from '../modules/referentiel/index.ts';
import type { AidStatus } from '../shared/contracts/housing-aids.ts';
import { addDays, parisDate } from '../shared/time.ts';
import { cents, daysAgo } from './dates.ts';
import { stableId } from './ids.ts';
import {
  DEMO_USERS,
  communeByKey,
  managementUnitId,
  organisationId,
  territoryId,
  userId,
} from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface PartnershipDemoRows {
  conventionDwellingRows: Row<typeof dwellings>[];
  conventionDwellingRents: Row<typeof dwellingRents>[];
  partnershipConventions: Row<typeof partnershipConventions>[];
  conventionDwellings: Row<typeof conventionDwellings>[];
  conventionAmendments: Row<typeof conventionAmendments>[];
  housingAids: Row<typeof housingAids>[];
  housingAidEvents: Row<typeof housingAidEvents>[];
}

/** Habitat Brenne's dwellings made available to Le Passage (fiche-action 10): sublets, a bail glissant, GLA. */
const MADE_AVAILABLE = [
  {
    key: 'siam',
    address: '3 rue de Siam, 00100 Saint-Aubin-sur-Brenne',
    kind: 'sublease',
    monthsAgo: 14,
    gla: true,
    rent: 385,
  },
  {
    key: 'lilas',
    address: '12 allée des Lilas, 00100 Saint-Aubin-sur-Brenne',
    kind: 'bail_glissant',
    monthsAgo: 9,
    gla: false,
    rent: 410,
  },
  {
    key: 'moulin',
    address: '7 chemin du Moulin, 00110 Montreval-la-Rivière',
    kind: 'sublease',
    monthsAgo: 3,
    gla: true,
    rent: 360,
  },
] as const;

/** Aids of the demo's tenants of Habitat Brenne, in every state, paid to the landlord. */
const AIDS = [
  {
    kind: 'fsl_maintien',
    form: 'grant',
    funder: 'FSL du Val-de-Brenne',
    asked: 850,
    status: 'paid',
    granted: 700,
    paid: 700,
    ago: 60,
  },
  {
    kind: 'aide_sur_quittance',
    form: 'grant',
    funder: 'Fondation Brenne Solidarité (mécénat)',
    asked: 360,
    status: 'granted',
    granted: 360,
    paid: 0,
    ago: 20,
    months: 3,
  },
  {
    kind: 'loca_pass',
    form: 'loan',
    funder: 'Action Logement',
    asked: 800,
    status: 'requested',
    granted: null,
    paid: 0,
    ago: 8,
  },
  {
    kind: 'small_grant',
    form: 'grant',
    funder: 'CCAS de Saint-Aubin',
    asked: 300,
    status: 'refused',
    granted: null,
    paid: 0,
    ago: 45,
  },
] as const;

/** The convention between Habitat Brenne and Le Passage, its dwellings, and a few aids of followed tenants. */
export function buildPartnershipRows(now: Date, tenantHouseholdIds: readonly string[]): PartnershipDemoRows {
  const today = parisDate(now);
  const landlord = organisationId('habitat');
  const association = organisationId('passage');
  const caseworker = DEMO_USERS.find((u) => u.org === 'passage' && u.role === 'caseworker')!;
  const conventionId = stableId('convention:habitat-passage');
  const startOn = `${Number(today.slice(0, 4)) - 1}-01-01`;
  // Amendment n° 1, from this year's 1 January: the fee raised from 300 € to 330 € and a commitment added.
  const amendedOn = `${today.slice(0, 4)}-01-01`;
  const signedCommitments = [
    'Un référent unique de l’association pour le parc mis à disposition',
    'Visite à domicile au moins une fois par trimestre',
    'Demandes de glissement de bail instruites en toute transparence avec le bailleur',
    'Bilan annuel quantitatif et qualitatif',
  ];
  const commitments = [
    ...signedCommitments,
    'Point trimestriel avec le chargé de gestion locative du bailleur',
  ];
  const rows: PartnershipDemoRows = {
    conventionDwellingRows: [],
    conventionDwellingRents: [],
    partnershipConventions: [
      {
        id: conventionId,
        landlordOrganisationId: landlord,
        associationOrganisationId: association,
        title: 'Sous-location, baux glissants et gestion locative adaptée',
        startOn,
        endOn: `${Number(today.slice(0, 4)) + 1}-12-31`,
        feeMode: 'per_dwelling_year',
        feePerDwellingYearCents: cents(330),
        commitments,
        referentielVersion: referentielInForce(startOn).version,
        briques: ['3.2', '3.3', '3.4'],
        createdByUserId: userId('habitat-admin'),
        createdAt: new Date(`${startOn}T09:00:00Z`),
      },
    ],
    conventionDwellings: [],
    conventionAmendments: [
      {
        id: stableId('convention-amendment:habitat-passage:1'),
        conventionId,
        number: 1,
        effectiveOn: amendedOn,
        changes: {
          fee: {
            before: { mode: 'per_dwelling_year', perDwellingYearCents: cents(300) },
            after: { mode: 'per_dwelling_year', perDwellingYearCents: cents(330) },
          },
          commitments: { before: signedCommitments, after: commitments },
        },
        createdByUserId: userId('habitat-admin'),
        createdAt: new Date(`${addDays(amendedOn, -20)}T10:00:00Z`),
      },
    ],
    housingAids: [],
    housingAidEvents: [],
  };
  for (const d of MADE_AVAILABLE) {
    const dwellingId = stableId(`dwelling:convention:${d.key}`);
    const from = parisDate(daysAgo(now, d.monthsAgo * 30));
    const at = new Date(`${from}T09:00:00Z`);
    rows.conventionDwellingRows.push({
      id: dwellingId,
      address: d.address,
      communeId: territoryId(
        communeByKey(d.address.includes('Montreval') ? 'montreval' : 'saint-aubin').code,
      ),
      landlordOrganisationId: landlord,
      managementUnitId: managementUnitId(d.address.includes('Montreval') ? 'rive-nord' : 'centre'),
      typology: 't2',
      surfaceM2: 46,
      externalReference: `HB-CONV-${d.key.toUpperCase()}`,
      status: 'made_available',
      createdAt: at,
      updatedAt: at,
    });
    rows.conventionDwellingRents.push({
      id: stableId(`dwelling-rent:convention:${d.key}`),
      dwellingId,
      effectiveFrom: from < startOn ? from : startOn,
      monthlyRentCents: cents(d.rent),
      monthlyChargesCents: cents(55),
    });
    rows.conventionDwellings.push({
      id: stableId(`convention-dwelling:${d.key}`),
      conventionId,
      dwellingId,
      occupancyKind: d.kind,
      availableFrom: from < startOn ? startOn : from,
      gla: d.gla,
      createdByUserId: userId('habitat-admin'),
      createdAt: at,
    });
  }
  AIDS.forEach((a, i) => {
    const householdId = tenantHouseholdIds[i % tenantHouseholdIds.length];
    if (!householdId) return;
    const id = stableId(`housing-aid:${i}`);
    const requestedOn = parisDate(daysAgo(now, a.ago));
    const decidedOn = a.status === 'requested' ? null : addDays(requestedOn, 10);
    const paidOn = a.paid > 0 ? addDays(requestedOn, 15) : null;
    const at = daysAgo(now, a.ago);
    rows.housingAids.push({
      id,
      householdId,
      kind: a.kind,
      form: a.form,
      funderName: a.funder,
      payee: 'landlord',
      payeeOrganisationId: landlord,
      status: a.status,
      requestedOn,
      amountRequestedCents: cents(a.asked),
      decidedOn,
      amountGrantedCents: a.granted === null ? null : cents(a.granted),
      refusalReason: a.status === 'refused' ? 'Ressources au-dessus du plafond de l’aide.' : null,
      amountPaidCents: cents(a.paid),
      lastPaidOn: paidOn,
      months: 'months' in a ? a.months : null,
      createdByUserId: userId(caseworker.key),
      createdAt: at,
      updatedAt: at,
    });
    const event = (status: AidStatus, occurredOn: string, amount: number | null, n: number) =>
      rows.housingAidEvents.push({
        id: stableId(`housing-aid-event:${i}:${n}`),
        aidId: id,
        status,
        occurredOn,
        amountCents: amount === null ? null : cents(amount),
        note: status === 'refused' ? 'Ressources au-dessus du plafond de l’aide.' : null,
        recordedByUserId: userId(caseworker.key),
        recordedAt: at,
      });
    event('requested', requestedOn, a.asked, 0);
    if (decidedOn) event(a.status === 'refused' ? 'refused' : 'granted', decidedOn, a.granted, 1);
    if (paidOn) event('paid', paidOn, a.paid, 2);
  });
  return rows;
}
