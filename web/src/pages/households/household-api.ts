/** Paths of the household endpoints (src/modules/households/*.routes.ts), in one place for the pages. */
export const HOUSEHOLDS_PATH = '/api/households';

export const householdPaths = (id: string) => {
  const base = `${HOUSEHOLDS_PATH}/${id}`;
  return {
    file: base,
    history: `${base}/history`,
    notes: `${base}/notes`,
    documents: `${base}/documents`,
    document: (docId: string) => `${base}/documents/${docId}/content`,
    parties: `${base}/parties`,
    consents: `${base}/consents`,
    revokeConsent: (consentId: string) => `${base}/consents/${consentId}/revoke`,
    audit: `${base}/audit`,
  };
};

/** Every query of one household file (invalidated together after a change that touches several). */
export const householdQueryKeys = (id: string) =>
  Object.values(householdPaths(id)).filter((p) => typeof p === 'string');
