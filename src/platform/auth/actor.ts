import type { Role } from './roles.js';

/** The signed-in caller, as every route and policy sees it. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  /** Materialised path of the actor's agency: its subtree is the actor's scope. */
  agencyPath: string;
  personId: string | null;
}

/** Who may call a route. Every route declares one; the server refuses to start otherwise. */
export type Access = 'public' | 'authenticated' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}
