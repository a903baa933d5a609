import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.ts';

/**
 * The Content-Security-Policy of every answer: the web client, the API, downloads and the API
 * documentation. Scripts are files of our origin only — Vite's build and the Swagger UI load theirs
 * from files, and no inline script or handler runs. Styles may be inline: Mantine injects <style>
 * tags and style attributes at run time. Images may be data: URLs (the TOTP QR code, the Swagger
 * UI's icons). No other site may frame a page, nor receive a form.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
};

/**
 * Security headers on every answer (helmet): the policy above, nosniff, no framing, no referrer
 * sent to other sites (our paths name households and documents). HSTS only when secure cookies say
 * the app is served over HTTPS (the local demo runs on plain HTTP), and without includeSubDomains:
 * the domain's other hosts are not ours to hold to HTTPS.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: AppConfig): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}
