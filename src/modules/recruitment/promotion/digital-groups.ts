/**
 * The five digital-government groups of the national framework (MISSION.md: digital technology and data use;
 * public management in the digital environment; systems thinking and innovation; digital ethics and
 * information security; serving people in the digital space), by their group codes. The framework marks
 * them by code only (an agency framework derived from the national one keeps the codes); the traditional
 * public-administration group (HC) is not one of them. digital-groups.test.ts checks this against the seed.
 */
export const DIGITAL_GROUP_CODES: readonly string[] = ['CN', 'QT', 'DM', 'DD', 'PV'];

export const isDigitalGroup = (groupCode: string) => DIGITAL_GROUP_CODES.includes(groupCode);
