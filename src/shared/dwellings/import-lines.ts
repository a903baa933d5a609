import type { Typology } from '../contracts/household-enums.ts';
import type {
  DwellingAccessibility,
  DwellingFinancing,
  DwellingStatus,
  LessorKind,
} from '../contracts/housing-stock.ts';
import {
  readAccessibility,
  readDay,
  readDecimal,
  readEuros,
  readFinancing,
  readFloor,
  readLessorKind,
  readSignedEuros,
  readStatus,
  readTypology,
  readYesNo,
  type Read,
} from './import-values.ts';

/**
 * The two files a landlord imports from its management software — its stock (dwellings with their
 * tenants) and its monthly arrears — as Relais fields the user maps the file's columns to, and the pure
 * reading of one line through that mapping. What needs the database (the commune, a contract in force,
 * a duplicate across the whole file) is checked by the import itself.
 */
export const IMPORT_KINDS = ['stock', 'arrears'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  stock: 'Logements et locataires',
  arrears: 'Impayés du mois',
};

export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  /** Words of a column header that suggest this field when no mapping is saved yet. */
  hints: readonly string[];
}

export const STOCK_FIELDS = [
  {
    key: 'reference',
    label: 'Référence du logement',
    required: true,
    hints: ['reference logement', 'ref logement', 'code logement', 'reference'],
  },
  { key: 'address', label: 'Adresse', required: true, hints: ['adresse'] },
  {
    key: 'commune',
    label: 'Commune (code INSEE, code postal ou nom)',
    required: true,
    hints: ['insee', 'commune', 'ville', 'code postal'],
  },
  { key: 'typology', label: 'Typologie', required: false, hints: ['typologie', 'type'] },
  { key: 'surface', label: 'Surface (m²)', required: false, hints: ['surface'] },
  { key: 'floor', label: 'Étage', required: false, hints: ['etage'] },
  { key: 'lift', label: 'Ascenseur', required: false, hints: ['ascenseur'] },
  { key: 'accessibility', label: 'Accessibilité', required: false, hints: ['accessibilite'] },
  { key: 'financing', label: 'Financement', required: false, hints: ['financement'] },
  { key: 'rent', label: 'Loyer mensuel (€)', required: false, hints: ['loyer'] },
  { key: 'charges', label: 'Charges mensuelles (€)', required: false, hints: ['charges'] },
  { key: 'status', label: 'Statut du logement', required: false, hints: ['statut', 'etat'] },
  {
    key: 'tenantReference',
    label: 'Référence du locataire',
    required: false,
    hints: ['reference locataire', 'ref locataire', 'code locataire'],
  },
  {
    key: 'tenantName',
    label: 'Nom du locataire',
    required: false,
    hints: ['nom locataire', 'locataire', 'nom'],
  },
  { key: 'leaseSignedOn', label: 'Bail signé le', required: false, hints: ['signe', 'signature'] },
  { key: 'leaseStartOn', label: 'Début du bail', required: false, hints: ['debut', 'entree'] },
  { key: 'lessorKind', label: 'Type de bailleur', required: false, hints: ['type de bailleur', 'personne'] },
] as const satisfies readonly ImportField[];

export const ARREARS_FIELDS = [
  {
    key: 'tenantReference',
    label: 'Référence du locataire',
    required: true,
    hints: ['reference locataire', 'ref locataire', 'code locataire', 'reference'],
  },
  { key: 'balance', label: 'Solde dû (€)', required: true, hints: ['solde', 'dette', 'montant'] },
  { key: 'asOf', label: 'Solde au', required: true, hints: ['date', 'au'] },
  { key: 'months', label: 'Mois d’impayé', required: false, hints: ['mois'] },
] as const satisfies readonly ImportField[];

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  stock: STOCK_FIELDS,
  arrears: ARREARS_FIELDS,
};

/** Relais field → the file's column (by its header), for the fields the user mapped. */
export type ImportMapping = Record<string, string>;

/** The fields the mapping leaves without a column although they are required, in French. */
export function missingRequired(
  kind: ImportKind,
  mapping: ImportMapping,
  columns: readonly string[],
): string[] {
  return IMPORT_FIELDS[kind]
    .filter((f) => f.required && !(mapping[f.key] && columns.includes(mapping[f.key]!)))
    .map((f) => f.label);
}

/** A first mapping from the headers' words, for a landlord who has none saved. */
export function suggestMapping(kind: ImportKind, columns: readonly string[]): ImportMapping {
  const clean = columns.map((c) =>
    c
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase(),
  );
  const taken = new Set<number>();
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    for (const hint of field.hints) {
      const i = clean.findIndex((c, j) => !taken.has(j) && c.includes(hint));
      if (i >= 0) {
        taken.add(i);
        mapping[field.key] = columns[i]!;
        break;
      }
    }
  }
  return mapping;
}

