import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, generatedTypesFile, openApiDocument } from '../../scripts/api-types.js';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe('one API contract (issue 13)', () => {
  it('every operation declares its success answer and the shared error answer', async () => {
    const document = (await openApiDocument()) as { paths: Record<string, Record<string, Operation>> };
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses ?? {});
        if (!statuses.some((s) => s.startsWith('2')) || !statuses.includes('default')) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the web app’s generated API types are those of the server (run `npm run api:types` after changing a route)', async () => {
    const current = fs.readFileSync(generatedTypesFile, 'utf8');
    expect(current === (await generateApiTypes()), 'web/src/api/schema.gen.ts is stale: run `npm run api:types`').toBe(true);
  });
});
