import type { RoleCategory } from '../modules/people/people.tables.js';
import type { AdminTier } from '../modules/positions/positions.tables.js';
import { nameGenerator, seededRandom, type NameLists } from '../modules/people/demo/name-generator.js';

/**
 * The demo city (issue 18, item 13): a few hundred staff of Hà Nội and Đà Nẵng
 * across departments and the wards and communes of the 2025 reorganisation, so
 * the first start shows heatmaps, target groups and trends with something in
 * them. Pure: what to create, decided here from a seed; demo-city.ts writes it.
 */
export interface CityAgency {
  /** Communes use the codes `npm run seed -- --people N` gives them (`HN-X<unit>`), so that command reuses them. */
  code: string;
  name: string;
  nameEn: string;
  kind: 'department' | 'commune';
  parentCode: 'HN' | 'DN';
  /** The unit it serves since 1 July 2025. */
  unitId: string;
  /** New staff to add (the demo's own staff of an existing agency come on top). */
  headcount: number;
  /** One of the demo's base agencies (org.demo.ts): only staff are added. */
  existing?: boolean;
}

export const CITY_AGENCIES: readonly CityAgency[] = [
  { code: 'HN-SNV', name: '', nameEn: '', kind: 'department', parentCode: 'HN', unitId: '2025-P01', headcount: 40, existing: true },
  {
    code: 'HN-STC',
    name: 'Sở Tài chính thành phố Hà Nội',
    nameEn: 'Hanoi Department of Finance',
    kind: 'department',
    parentCode: 'HN',
    unitId: '2025-P01',
    headcount: 48,
  },
  {
    code: 'HN-SYT',
    name: 'Sở Y tế thành phố Hà Nội',
    nameEn: 'Hanoi Department of Health',
    kind: 'department',
    parentCode: 'HN',
    unitId: '2025-P01',
    headcount: 40,
  },
  {
    code: 'HN-STP',
    name: 'Sở Tư pháp thành phố Hà Nội',
    nameEn: 'Hanoi Department of Justice',
    kind: 'department',
    parentCode: 'HN',
    unitId: '2025-P01',
    headcount: 36,
  },
  { code: 'HN-HOANKIEM', name: '', nameEn: '', kind: 'commune', parentCode: 'HN', unitId: '2025-C00070', headcount: 30, existing: true },
  {
    code: 'HN-X00004',
    name: 'Ủy ban nhân dân phường Ba Đình',
    nameEn: 'Ba Dinh Ward People’s Committee',
    kind: 'commune',
    parentCode: 'HN',
    unitId: '2025-C00004',
    headcount: 35,
  },
  {
    code: 'HN-X00166',
    name: 'Ủy ban nhân dân phường Cầu Giấy',
    nameEn: 'Cau Giay Ward People’s Committee',
    kind: 'commune',
    parentCode: 'HN',
    unitId: '2025-C00166',
    headcount: 34,
  },
  {
    code: 'HN-X00376',
    name: 'Ủy ban nhân dân xã Sóc Sơn',
    nameEn: 'Soc Son Commune People’s Committee',
    kind: 'commune',
    parentCode: 'HN',
    unitId: '2025-C00376',
    headcount: 31,
  },
  { code: 'DN-SNV', name: '', nameEn: '', kind: 'department', parentCode: 'DN', unitId: '2025-P48', headcount: 30, existing: true },
  {
    code: 'DN-STC',
    name: 'Sở Tài chính thành phố Đà Nẵng',
    nameEn: 'Da Nang Department of Finance',
    kind: 'department',
    parentCode: 'DN',
    unitId: '2025-P48',
    headcount: 35,
  },
  {
    code: 'DN-X20242',
    name: 'Ủy ban nhân dân phường Hải Châu',
    nameEn: 'Hai Chau Ward People’s Committee',
    kind: 'commune',
    parentCode: 'DN',
    unitId: '2025-C20242',
    headcount: 30,
  },
  {
    code: 'DN-X20263',
    name: 'Ủy ban nhân dân phường Sơn Trà',
    nameEn: 'Son Tra Ward People’s Committee',
    kind: 'commune',
    parentCode: 'DN',
    unitId: '2025-C20263',
    headcount: 25,
  },
  {
    code: 'DN-X20410',
    name: 'Ủy ban nhân dân phường Hội An',
    nameEn: 'Hoi An Ward People’s Committee',
    kind: 'commune',
    parentCode: 'DN',
    unitId: '2025-C20410',
    headcount: 26,
  },
];

export interface CityPost {
  code: string;
  agencyCode: string;
  titleVi: string;
  titleEn: string;
  roleCategory: RoleCategory;
  tier: AdminTier;
}

type PostShape = [suffix: string, titleVi: string, titleEn: string, role: RoleCategory];

