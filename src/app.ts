import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './kernel/deps.ts';
import type { ZApp } from './kernel/zod-app.ts';
import { registerErrorHandler } from './kernel/http.ts';
import { registerAuth } from './kernel/auth-plugin.ts';
import { registerSecurityHeaders } from './kernel/security-headers.ts';
import { routes, type Routes } from './kernel/routes.ts';

import { systemRoutes } from './modules/system/index.ts';
import { authRoutes, sessionPort, usersRoutes } from './modules/identity/index.ts';
import { organisationsRoutes } from './modules/organisations/index.ts';
import { notificationsRoutes } from './modules/notifications/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { calculatorsRoutes } from './modules/calculators/index.ts';
import { referralRoutes } from './modules/referrals/index.ts';
import { householdAccessPort, householdsRoutes } from './modules/households/index.ts';
import { diagnosticsRoutes, householdOfDiagnostic } from './modules/diagnostics/index.ts';
import { budgetRoutes } from './modules/budget/index.ts';
import { tasksRoutes } from './modules/tasks/index.ts';
import { referentielRoutes } from './modules/referentiel/index.ts';
import { householdsWatchUntil, measuresRoutes } from './modules/measures/index.ts';
import { committeesRoutes } from './modules/committees/index.ts';
import { supportContractsRoutes } from './modules/support-contracts/index.ts';
import { agendaRoutes } from './modules/agenda/index.ts';
import { journalRoutes } from './modules/journal/index.ts';
import { workshopsRoutes } from './modules/workshops/index.ts';
import { alertsRoutes, recomputeHouseholdAlerts } from './modules/alerts/index.ts';
import { evaluationsRoutes } from './modules/evaluations/index.ts';
import { permanencesRoutes } from './modules/permanences/index.ts';
import { evictionPreventionRoutes } from './modules/eviction-prevention/index.ts';
import { dwellingsRoutes } from './modules/dwellings/index.ts';
import { stockImportsRoutes } from './modules/stock-imports/index.ts';
import { carryBalance, rentAccountsRoutes } from './modules/rent-accounts/index.ts';
import { leasesRoutes, referredContractPort } from './modules/leases/index.ts';
import { partnershipsRoutes } from './modules/partnerships/index.ts';
import { housingAidsRoutes } from './modules/housing-aids/index.ts';
import { housingPoolRoutes } from './modules/housing-pool/index.ts';
import { vacanciesRoutes } from './modules/vacancies/index.ts';
import {
  calFileRoutes,
  designationsRoutes,
  fairnessRoutes,
  matchingRoutes,
  poolAllocations,
} from './modules/matching/index.ts';

const webDist = resolve(dirname(fileURLToPath(import.meta.url)), '../web/dist');

/**
 * Every module's routes, declared by their shared contracts; a new module adds itself here. The
 * deps are for what no request context carries (the database's kind, for the health answer).
 */
const MODULE_ROUTES: ((routes: Routes, deps: AppDeps) => void)[] = [
  systemRoutes,
  authRoutes,
  usersRoutes,
  organisationsRoutes,
  notificationsRoutes,
  auditRoutes,
  // The list's « En veille » badge: the watch is the measures', which import the households.
  (registrar) => householdsRoutes(registrar, { watchStatus: householdsWatchUntil }),
  // A referral of a tenant flagged by its landlord's arrears attaches the tenant's contract to the file:
  // the leases module imports the referrals'.
  (registrar) => referralRoutes(registrar, referredContractPort),
  diagnosticsRoutes,
  calculatorsRoutes,
  budgetRoutes,
  tasksRoutes,
  referentielRoutes,
  measuresRoutes,
  committeesRoutes,
  supportContractsRoutes,
  agendaRoutes,
  journalRoutes,
  workshopsRoutes,
  alertsRoutes,
  evaluationsRoutes,
  permanencesRoutes,
  evictionPreventionRoutes,
  dwellingsRoutes,
  stockImportsRoutes,
  rentAccountsRoutes,
  // A slide carries the rent balance to the new lease: the rent accounts import the leases' tables.
  (registrar) => leasesRoutes(registrar, { carryBalance }),
  partnershipsRoutes,
  housingAidsRoutes,
  // The pool shows who was given a dwelling: the matching's, which imports the housing pool.
  (registrar) => housingPoolRoutes(registrar, { allocations: poolAllocations }),
  vacanciesRoutes,
  matchingRoutes,
  fairnessRoutes,
  calFileRoutes,
  designationsRoutes,
];

export async function buildApp(deps: AppDeps, options: { logger?: boolean } = {}): Promise<ZApp> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: deps.config.trustedProxies.length > 0 ? deps.config.trustedProxies : false,
    bodyLimit: 12 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await registerSecurityHeaders(app, deps.config);
  await app.register(fastifyCookie);
  // Opt-in per route (`config.rateLimit`): sign-in and the other routes that check a secret.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Relais API',
        version: '0.1.0',
        description: 'API du système d’information du logement accompagné.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerAuth(app, deps, sessionPort(deps));

  // Multipart bodies are parsed only on the routes whose contract declares an upload.
  await app.register(fastifyMultipart);
  const registrar = routes(
    app,
    deps,
    householdAccessPort({ diagnostic: householdOfDiagnostic }),
    async (q, householdId, now) => void (await recomputeHouseholdAlerts(q, householdId, now)),
  );
  for (const register of MODULE_ROUTES) register(registrar, deps);

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || !existsSync(webDist)) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Ressource introuvable.' } });
    }
    return reply.sendFile('index.html');
  });
  return app;
}
