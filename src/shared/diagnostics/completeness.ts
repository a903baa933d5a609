import type { TDiagnosticContent } from '../contracts/diagnostics.ts';

type Rule = { path: string; message: string; missing: (c: TDiagnosticContent) => boolean };

const blank = (v: string | undefined) => v === undefined || v.trim() === '';

/**
 * What must be filled before the diagnostic is explained to the household (brique 1.2). Drafts
 * may be saved without them (autosave); presenting checks them all and names each missing field.
 */
const REQUIRED: readonly Rule[] = [
  {
    path: 'familySituation.adults',
    message: 'Indiquez le nombre d’adultes du ménage.',
    missing: (c) => c.familySituation?.adults === undefined,
  },
  {
    path: 'familySituation.children',
    message: 'Indiquez le nombre d’enfants (0 s’il n’y en a pas).',
    missing: (c) => c.familySituation?.children === undefined,
  },
  {
    path: 'administrative.identityPapersValid',
    message: 'Précisez si les pièces d’identité sont valides.',
    missing: (c) => c.administrative?.identityPapersValid === undefined,
  },
  {
    path: 'employment.status',
    message: 'Précisez la situation professionnelle.',
    missing: (c) => c.employment?.status === undefined,
  },
  {
    path: 'currentDwelling.hasDwelling',
    message: 'Précisez si le ménage a un logement.',
    missing: (c) => c.currentDwelling?.hasDwelling === undefined,
  },
  {
    path: 'currentDwelling.status',
    message: 'Précisez le statut d’occupation du logement actuel.',
    missing: (c) => c.currentDwelling?.hasDwelling === true && c.currentDwelling.status === undefined,
  },
  {
    path: 'currentDwelling.withoutHousingSince',
    message: 'Indiquez depuis quand le ménage est sans logement.',
    missing: (c) =>
      c.currentDwelling?.hasDwelling === false && c.currentDwelling.withoutHousingSince === undefined,
  },
  {
    path: 'residentialProject.housingType',
    message: 'Précisez le type de logement visé par le projet.',
    missing: (c) => c.residentialProject?.housingType === undefined,
  },
  {
    path: 'needsAndExpectations.inHouseholdWords',
    message: 'Notez les besoins et attentes avec les mots du ménage.',
    missing: (c) => blank(c.needsAndExpectations?.inHouseholdWords),
  },
  {
    path: 'conclusion.needVsMarket',
    message: 'Concluez sur le besoin au regard du marché local.',
    missing: (c) => blank(c.conclusion?.needVsMarket),
  },
  {
    path: 'conclusion.tactic',
    message: 'Décrivez la tactique pour atteindre l’objectif.',
    missing: (c) => blank(c.conclusion?.tactic),
  },
  {
    path: 'conclusion.capacityToActAlone',
    message: 'Évaluez la capacité du ménage à mener seul les démarches.',
    missing: (c) => c.conclusion?.capacityToActAlone === undefined,
  },
];

/** Missing required fields, as field path → French message (empty when presentable). */
export function missingForPresentation(content: TDiagnosticContent): Record<string, string> {
  return Object.fromEntries(
    REQUIRED.filter((r) => r.missing(content)).map((r) => [`content.${r.path}`, r.message]),
  );
}
