import { stableUuid } from '../case-identity.js';
import type { CaseCriterion, CaseRubric, FrameworkDocument } from '../document.js';

/**
 * The names of the CASE rubric (CFRubric, CFRubricCriterion, CFRubricCriterionLevel).
 * NangLuc writes one rubric per framework, one criterion per competency and one
 * criterion level per scale level, named by a name-based UUID (the names its
 * exports always had). An imported package's own names are kept instead; only
 * names that differ from these minted ones are stored, so NangLuc's own export
 * reads back without any.
 */

interface Named {
  identifier: string;
  uri: string;
}

const named = (identifier: string): Named => ({ identifier, uri: `urn:uuid:${identifier}` });
export const mintedRubric = (frameworkCode: string) => named(stableUuid(frameworkCode, 'rubric'));
export const mintedCriterion = (frameworkCode: string, code: string) => named(stableUuid(frameworkCode, 'criterion', code));
export const mintedCriterionLevel = (frameworkCode: string, code: string, level: number) =>
  named(stableUuid(frameworkCode, 'criterion-level', code, String(level)));

const same = (a: Named, b: Named) => a.identifier === b.identifier && a.uri === b.uri;

/** The rubrics a package is written with: the ones kept, or NangLuc's own. */
export function rubricsOf(doc: FrameworkDocument, title: string, description: string): CaseRubric[] {
  return doc.rubrics && doc.rubrics.length > 0 ? doc.rubrics : [{ ...mintedRubric(doc.code), title, description }];
}

/** A competency's criterion and criterion level names: kept where found, minted otherwise. */
export function criterionNames(doc: FrameworkDocument, competency: FrameworkDocument['competencies'][number], rubrics: CaseRubric[]) {
  const kept = competency.criterion;
  const rubric = rubrics.find((r) => r.identifier === kept?.rubric) ?? rubrics[0]!;
  return {
    rubric: rubric.identifier,
    criterion: kept ? { identifier: kept.identifier, uri: kept.uri } : mintedCriterion(doc.code, competency.code),
    level: (level: number): Named => {
      const found = kept?.levels.find((l) => l.level === level);
      return found ? { identifier: found.identifier, uri: found.uri } : mintedCriterionLevel(doc.code, competency.code, level);
    },
  };
}

/** What a package's rubrics are named, as found: the rubrics (unless NangLuc's one) and each competency's criterion (unless minted). */
export function keptRubricNames(
  frameworkCode: string,
  found: { rubrics: CaseRubric[]; criteria: Map<string, CaseCriterion> },
): { rubrics?: CaseRubric[]; criteria: Map<string, CaseCriterion> } {
  // A name left empty by the package is minted, like an item's.
  const withUri = <T extends Named>(n: T): T => ({ ...n, uri: n.uri || named(n.identifier).uri });
  const rubrics = found.rubrics.filter((r) => r.identifier).map(withUri);
  const ours = rubrics.length === 0 || (rubrics.length === 1 && same(rubrics[0]!, mintedRubric(frameworkCode)));
  const criteria = new Map<string, CaseCriterion>();
  for (const [code, found_] of found.criteria) {
    if (!found_.identifier) continue;
    const criterion = withUri({ ...found_, levels: found_.levels.filter((l) => l.identifier).map(withUri) });
    const minted =
      same(criterion, mintedCriterion(frameworkCode, code)) && criterion.levels.every((l) => same(l, mintedCriterionLevel(frameworkCode, code, l.level)));
    // Minted names in the first rubric are what the export writes anyway: nothing to keep.
    const first = ours ? mintedRubric(frameworkCode).identifier : rubrics[0]!.identifier;
    if (!minted || criterion.rubric !== first) criteria.set(code, criterion);
  }
  return { ...(!ours ? { rubrics } : {}), criteria };
}
