import { ZProposalParams } from '../contracts/designations.ts';
import { FILE_RESPONSE, defineRoute } from './define.ts';

const tag = 'désignations';

/**
 * The CAL file of a candidate (issue 12 point 4): what a designation sends the vacancy's landlord
 * about each household put forward. The proposal policy decides who reads it.
 */
export const CAL_FILE_ROUTES = {
  get: defineRoute({
    method: 'GET',
    path: '/api/proposals/:proposalId/cal-file',
    tag,
    summary:
      'Dossier CAL du candidat en PDF (logement, proposition, composition, diagnostic approuvé version bailleur, budget dans ce logement, accompagnement, occupation, critères du rapprochement) ; lecture journalisée',
    params: ZProposalParams,
    response: FILE_RESPONSE,
    household: { param: 'proposalId', via: 'proposal' },
  }),
} as const;
