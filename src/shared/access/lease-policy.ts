import { SUBLEASE_KINDS, type OccupancyKind } from '../contracts/housing-stock.ts';
import type { Role } from '../contracts/roles.ts';
import { hasRoleIn } from './role-groups.ts';

/**
 * Who may do what with an occupancy contract and its rent account. Pure: the server enforces it on
 * every route and query, the web client shows only what would succeed. A contract's parties are its
 * lessor (a landlord) and, for subleases and mandates, the association that holds the main lease or the
 * mandate: the rent is collected by the association then, by the lessor otherwise. A landlord sees its
 * dwellings' contracts and its own tenants' accounts, not what a subtenant owes the association.
 *  - read_contract: the parties' staff, or whoever reads the household's file;
 *  - manage_contract: create, record an event, end — the lessor's staff, and the association's social
 *    workers for the contracts it holds;
 *  - read_account: the collector's staff, or a social worker reading the household's file;
 *  - post_to_account: calls, payments, regularisations, plans — the collector's staff;
 *  - evaluate_sliding: a party's evaluation before a sliding decision — the lessor's staff and the
 *    association's social workers (who record the household's own evaluation with it);
 *  - refer_occupant: a referral about the contract's occupant, its form filled from the contract and the
 *    landlord's arrears files — the lessor's staff (a landlord refers its own tenant);
 *  - link_household: attach the contract to a household's file (an imported tenant's contract has none) —
 *    the parties' staff, to a file they read: here `readsHousehold` is about the file it is attached to;
 *  - unlink_household: detach it, with a reason — the parties' staff, or a social worker reading the file.
 */
export const LEASE_ACTIONS = [
  'read_contract',
  'manage_contract',
  'read_account',
  'post_to_account',
  'evaluate_sliding',
  'refer_occupant',
  'link_household',
  'unlink_household',
] as const;
export type LeaseAction = (typeof LEASE_ACTIONS)[number];

export interface LeaseActor {
  organisationId: string;
  roles: readonly Role[];
}

export interface LeaseParties {
  kind: OccupancyKind;
  lessorOrganisationId: string | null;
  intermediaryOrganisationId: string | null;
}

/** The organisation the occupant pays: the association for subleases and mandates, else the lessor. */
export const rentCollector = (contract: LeaseParties): string | null =>
  SUBLEASE_KINDS.includes(contract.kind) || contract.kind === 'management_mandate'
    ? contract.intermediaryOrganisationId
    : contract.lessorOrganisationId;

const isLessorStaff = (actor: LeaseActor, contract: LeaseParties) =>
  contract.lessorOrganisationId === actor.organisationId &&
  (hasRoleIn(actor.roles, 'landlordStaff') || actor.roles.includes('admin'));

const isIntermediaryStaff = (actor: LeaseActor, contract: LeaseParties) =>
  contract.intermediaryOrganisationId === actor.organisationId &&
  (hasRoleIn(actor.roles, 'socialWork') || actor.roles.includes('admin'));

const isCollectorStaff = (actor: LeaseActor, contract: LeaseParties) => {
  const collector = rentCollector(contract);
  if (collector !== actor.organisationId) return false;
  return collector === contract.lessorOrganisationId
    ? isLessorStaff(actor, contract)
    : isIntermediaryStaff(actor, contract);
};

/**
 * Why the actor may not do this, in French; null when it may. `readsHousehold` says whether the
 * actor reads the contract's household file (the household-access rules decide it).
 */
export function leaseRefusal(
  actor: LeaseActor,
  action: LeaseAction,
  contract: LeaseParties,
  readsHousehold: boolean,
): string | null {
  const party = isLessorStaff(actor, contract) || isIntermediaryStaff(actor, contract);
  switch (action) {
    case 'read_contract':
      return party || readsHousehold
        ? null
        : 'Ce contrat d’occupation n’est visible que de ses parties et des intervenants du ménage.';
    case 'manage_contract':
    case 'evaluate_sliding':
      return party
        ? null
        : 'Seuls le bailleur et l’association qui porte le bail gèrent ce contrat d’occupation.';
    case 'read_account':
      return isCollectorStaff(actor, contract) || (readsHousehold && hasRoleIn(actor.roles, 'socialWork'))
        ? null
        : 'Le compte locatif n’est visible que de celui qui encaisse le loyer et des travailleurs sociaux du ménage.';
    case 'post_to_account':
      return isCollectorStaff(actor, contract)
        ? null
        : 'Seul celui qui encaisse le loyer passe des écritures sur ce compte locatif.';
    case 'refer_occupant':
      return isLessorStaff(actor, contract)
        ? null
        : 'Seul le bailleur du logement adresse une saisine pour son locataire à partir de ce contrat.';
    case 'link_household':
      if (!party)
        return 'Seuls le bailleur et l’association qui porte le bail rattachent ce contrat à un dossier.';
      return readsHousehold
        ? null
        : 'Vous ne pouvez rattacher ce contrat qu’au dossier d’un ménage auquel vous avez accès.';
    case 'unlink_household':
      return party || (readsHousehold && hasRoleIn(actor.roles, 'socialWork'))
        ? null
        : 'Seuls les parties au contrat et les travailleurs sociaux du ménage le détachent de son dossier.';
  }
}

export const canDoLease = (
  actor: LeaseActor,
  action: LeaseAction,
  contract: LeaseParties,
  readsHousehold: boolean,
) => leaseRefusal(actor, action, contract, readsHousehold) === null;
