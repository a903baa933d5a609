import { OCCUPANCY_LABELS, SCHEME_KIND_LABELS } from '../contracts/measures.ts';
import {
  VISIT_PLACE_LABELS,
  type TContractSignature,
  type TContractTerms,
  type TModalities,
} from '../contracts/support-contracts.ts';
import { formatDate } from '../format.ts';

/** The contract in words, one text for the web page and the PDF. */

const months = (n: number) => `${n} mois`;

function duration(t: TContractTerms): string {
  const span =
    t.startOn && t.plannedEndOn ? ` (du ${formatDate(t.startOn)} au ${formatDate(t.plannedEndOn)})` : '';
  const total =
    t.totalMonths > t.initialMonths ? `, ${months(t.totalMonths)} au total avec les renouvellements` : '';
  return `${months(t.initialMonths)}${span}${total}`;
}

/** What the contract states of the measure, the people and the dwelling: « label — value » rows. */
export function termRows(t: TContractTerms): { label: string; value: string }[] {
  return [
    { label: 'Mesure', value: `${t.schemeName} — ${SCHEME_KIND_LABELS[t.schemeKind]}` },
    { label: 'Durée', value: duration(t) },
    { label: 'Financement', value: t.funderName },
    { label: 'Association', value: t.operatorName },
    { label: 'Travailleur social référent', value: t.caseworkerName ?? 'À désigner' },
    { label: 'Logement', value: t.dwellingAddress ?? 'Pas encore connu' },
    { label: 'Bailleur', value: t.landlordName ?? 'Pas encore connu' },
    {
      label: 'Statut d’occupation préconisé',
      value: t.occupancy ? OCCUPANCY_LABELS[t.occupancy] : 'Non précisé',
    },
    {
      label: 'Diagnostic',
      value: t.diagnostic
        ? `Diagnostic partagé approuvé par le ménage le ${formatDate(t.diagnostic.approvedOn)} (version ${t.diagnostic.version})`
        : 'Aucun diagnostic approuvé',
    },
  ];
}

export function modalitiesText(m: TModalities): string[] {
  return [
    `${m.visitsPerMonth} rencontre${m.visitsPerMonth > 1 ? 's' : ''} par mois, ${VISIT_PLACE_LABELS[m.place].toLowerCase()}.`,
    m.monthlyReview
      ? 'Un point mensuel sur le contrat avec le ménage.'
      : 'Pas de point mensuel prévu sur le contrat.',
  ];
}

/** How a party signed, in one sentence (the drawn image is shown beside it). */
export function signatureText(s: TContractSignature): string {
  const on = formatDate(s.signedAt);
  if (s.method === 'typed')
    return `Signé par ${s.signerName} le ${on} devant ${s.witnessName ?? 'un témoin'}`;
  if (s.method === 'drawn')
    return `Signé sur tablette par ${s.signerName} le ${on}${s.witnessName ? ` devant ${s.witnessName}` : ''}`;
  return `Signé dans Relais par ${s.signerName}${s.organisationName ? ` (${s.organisationName})` : ''} le ${on}`;
}
