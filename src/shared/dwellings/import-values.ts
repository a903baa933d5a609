import { TYPOLOGIES, type Typology } from '../contracts/household-enums.ts';
import {
  DWELLING_ACCESSIBILITIES,
  DWELLING_ACCESSIBILITY_LABELS,
  DWELLING_FINANCINGS,
  DWELLING_FINANCING_LABELS,
  DWELLING_STATUSES,
  DWELLING_STATUS_LABELS,
  LESSOR_KINDS,
  LESSOR_KIND_LABELS,
  type DwellingAccessibility,
  type DwellingFinancing,
  type DwellingStatus,
  type LessorKind,
} from '../contracts/housing-stock.ts';

/**
 * The values of a landlord's export as its management software writes them, read into Relais's: French
 * numbers ("1 234,56"), dates as dd/mm/yyyy, ISO or an Excel serial, yes/no, and the closed lists by their
 * French label or a usual abbreviation. Each reader returns the value, or a French reason for the line.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (reason: string): Read<never> => ({ ok: false, reason });

/** Lower case, no accent, single spaces: how two spellings of a label are compared. */
export const normalise = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A French or plain decimal: "1 234,56", "1234.56", "1.234,56", with ordinary or narrow no-break spaces. */
export function readDecimal(raw: string): number | null {
  let s = raw.replace(/[\s\u00a0\u202f€]/g, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** An amount in euros, as integer cents (rounded to the cent). */
export function readEuros(raw: string, what: string): Read<number> {
  const n = readDecimal(raw);
  if (n === null) return no(`${what} : « ${raw} » n’est pas un montant (ex. 1 234,56).`);
  if (n < 0) return no(`${what} : un montant négatif n’est pas accepté.`);
  if (n > 1_000_000) return no(`${what} : montant invraisemblable (${raw}).`);
  return ok(Math.round(n * 100));
}

/** A signed amount in euros (a balance may be a credit), as integer cents. */
export function readSignedEuros(raw: string, what: string): Read<number> {
  const n = readDecimal(raw);
  if (n === null) return no(`${what} : « ${raw} » n’est pas un montant (ex. 1 234,56).`);
  if (Math.abs(n) > 10_000_000) return no(`${what} : montant invraisemblable (${raw}).`);
  return ok(Math.round(n * 100));
}

const iso = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
};

/** Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: day 60 is that ghost. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A calendar day: dd/mm/yyyy (or with - or .), yyyy-mm-dd, or an Excel serial day number. */
export function readDay(raw: string, what: string): Read<string> {
  const s = raw.trim();
  let day: string | null = null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) day = iso(Number(m[3]), Number(m[2]), Number(m[1]));
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s)))
    day = iso(Number(m[1]), Number(m[2]), Number(m[3]));
  else if (/^\d{1,6}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial > 60 && serial < 2_958_466)
      day = new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
  }
  if (!day) return no(`${what} : « ${raw} » n’est pas une date (JJ/MM/AAAA).`);
  if (day < '1900-01-01' || day > '2100-12-31') return no(`${what} : date invraisemblable (${raw}).`);
  return ok(day);
}

/** Oui/non, o/n, 1/0, vrai/faux, yes/no. */
export function readYesNo(raw: string, what: string): Read<boolean> {
  const s = normalise(raw);
  if (['oui', 'o', '1', 'vrai', 'yes', 'y', 'x'].includes(s)) return ok(true);
  if (['non', 'n', '0', 'faux', 'no'].includes(s)) return ok(false);
  return no(`${what} : « ${raw} » n’est ni oui ni non.`);
}

/** A whole number (a floor: 0 = ground floor, "RDC" accepted, negative for a basement). */
export function readFloor(raw: string): Read<number> {
  const s = normalise(raw);
  if (s === 'rdc' || s === 'rez de chaussee') return ok(0);
  const n = /^-?\d{1,3}$/.test(s) ? Number(s) : NaN;
  if (!Number.isInteger(n) || n < -5 || n > 200)
    return no(`Étage : « ${raw} » n’est pas un étage (0 pour le rez-de-chaussée).`);
  return ok(n);
}

/** "T3", "3", "F3", "T6", "T7" (T6 et plus), "studio" (T1). */
export function readTypology(raw: string): Read<Typology> {
  const s = normalise(raw).replace(/\s/g, '');
  if (s === 'studio' || s === 't1bis' || s === 't1') return ok('t1');
  const m = /^[tf]?(\d{1,2})$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    if (n >= 1) return ok(TYPOLOGIES[Math.min(n, 6) - 1]!);
  }
  return no(`Typologie : « ${raw} » n’est pas une typologie (T1 à T6).`);
}

/** A value of a closed list, by its code, its French label or one of the usual spellings given. */
function reader<T extends string>(
  codes: readonly T[],
  labels: Record<T, string>,
  aliases: Record<string, T>,
  what: string,
) {
  const known = new Map<string, T>();
  for (const code of codes) {
    known.set(normalise(code), code);
    known.set(normalise(labels[code]), code);
  }
  for (const [alias, code] of Object.entries(aliases)) known.set(normalise(alias), code);
  const expected = codes.map((c) => labels[c]).join(', ');
  return (raw: string): Read<T> => {
    const code = known.get(normalise(raw));
    return code ? ok(code) : no(`${what} : « ${raw} » n’est pas une valeur connue (${expected}).`);
  };
}

export const readFinancing = reader<DwellingFinancing>(
  DWELLING_FINANCINGS,
  DWELLING_FINANCING_LABELS,
  {
    'prive conventionne': 'private_conventioned',
    conventionne: 'private_conventioned',
    prive: 'private',
    'plus cd': 'plus',
  },
  'Financement',
);
export const readStatus = reader<DwellingStatus>(
  DWELLING_STATUSES,
  DWELLING_STATUS_LABELS,
  { loue: 'let', occupe: 'let', vacant: 'vacant', travaux: 'works', 'mis a disposition': 'made_available' },
  'Statut',
);
export const readAccessibility = reader<DwellingAccessibility>(
  DWELLING_ACCESSIBILITIES,
  DWELLING_ACCESSIBILITY_LABELS,
  {
    non: 'not_accessible',
    accessible: 'wheelchair_accessible',
    pmr: 'wheelchair_accessible',
    ufr: 'wheelchair_accessible',
  },
  'Accessibilité',
);
export const readLessorKind = reader<LessorKind>(
  LESSOR_KINDS,
  LESSOR_KIND_LABELS,
  {
    'personne morale': 'legal_person',
    'personne physique': 'natural_person',
    morale: 'legal_person',
    physique: 'natural_person',
  },
  'Type de bailleur',
);
