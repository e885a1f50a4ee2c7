// Names for the shapes of the HTTP contract, from the types openapi-typescript generates out of the
// server's OpenAPI document (openapi.generated.ts; `npm run api-types`).
import type { components, paths } from './openapi.generated.ts';

type Method = 'get' | 'post' | 'put' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON a route answers on success (its 200, else its 201). */
export type Answer<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer OK } ? JsonOf<OK> : R extends { 201: infer Created } ? JsonOf<Created> : never
  : never;

/** The JSON body a route takes. */
export type Body<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

/** A shape the OpenAPI names as a component. */
export type Component<N extends keyof components['schemas']> = components['schemas'][N];
