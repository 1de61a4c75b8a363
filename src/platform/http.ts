/**
 * The HTTP server: Fastify with zod contracts, OpenAPI generated from them, problem+json for every error in
 * the caller's language (Accept-Language; Kazakh by default). Modules add their routes to the returned app.
 */
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyBaseLogger } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Language } from '../law/i18n.ts';
import { MAX_FILE_BYTES, MAX_FILES_PER_REQUEST } from './files.ts';
import { negotiateLanguage } from './i18n.ts';
import { Problem, renderProblem, type FieldError } from './problems.ts';
import { registerSecurity } from './security.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Language;
  }
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface HttpOptions {
  logger: FastifyBaseLogger;
  version: string;
  bodyLimit?: number;
  /** rate limits on sign-in, one-time codes and intake (security.ts); default on */
  rateLimits?: boolean;
  /** which proxies' X-Forwarded-* headers to believe (addresses, CIDRs, 'loopback', comma-separated); default the loopback */
  trustProxy?: string;
}

export async function createHttpServer(options: HttpOptions): Promise<App> {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    // the request log line carries method, path and status only: no query strings, bodies or personal data
    logController: new LogController({ disableRequestLogging: true }),
    // only a proxy we know may say who the client is: a believed X-Forwarded-For from anyone would defeat the rate limits
    trustProxy: options.trustProxy ?? 'loopback',
    // errors before routing (a malformed URL, a bad header) are problem+json too
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode ?? 500;
      sendProblem(reply, status >= 400 && status < 500 ? new Problem(status, 'malformed_request') : toProblem(error), negotiateLanguage(request.headers['accept-language']));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('lang', 'kk');
  app.addHook('onRequest', async (request) => {
    request.lang = negotiateLanguage(request.headers['accept-language']);
  });
  await registerSecurity(app, { rateLimits: options.rateLimits ?? true });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  // multipart uploads (scans of paper appeals): limits refuse oversized files and floods before they are read
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES_PER_REQUEST, fields: 10, parts: MAX_FILES_PER_REQUEST + 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tynda API',
        version: options.version,
        description:
          'Electronic Appeals of the administrative bodies of the Republic of Kazakhstan. Errors are application/problem+json ' +
          'with a stable `code`, a `title` in the language of Accept-Language (kk, ru, en; kk by default) and per-field `errors`.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setNotFoundHandler(async (request, reply) => {
    sendProblem(reply, new Problem(404, 'route_not_found'), request.lang);
  });
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
    sendProblem(reply, problem, request.lang ?? 'kk');
  });
  return app;
}

function sendProblem(reply: import('fastify').FastifyReply, problem: Problem, lang: Language) {
  reply.code(problem.status).type('application/problem+json; charset=utf-8').header('content-language', lang).send(renderProblem(problem, lang));
}

/** Every error becomes a Problem; anything unexpected is a 500 that reveals nothing. */
export function toProblem(error: FastifyError): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors: FieldError[] = error.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      const issue = v.params as { keys?: string[]; input?: unknown };
      const message = v.message ?? '';
      let code = v.keyword;
      if (v.keyword === 'custom') code = message;
      else if (v.keyword === 'invalid_type' && / received undefined$/.test(message)) code = 'required';
      return {
        field: [where, ...path].join('.'),
        code,
        ...(issue.keys ? { params: { keys: issue.keys.join(', ') } } : {}),
      };
    });
    return new Problem(400, 'validation', {}, errors);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem(400, 'malformed_body');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem(415, 'unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new Problem(413, 'payload_too_large');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new Problem(415, 'unsupported_media_type');
  }
  if (error instanceof SyntaxError || error.statusCode === 400) return new Problem(400, 'malformed_body');
  if (error.statusCode === 405) return new Problem(405, 'method_not_allowed');
  return new Problem(500, 'internal');
}
