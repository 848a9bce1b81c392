import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers for every response. The viewer is built without inline scripts or styles,
 * so script-src/style-src stay 'self'; ForceAtlas2's worker is created from a blob: URL and
 * sigma's PNG export and image textures use blob:/data: images.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    // Served over plain HTTP on loopback: HSTS would only confuse other local services.
    strictTransportSecurity: false,
  });
}
