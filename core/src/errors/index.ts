export { ERRORS, type ErrorCode } from './catalogue.ts';
export { AppError, isAppError, type ErrorDetail } from './app-error.ts';
