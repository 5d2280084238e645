import { csvLine } from '../../../platform/export/spreadsheet-safe.js';

/**
 * A file in the layout Moodle's own exporter writes (tool_lpimportcsv): "no rule" as an empty
 * type, outcome 0 and config "null"; the scale configured only for the levels it marks, by id;
 * a taxonomy per depth; Moodle's database ids as export ids; header spelt as older Moodle does.
 */
export function moodleExport(rule: { type: string; outcome: string; config: string } = { type: '', outcome: '0', config: 'null' }): Buffer {
  const header = [
    'Parent id number',
    'Id number',
    'Shortname',
    'Description',
    'Description format',
    'Scale values',
    'Scale configuration',
    'Rule type (optional)',
    'Rule outcome (optional)',
    'Rule config (optional)',
    'Cross referenced competency id numbers',
    'Exported id (optional)',
    'Is framework',
    'Taxonomy',
  ];
  const scale = JSON.stringify([{ scaleid: '2' }, { id: 2, scaledefault: 1, proficient: 0 }, { id: 3, scaledefault: 0, proficient: 1 }]);
  const row = (parent: string, id: string, name: string, exportId: string, r = { type: '', outcome: '0', config: 'null' }) => [
    parent,
    id,
    name,
    `<p>${name}</p>`,
    '1',
    '',
    '',
    r.type,
    r.outcome,
    r.config,
    '',
    exportId,
    '',
    '',
  ];
  const rows = [
    header,
    ['', 'OECD-CORE', 'OECD', '<p>Core</p>', '1', 'Not yet competent,Competent,Expert', scale, '', '', '', '', '', '1', 'domain,skill,behaviour'],
    row('', 'delivery', 'Delivery-related', '101'),
    row('delivery', 'analytical-thinking', 'Analytical Thinking', '102', rule),
    row('analytical-thinking', 'DR-AT1', 'Distinguishes information', '103'),
    row('', 'interpersonal', 'Interpersonal', '104', { type: '', outcome: '', config: '' }),
    row('interpersonal', 'client-focus', 'Client Focus', '105', { type: 'null', outcome: '0', config: '0' }),
  ];
  return Buffer.from(rows.map(csvLine).join('\n'));
}
