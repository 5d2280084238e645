import { z } from 'zod';

/*
 * Shapes of the CASE 1.1 service's answers (1EdTech CASE 1.1, the official
 * JSON schema in formats/case-schema/ checks every field of what the export
 * builds; these name the required ones and let the rest through as built).
 */

const link = z.object({ title: z.string(), identifier: z.string(), uri: z.string() });
const node = { identifier: z.string(), uri: z.string(), lastChangeDateTime: z.string() };

export const cfDocument = z.looseObject({ ...node, creator: z.string(), title: z.string() });
export const cfItem = z.looseObject({ ...node, fullStatement: z.string() });
export const cfAssociation = z.looseObject({ ...node, associationType: z.string(), originNodeURI: link, destinationNodeURI: link });
export const cfRubric = z.looseObject({ ...node, CFRubricCriteria: z.array(z.looseObject({ identifier: z.string() })).optional() });
export const cfPackage = z.object({
  CFDocument: cfDocument,
  CFItems: z.array(cfItem),
  CFAssociations: z.array(cfAssociation),
  CFRubrics: z.array(cfRubric),
});
/** The package as the CASE service and the export give it. */
export type CasePackage = z.infer<typeof cfPackage>;
export const cfDocumentList = z.object({ CFDocuments: z.array(cfDocument) });
export const cfItemAssociations = z.object({ CFItem: cfItem, CFAssociations: z.array(cfAssociation) });

/** Identifiers of imported packages are not always UUIDs; a CASE identifier is any short string. */
export const sourcedIdParams = z.strictObject({ sourcedId: z.string().min(1).max(200) });