export interface StockLine {
  reference: string;
  address: string;
  commune: string;
  typology: Typology | null;
  surfaceM2: number | null;
  floor: number | null;
  lift: boolean | null;
  accessibility: DwellingAccessibility | null;
  financing: DwellingFinancing | null;
  rentCents: number | null;
  chargesCents: number | null;
  status: DwellingStatus | null;
  tenant: {
    reference: string;
    name: string | null;
    signedOn: string | null;
    startOn: string;
    lessorKind: LessorKind;
  } | null;
}

export interface ArrearsLine {
  tenantReference: string;
  balanceCents: number;
  asOf: string;
  months: number | null;
}

export type LineResult<T> = { ok: true; line: T } | { ok: false; reasons: string[] };

/** One line's cells by Relais field, through the mapping (a field not mapped reads as empty). */
export function cellsByField(mapping: ImportMapping, columns: readonly string[], cells: readonly string[]) {
  return (key: string): string => {
    const column = mapping[key];
    const i = column === undefined ? -1 : columns.indexOf(column);
    return i < 0 ? '' : (cells[i] ?? '').trim();
  };
}

/** Collects each reader's reason; an empty optional cell is null. */
function collector() {
  const reasons: string[] = [];
  const opt = <T>(raw: string, read: (raw: string) => Read<T>): T | null => {
    if (raw === '') return null;
    const r = read(raw);
    if (r.ok) return r.value;
    reasons.push(r.reason);
    return null;
  };
  const req = (raw: string, label: string): string => {
    if (raw === '') reasons.push(`${label} : valeur manquante.`);
    return raw;
  };
  return { reasons, opt, req };
}

/** Reads a line of the stock file; the tenant's fields are all-or-none around its reference. */
export function readStockLine(cell: (key: string) => string): LineResult<StockLine> {
  const { reasons, opt, req } = collector();
  const reference = req(cell('reference'), 'Référence du logement');
  const address = req(cell('address'), 'Adresse');
  const commune = req(cell('commune'), 'Commune');
  const surface = opt(cell('surface'), (raw) => {
    const n = readDecimal(raw);
    return n !== null && n > 0 && n < 10_000
      ? { ok: true as const, value: Math.round(n * 10) / 10 }
      : { ok: false as const, reason: `Surface : « ${raw} » n’est pas une surface en m² (ex. 54,5).` };
  });
  const line = {
    reference,
    address,
    commune,
    typology: opt(cell('typology'), readTypology),
    surfaceM2: surface,
    floor: opt(cell('floor'), readFloor),
    lift: opt(cell('lift'), (r) => readYesNo(r, 'Ascenseur')),
    accessibility: opt(cell('accessibility'), readAccessibility),
    financing: opt(cell('financing'), readFinancing),
    rentCents: opt(cell('rent'), (r) => readEuros(r, 'Loyer')),
    chargesCents: opt(cell('charges'), (r) => readEuros(r, 'Charges')),
    status: opt(cell('status'), readStatus),
  };
  const tenantReference = cell('tenantReference');
  let tenant: StockLine['tenant'] = null;
  if (tenantReference !== '') {
    const signedOn = opt(cell('leaseSignedOn'), (r) => readDay(r, 'Bail signé le'));
    const startOn = opt(cell('leaseStartOn'), (r) => readDay(r, 'Début du bail')) ?? signedOn;
    if (!startOn && cell('leaseStartOn') === '' && cell('leaseSignedOn') === '')
      reasons.push('Début du bail : valeur manquante pour un logement avec locataire.');
    if (signedOn && startOn && signedOn > startOn)
      reasons.push('Bail signé le : la signature suit le début du bail.');
    if (line.status && line.status !== 'let') reasons.push('Statut : un logement avec locataire est loué.');
    tenant = {
      reference: tenantReference,
      name: cell('tenantName') || null,
      signedOn,
      startOn: startOn ?? '',
      lessorKind: opt(cell('lessorKind'), readLessorKind) ?? 'legal_person',
    };
  } else if (cell('tenantName') !== '') {
    reasons.push('Référence du locataire : valeur manquante alors que le nom du locataire est donné.');
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, line: { ...line, tenant } };
}

/** Reads a line of the monthly arrears file. */
export function readArrearsLine(cell: (key: string) => string): LineResult<ArrearsLine> {
  const { reasons, opt, req } = collector();
  const tenantReference = req(cell('tenantReference'), 'Référence du locataire');
  const balanceCents =
    cell('balance') === ''
      ? (req('', 'Solde dû'), 0)
      : opt(cell('balance'), (r) => readSignedEuros(r, 'Solde dû'));
  const asOf =
    cell('asOf') === '' ? (req('', 'Solde au'), '') : opt(cell('asOf'), (r) => readDay(r, 'Solde au'));
  const months = opt(cell('months'), (raw) => {
    const n = readDecimal(raw);
    return n !== null && n >= 0 && n < 1000
      ? { ok: true as const, value: n }
      : { ok: false as const, reason: `Mois d’impayé : « ${raw} » n’est pas un nombre de mois.` };
  });
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, line: { tenantReference, balanceCents: balanceCents!, asOf: asOf!, months } };
}
