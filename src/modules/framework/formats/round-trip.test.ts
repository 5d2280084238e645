import { describe, expect, it } from 'vitest';
import { FRAMEWORK_FORMATS } from '../document.js';
import { canonicalFramework } from '../document.canonical.js';
import { validateFramework } from '../document.validate.js';
import { sampleFramework } from '../testing/sample-framework.js';
import { nationalFramework } from '../seed/national-framework.js';
import { parseFramework, serializeFramework } from './index.js';
import { withCaseIdentity } from '../case-identity.js';

describe('every format re-imports its own export unchanged', () => {
  const documents = { sample: sampleFramework(), national: nationalFramework() };
  for (const format of FRAMEWORK_FORMATS) {
    for (const [name, doc] of Object.entries(documents)) {
      it(`${format}: ${name}`, async () => {
        expect(validateFramework(doc)).toEqual([]);
        const file = await serializeFramework(format, doc);
        const result = await parseFramework(format, file.body);
        if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5)));
        // CASE names every node (minted for NangLuc's own, see case-identity.ts); the other formats carry no names.
        expect(result.document).toEqual(format === 'case' ? withCaseIdentity(doc) : canonicalFramework(doc));
        // Exporting the re-imported framework gives the same bytes (xlsx zips carry timestamps).
        if (format !== 'xlsx') expect((await serializeFramework(format, result.document)).body.equals(file.body) || format === 'case').toBe(true);
      });
    }
  }
});
