// Maps every failure to the catalogue's `{ error: { code, message, details? } }`. Bad input never
// becomes a 500: fastify's own request errors (schema, JSON, size, media type) are 4xx here.
import { toFormErrors } from '@bianmin/forms';
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance } from 'fastify';
import { CalendarYearMissingError } from '../calendar/index.ts';
import { AppError, isAppError, type ErrorDetail } from '../errors/index.ts';

/** A request schema's errors as the forms' field-located Chinese problems, under the request part. */
function validationDetails(context: string | undefined, errors: ErrorObject[]): ErrorDetail[] {
  const prefix = context === 'body' || !context ? '' : `/${context}`;
  return toFormErrors(errors).map((e) => ({ pointer: `${prefix}${e.pointer}`, message: e.message }));
}

export function toAppError(error: FastifyError | Error): AppError {
  if (isAppError(error)) return error;
  if (error instanceof CalendarYearMissingError) return new AppError('CALENDAR_YEAR_MISSING', `${error.message}；请管理员在“工作日历”中录入该年度节假日安排`);
  const e = error as FastifyError & { validation?: ErrorObject[]; validationContext?: string };
  if (e.validation) return new AppError('VALIDATION_FAILED', undefined, validationDetails(e.validationContext, e.validation));
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON', `请求体不是合法的 JSON：${e.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('BAD_REQUEST', e.message);
  if (e.name === 'KnexTimeoutError' || ['ECONNREFUSED', 'ECONNRESET', '57P01', 'SQLITE_BUSY'].includes(String(e.code))) {
    return new AppError('DATABASE_UNAVAILABLE');
  }
  if (error instanceof SyntaxError) return new AppError('INVALID_JSON', `请求体不是合法的 JSON：${error.message}`);
  return new AppError('INTERNAL');
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(appError.status).send(appError.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(new AppError('ROUTE_NOT_FOUND', `接口不存在：${request.method} ${request.url.split('?')[0]}`).toJSON());
  });
}
