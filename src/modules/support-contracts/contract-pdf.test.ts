import { describe, expect, it } from 'vitest';
import type { TContractVersion } from '../../shared/contracts/support-contracts.ts';
import { contractPdfDefinition } from './contract-pdf.ts';

/** 23:30 UTC on 5 December is already 6 December in Paris (UTC+1 in winter). */
const LATE_EVENING = '2026-12-05T23:30:00.000Z';

const version: TContractVersion = {
  number: 2,
  status: 'signing',
  terms: {
    fileLabel: 'M-000001',
    householdName: 'Hélène Dupré',
    schemeName: 'ASLL maintien',
    schemeKind: 'maintenance',
    funderName: 'Conseil départemental',
    operatorName: 'Le Passage',
    caseworkerName: 'Camille Roussel',
    initialMonths: 12,
    totalMonths: 12,
    startOn: '2026-03-10',
    plannedEndOn: '2027-03-09',
    dwellingAddress: '4 rue des Ormes, 00200 Castelbrenne',
    landlordName: 'Habitat Lanne',
    landlordOrganisationId: '00000000-0000-4000-8000-000000000003',
    occupancy: 'direct_lease_with_support',
    diagnostic: { version: 1, approvedOn: '2026-03-01' },
    referentielVersion: '2011-01',
  },
  objectives: [
    {
      title: 'Ouvrir les droits à l’aide au logement',
      indicator: 'Notification de la CAF reçue',
      targetDate: '2026-06-30',
      briques: [{ code: '2.3', label: '2.3 — Aide aux premiers pas dans le logement' }],
    },
  ],
  briques: [{ code: '2.3', label: '2.3 — Aide aux premiers pas dans le logement' }],
  commitments: {
    household: ['Payer la part de loyer restant à charge.'],
    landlord: ['Prévenir l’association dès le premier impayé.'],
    association: ['Rencontrer le ménage chaque mois.'],
  },
  modalities: { visitsPerMonth: 2, place: 'home', monthlyReview: true },
  clauses: [],
  requiredSignatories: ['household', 'association', 'landlord'],
  signatures: [
    {
      party: 'household',
      method: 'typed',
      signerName: 'Hélène Dupré',
      organisationName: null,
      witnessName: 'Camille Roussel',
      signedAt: LATE_EVENING,
      signaturePng: null,
    },
  ],
  createdAt: LATE_EVENING,
  inForceAt: null,
  replacedAt: null,
};

describe('support contract PDF', () => {
  const text = JSON.stringify(contractPdfDefinition(version, new Date(LATE_EVENING)));

  it('states the measure, its duration and funding, the référent, the dwelling and the occupancy', () => {
    expect(text).toContain('ASLL maintien — Maintien dans le logement');
    expect(text).toContain('12 mois (du 10/03/2026 au 09/03/2027)');
    expect(text).toContain('Conseil départemental');
    expect(text).toContain('Camille Roussel');
    expect(text).toContain('4 rue des Ormes, 00200 Castelbrenne');
    expect(text).toContain('Bail direct avec accompagnement');
    expect(text).toContain('Dossier M-000001 · version 2 · En signature · édité le 06/12/2026');
  });

  it('lists the objectives with their indicator, target date and briques', () => {
    expect(text).toContain('Ouvrir les droits à l’aide au logement');
    expect(text).toContain('Notification de la CAF reçue');
    expect(text).toContain('30/06/2026');
    expect(text).toContain('2.3 — Aide aux premiers pas dans le logement');
    expect(text).toContain('2 rencontres par mois, à domicile.');
  });

  it('prints who signed, on the Paris day, before whom, and leaves room for the others', () => {
    expect(text).toContain('Signé par Hélène Dupré le 06/12/2026 devant Camille Roussel');
    expect(text.match(/Signature :/g)).toHaveLength(2);
  });

  it('leaves the household’s objectives and commitments out of a landlord’s copy', () => {
    const { objectives: _o, ...rest } = version;
    const landlordCopy = JSON.stringify(
      contractPdfDefinition(
        { ...rest, commitments: { landlord: version.commitments.landlord, association: [] } },
        new Date(LATE_EVENING),
      ),
    );
    expect(landlordCopy).not.toContain('Notification de la CAF');
    expect(landlordCopy).not.toContain('part de loyer');
    expect(landlordCopy).toContain('figurent dans l’exemplaire du ménage et de l’association');
    expect(landlordCopy).toContain('2.3 — Aide aux premiers pas dans le logement');
  });
});
