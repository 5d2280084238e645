/**
 * The synthetic national catalogue of job positions: titles built from the
 * role of the post and the field it works in, as vị trí việc làm are named.
 */

export type Role = 'leader' | 'manager' | 'professional' | 'support';

const FIELDS: Array<[vi: string, en: string]> = [
  ['tổ chức cán bộ', 'personnel and organisation'],
  ['cải cách hành chính', 'administrative reform'],
  ['chuyển đổi số', 'digital transformation'],
  ['tài chính – kế hoạch', 'finance and planning'],
  ['tư pháp – hộ tịch', 'justice and civil registration'],
  ['địa chính – xây dựng', 'land and construction'],
  ['văn hóa – xã hội', 'culture and social affairs'],
  ['thanh tra', 'inspection'],
  ['thi đua – khen thưởng', 'emulation and awards'],
  ['văn thư – lưu trữ', 'records and archives'],
  ['kiểm soát thủ tục hành chính', 'control of administrative procedures'],
  ['bộ phận một cửa', 'one-stop service desk'],
  ['quản lý dữ liệu', 'data management'],
  ['an toàn thông tin', 'information security'],
  ['tài nguyên – môi trường', 'natural resources and environment'],
  ['nông nghiệp', 'agriculture'],
  ['y tế', 'health'],
  ['giáo dục – đào tạo', 'education and training'],
  ['lao động – việc làm', 'labour and employment'],
  ['công thương', 'industry and trade'],
  ['giao thông – vận tải', 'transport'],
  ['khoa học – công nghệ', 'science and technology'],
  ['dân tộc – tôn giáo', 'ethnic and religious affairs'],
  ['pháp chế', 'legal affairs'],
  ['hợp tác quốc tế', 'international cooperation'],
  ['truyền thông', 'communication'],
  ['quản lý đầu tư công', 'public investment'],
  ['bảo trợ xã hội', 'social protection'],
  ['quốc phòng – an ninh địa phương', 'local defence and security'],
  ['đối ngoại nhân dân', 'people-to-people relations'],
  ['quản lý đô thị', 'urban management'],
  ['thống kê', 'statistics'],
  ['kế toán', 'accounting'],
  ['quản trị hệ thống thông tin', 'information systems administration'],
  ['tiếp công dân', 'citizen reception'],
  ['phòng, chống tham nhũng', 'anti-corruption'],
  ['quản lý ngân sách', 'budget management'],
  ['đào tạo, bồi dưỡng', 'training and development'],
  ['giải quyết khiếu nại, tố cáo', 'complaints and denunciations'],
  ['hành chính – quản trị', 'general administration'],
  ['quản lý chất lượng', 'quality management'],
  ['phát triển nông thôn', 'rural development'],
];

const ROLE_TITLES: Record<Role, [vi: string, en: string]> = {
  leader: ['Lãnh đạo phụ trách', 'Leader in charge of'],
  manager: ['Trưởng phòng', 'Head of'],
  professional: ['Chuyên viên', 'Officer,'],
  support: ['Nhân viên hỗ trợ', 'Support staff,'],
};

/** Professionals are most posts; leaders the fewest (roughly as in a real agency). */
const ROLE_CYCLE: Role[] = ['professional', 'professional', 'manager', 'professional', 'support', 'leader', 'professional'];

export interface CataloguePost {
  code: string;
  titleVi: string;
  titleEn: string;
  role: Role;
  field: number;
}

export function positionCatalogue(count: number): CataloguePost[] {
  return Array.from({ length: count }, (_, i) => {
    const role = ROLE_CYCLE[i % ROLE_CYCLE.length]!;
    const field = Math.floor(i / ROLE_CYCLE.length) % FIELDS.length;
    const [fieldVi, fieldEn] = FIELDS[field]!;
    const [roleVi, roleEn] = ROLE_TITLES[role];
    return { code: `NL-VTVL-${String(i + 1).padStart(4, '0')}`, titleVi: `${roleVi} ${fieldVi}`, titleEn: `${roleEn} ${fieldEn}`, role, field };
  });
}
