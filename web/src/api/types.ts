import type { paths } from './schema.gen';

/**
 * Names for the shapes of schema.gen.ts, so a page can say "an account" as
 * `ApiAnswer<'/api/accounts/', 'get'>['items'][number]` instead of copying
 * the server's type by hand.
 */
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Success<R> = Json<R[Extract<keyof R, 200 | 201 | 202>]>;

export type ApiPath = keyof paths;
type Method<P extends ApiPath> = Exclude<{ [M in keyof paths[P]]: paths[P][M] extends { responses: unknown } ? M : never }[keyof paths[P]], undefined>;

/** The JSON a route answers on success. */
export type ApiAnswer<P extends ApiPath, M extends Method<P>> = paths[P][M] extends { responses: infer R } ? Success<R> : never;

/** The JSON body a route takes. */
export type ApiBody<P extends ApiPath, M extends Method<P>> = paths[P][M] extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** A route's query parameters. */
export type ApiQuery<P extends ApiPath, M extends Method<P>> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
