import { ZHealth } from '../contracts/common.ts';
import { defineRoute } from './define.ts';

/** The running service itself. */
export const SYSTEM_ROUTES = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    tag: 'système',
    summary: 'État du service',
    access: 'public',
    response: ZHealth,
  }),
};
