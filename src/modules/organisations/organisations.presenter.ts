import type {
  TManagementUnit,
  TOrganisationDetail,
  TOrganisationSummary,
  TTerritory,
} from '../../shared/contracts/organisations.ts';
import type { territories } from './schema.ts';
import type { ManagementUnitWithTerritory, OrganisationWithUnits } from './organisations.repository.ts';

export const presentManagementUnit = (u: ManagementUnitWithTerritory): TManagementUnit => ({
  id: u.id,
  name: u.name,
  code: u.code,
  territory: u.territory,
});

export const presentOrganisationSummary = (o: OrganisationWithUnits): TOrganisationSummary => ({
  id: o.id,
  type: o.type,
  name: o.name,
  shortName: o.shortName,
  territory: o.territory,
  managementUnits: o.managementUnits.map(presentManagementUnit),
});

export const presentOrganisationDetail = (o: OrganisationWithUnits): TOrganisationDetail => ({
  ...presentOrganisationSummary(o),
  email: o.email,
  phone: o.phone,
  address: o.address,
  active: o.active,
});

export const presentTerritory = (t: typeof territories.$inferSelect): TTerritory => ({
  id: t.id,
  kind: t.kind,
  code: t.code,
  name: t.name,
  parentId: t.parentId,
  postcode: t.postcode,
  housingBenefitZone: t.housingBenefitZone,
});