const DEPARTMENT_POSTS: PostShape[] = [
  ['GD', 'Giám đốc Sở', 'Director of the Department', 'leader'],
  ['PGD', 'Phó Giám đốc Sở', 'Deputy Director of the Department', 'leader'],
  ['TP', 'Trưởng phòng chuyên môn', 'Head of Division', 'manager'],
  ['CV-NV', 'Chuyên viên nghiệp vụ', 'Line officer', 'professional'],
  ['CV-TH', 'Chuyên viên tổng hợp', 'Policy and reporting officer', 'professional'],
  ['CV-CDS', 'Chuyên viên chuyển đổi số', 'Digital transformation officer', 'professional'],
  ['VT', 'Nhân viên văn thư', 'Records clerk', 'support'],
];
const COMMUNE_POSTS: PostShape[] = [
  ['CT', 'Chủ tịch Ủy ban nhân dân', 'Chairperson of the People’s Committee', 'leader'],
  ['PCT', 'Phó Chủ tịch Ủy ban nhân dân', 'Vice-Chairperson of the People’s Committee', 'leader'],
  ['TP', 'Trưởng phòng Kinh tế', 'Head of the Economic Division', 'manager'],
  ['CV-MC', 'Công chức bộ phận một cửa', 'One-stop desk officer', 'professional'],
  ['CV-VHXH', 'Công chức văn hóa – xã hội', 'Culture and social affairs officer', 'professional'],
  ['CV-DCXD', 'Công chức địa chính – xây dựng', 'Land and construction officer', 'professional'],
  ['VT', 'Nhân viên văn thư – lưu trữ', 'Records and archives clerk', 'support'],
];

/** The posts of the new agencies (the base agencies keep their demo posts). */
export function cityPosts(agencies: readonly CityAgency[] = CITY_AGENCIES): CityPost[] {
  return agencies
    .filter((a) => !a.existing)
    .flatMap((a) =>
      (a.kind === 'department' ? DEPARTMENT_POSTS : COMMUNE_POSTS).map(([suffix, titleVi, titleEn, roleCategory]) => ({
        code: `${a.code}-${suffix}`,
        agencyCode: a.code,
        titleVi,
        titleEn,
        roleCategory,
        tier: a.kind === 'department' ? ('province' as const) : ('commune' as const),
      })),
    );
}

export interface CityPerson {
  staffCode: string;
  fullName: string;
  gender: 'male' | 'female';
  dateOfBirth: string;
  agencyCode: string;
  positionCode: string;
  roleCategory: RoleCategory;
  rank: string;
  phone: string;
}

/** A realistic office: the head and a deputy, a few heads of division, mostly officers, some clerks. */
function roleAt(index: number, random: () => number): RoleCategory {
  if (index < 2) return 'leader';
  if (index < 5) return 'manager';
  return random() < 0.86 ? 'professional' : 'support';
}

function rankOf(role: RoleCategory, random: () => number): string {
  if (role === 'leader') return random() < 0.5 ? 'Chuyên viên cao cấp' : 'Chuyên viên chính';
  if (role === 'manager') return 'Chuyên viên chính';
  if (role === 'professional') return random() < 0.3 ? 'Chuyên viên chính' : 'Chuyên viên';
  return random() < 0.5 ? 'Cán sự' : 'Nhân viên';
}

/**
 * The city's staff, the same for the same seed: staff codes HN-D0001… and
 * DN-D0001… (apart from the demo's own HN-0001…), names at real surname
 * frequencies, each holding a post of their agency of their role (a base
 * agency without a post of that role gives them one of its officer posts, and
 * that role). `posts` are the posts by agency code, base agencies' included.
 */
export function cityStaff(
  posts: ReadonlyMap<string, ReadonlyArray<{ code: string; roleCategory: RoleCategory }>>,
  names: NameLists,
  seed = 2026,
  agencies: readonly CityAgency[] = CITY_AGENCIES,
): CityPerson[] {
  const random = seededRandom(seed);
  const nextName = nameGenerator(names, random);
  const counters = new Map<string, number>();
  const people: CityPerson[] = [];
  for (const agency of agencies) {
    const own = [...(posts.get(agency.code) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    if (own.length === 0) continue;
    // A base agency already has its head among the demo's own staff: its new staff start below.
    const offset = agency.existing ? 2 : 0;
    for (let i = 0; i < agency.headcount; i++) {
      const { fullName, gender } = nextName();
      // A base agency's officers report to its demo head (leader.hanoi leads canbo.hanoi, whose team and forms the
      // demo shows): no heads of division there, or the rater proposal would make one of them her direct leader.
      let wanted = roleAt(i + offset, random);
      if (agency.existing && wanted === 'manager') wanted = 'professional';
      const fitting = own.filter((p) => p.roleCategory === wanted);
      const choices = fitting.length ? fitting : own.filter((p) => p.roleCategory === 'professional');
      const post = (choices.length ? choices : own)[Math.floor(random() * (choices.length || own.length))]!;
      const n = (counters.get(agency.parentCode) ?? 0) + 1;
      counters.set(agency.parentCode, n);
      const birth = new Date(Date.UTC(1968 + Math.floor(random() * 33), Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
      people.push({
        staffCode: `${agency.parentCode}-D${String(n).padStart(4, '0')}`,
        fullName,
        gender,
        dateOfBirth: birth.toISOString().slice(0, 10),
        agencyCode: agency.code,
        positionCode: post.code,
        roleCategory: post.roleCategory,
        rank: rankOf(post.roleCategory, random),
        phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      });
    }
  }
  return people;
}
