import { readFileSync } from 'node:fs';
import { normalizeVietnamese } from '../../../platform/text/vietnamese.js';
import { surnameWeights, type NameLists } from './name-generator.js';

const dataDir = new URL('../name-lists/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, dataDir), 'utf8');
const lines = (text: string) => text.split(/\r?\n/).map(normalizeVietnamese).filter(Boolean);

interface MiddleNames {
  [gender: string]: { traditional: { all: string[] }; modern: { all: string[] } };
}

/** The shipped name lists (see ../name-lists/README.md). */
export function shippedNameLists(): NameLists {
  const middle = JSON.parse(read('hungnguyen18_middle-names.json')) as MiddleNames;
  const both = (g: string) => [...middle[g]!.traditional.all, ...middle[g]!.modern.all].map(normalizeVietnamese);
  return {
    surnames: surnameWeights(read('sigpwned_surnames_VN_CC0.csv')),
    male: lines(read('duyet_namedb_boy.txt')),
    female: lines(read('duyet_namedb_girl.txt')),
    // "Văn" and "Thị" weigh double: they dominate among people born 1965–2000.
    middleMale: ['Văn', 'Văn', ...both('male')],
    middleFemale: ['Thị', 'Thị', ...both('female')],
  };
}
