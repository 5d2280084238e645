import { defaultLevels, type FrameworkDocument } from '../document.js';

/**
 * A small framework with the awkward cases every format must carry: commas,
 * quotes, HTML characters, line breaks, a name only in one language, a
 * sub-competency, several indicators per level and a six-level scale.
 */
export function sampleFramework(): FrameworkDocument {
  const levels = defaultLevels(6).map((l) => ({ ...l, description: { vi: `Mô tả mức ${l.level}, có dấu phẩy`, en: `Level ${l.level} "quoted"` } }));
  levels[0]!.name = { vi: 'Làm quen, bắt đầu', en: 'Getting started' };
  return {
    code: 'KNL-THU.01',
    name: { vi: 'Khung thử nghiệm <đặc biệt> & "trích dẫn"', en: 'Test framework <special> & "quotes"' },
    description: { vi: 'Dòng một.\nDòng hai, có dấu phẩy; và chấm phẩy.', en: 'Line one.\nLine two, with a comma.' },
    attribution: 'Bộ Nội vụ — © 2026, CC BY 4.0',
    levels,
    groups: [
      { code: 'G1', kind: 'core', name: { vi: 'Nhóm cốt lõi', en: 'Core group' }, description: { vi: 'Mô tả nhóm', en: '' } },
      { code: 'G2', kind: 'technical', name: { vi: 'Kỹ thuật số', en: 'Kỹ thuật số' }, description: { vi: '', en: '' } },
    ],
    competencies: [
      {
        code: 'G1.1',
        groupCode: 'G1',
        parentCode: null,
        name: { vi: 'Soạn thảo văn bản, "hành chính"', en: 'Drafting documents, "administrative"' },
        description: { vi: 'Soạn thảo đúng thể thức <Nghị định 30/2020/NĐ-CP>.', en: 'Drafts in the format of <Decree 30/2020/ND-CP>.' },
        indicators: [
          { level: 1, text: { vi: 'Nhận biết các loại văn bản', en: 'Recognises document types' } },
          { level: 1, text: { vi: 'Dùng mẫu có sẵn, đúng chính tả', en: 'Uses templates, spells correctly' } },
          { level: 3, text: { vi: 'Soạn độc lập & kiểm tra thể thức', en: 'Drafts independently & checks format' } },
          { level: 6, text: { vi: 'Chỉ có tiếng Việt', en: '' } },
        ],
      },
      {
        code: 'G1.1.a',
        groupCode: 'G1',
        parentCode: 'G1.1',
        name: { vi: 'Trình bày văn bản điện tử', en: 'Electronic document layout' },
        description: { vi: '', en: '' },
        indicators: [{ level: 2, text: { vi: 'Ký số đúng quy định', en: 'Signs digitally as required' } }],
      },
      {
        code: 'G1.2',
        groupCode: 'G1',
        parentCode: null,
        name: { vi: '', en: 'English only name' },
        description: { vi: '', en: 'Only English, 100% safe; a=b' },
        indicators: [],
      },
      {
        code: 'G2.1',
        groupCode: 'G2',
        parentCode: null,
        name: { vi: 'Dữ liệu mở', en: 'Open data' },
        description: { vi: 'Khai thác dữ liệu mở', en: 'Uses open data' },
        indicators: [{ level: 4, text: { vi: 'Hướng dẫn đồng nghiệp', en: 'Coaches colleagues' } }],
      },
    ],
  };
}
