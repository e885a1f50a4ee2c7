/**
 * One thing wrong, wherever a problem is reported — a plugin refused at load time, a form field, a
 * request body, a machine config: where (a JSON Pointer, RFC 6901, into the document it is about;
 * '' for the whole document) and what, in Chinese where a person reads it.
 */
export interface Problem {
  pointer: string;
  message: string;
}
