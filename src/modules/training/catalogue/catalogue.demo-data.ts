import type { CourseFormatCode } from './course-rules.js';

/**
 * The demo catalogue: two institutions, 40 courses mapped to the national
 * framework (KNL-CPS: five digital-government groups CN, QT, DM, DD, PV and
 * the public-administration group HC), and lecturers who teach both public
 * administration and digital technology. Costs are per seat, in dong.
 */
export interface DemoInstitution {
  code: string;
  name: string;
  nameEn: string;
  kind: 'academy' | 'school_of_politics';
  agencyCode: string;
  clients: string[];
  staff: string[];
}

export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  {
    code: 'HVHCQTC',
    name: 'Học viện Hành chính và Quản trị công',
    nameEn: 'Academy of Public Administration and Governance',
    kind: 'academy',
    agencyCode: 'HVHC',
    clients: ['BNV', 'HN', 'DN'],
    staff: ['trainer'],
  },
  {
    code: 'TCT-HN',
    name: 'Trường Chính trị thành phố Hà Nội',
    nameEn: 'Hanoi School of Politics',
    kind: 'school_of_politics',
    agencyCode: 'HN',
    clients: ['HN'],
    staff: ['trainer.hanoi'],
  },
];

/** [competency code, from level, to level] */
type Target = [string, number, number];
export interface DemoCourse {
  institution: string;
  code: string;
  title: string;
  titleEn: string;
  format: CourseFormatCode;
  hours: number;
  cost: number;
  targets: Target[];
  prerequisites?: string[];
  passScore?: number;
}

const A = 'HVHCQTC';
const H = 'TCT-HN';

export const DEMO_COURSES: DemoCourse[] = [
  // Digital technology and data use (CN)
  {
    institution: A,
    code: 'CDS-101',
    title: 'Chuyển đổi số trong cơ quan hành chính nhà nước',
    titleEn: 'Digital transformation in state administrative agencies',
    format: 'blended',
    hours: 24,
    cost: 2_400_000,
    targets: [
      ['CN.1', 1, 2],
      ['QT.3', 1, 2],
    ],
  },
  {
    institution: A,
    code: 'CDS-102',
    title: 'Khai thác Cơ sở dữ liệu quốc gia về dân cư và VNeID',
    titleEn: 'Using the national population database and VNeID',
    format: 'classroom',
    hours: 16,
    cost: 1_800_000,
    targets: [['CN.1', 2, 3]],
    prerequisites: ['CDS-101'],
  },
  {
    institution: A,
    code: 'DL-201',
    title: 'Dữ liệu mở và dữ liệu lớn cho hoạch định chính sách',
    titleEn: 'Open and big data for policy-making',
    format: 'blended',
    hours: 32,
    cost: 3_600_000,
    targets: [
      ['CN.2', 1, 3],
      ['QT.2', 1, 2],
    ],
    prerequisites: ['CDS-101'],
  },
  {
    institution: A,
    code: 'DL-202',
    title: 'Đọc hiểu báo cáo phân tích dữ liệu và bảng điều khiển',
    titleEn: 'Reading analytical reports and dashboards',
    format: 'online',
    hours: 12,
    cost: 900_000,
    targets: [['CN.3', 1, 3]],
  },
  {
    institution: A,
    code: 'DL-301',
    title: 'Ra quyết định dựa trên dữ liệu cho lãnh đạo',
    titleEn: 'Data-driven decision-making for leaders',
    format: 'simulation',
    hours: 24,
    cost: 4_800_000,
    targets: [
      ['QT.2', 2, 4],
      ['CN.3', 2, 3],
    ],
    prerequisites: ['DL-202'],
  },
  {
    institution: A,
    code: 'CNTT-210',
    title: 'Phối hợp với chuyên gia công nghệ trong dự án số',
    titleEn: 'Working with technology experts on digital projects',
    format: 'classroom',
    hours: 16,
    cost: 1_600_000,
    targets: [['CN.4', 1, 3]],
  },
  {
    institution: A,
    code: 'CNTT-310',
    title: 'Quản lý dự án công nghệ thông tin sử dụng vốn nhà nước',
    titleEn: 'Managing publicly funded IT projects',
    format: 'blended',
    hours: 40,
    cost: 5_200_000,
    targets: [
      ['CN.5', 1, 3],
      ['HC.1', 2, 3],
    ],
    prerequisites: ['CNTT-210'],
    passScore: 60,
  },
  {
    institution: A,
    code: 'ATTT-101',
    title: 'An toàn thông tin cơ bản cho cán bộ, công chức',
    titleEn: 'Information security basics for civil servants',
    format: 'online',
    hours: 8,
    cost: 0,
    targets: [['CN.6', 0, 2]],
    passScore: 70,
  },
  // Public management in the digital environment (QT)
  {
    institution: A,
    code: 'QTS-201',
    title: 'Thiết kế quy trình thủ tục hành chính trên nền tảng số',
    titleEn: 'Designing administrative procedures on digital platforms',
    format: 'blended',
    hours: 32,
    cost: 3_200_000,
    targets: [
      ['QT.1', 1, 3],
      ['HC.5', 2, 3],
    ],
  },
  {
    institution: A,
    code: 'QTS-301',
    title: 'Điều hành chương trình chuyển đổi số cấp bộ, cấp tỉnh',
    titleEn: 'Running ministerial and provincial digitalisation programmes',
    format: 'classroom',
    hours: 40,
    cost: 6_500_000,
    targets: [
      ['QT.3', 2, 4],
      ['CN.5', 2, 3],
    ],
    prerequisites: ['CDS-101'],
  },
  {
    institution: A,
    code: 'QTS-220',
    title: 'Phối hợp liên ngành, liên cấp trong chính quyền số',
    titleEn: 'Cross-sector and cross-level coordination in digital government',
    format: 'simulation',
    hours: 16,
    cost: 2_000_000,
    targets: [
      ['QT.4', 1, 3],
      ['HC.6', 2, 3],
    ],
  },
  {
    institution: A,
    code: 'LDS-401',
    title: 'Lãnh đạo số và quản trị sự thay đổi',
    titleEn: 'Digital leadership and change management',
    format: 'classroom',
    hours: 40,
    cost: 6_000_000,
    targets: [
      ['QT.5', 2, 4],
      ['DM.1', 2, 3],
    ],
    prerequisites: ['QTS-301'],
  },
  // Systems thinking and innovation (DM)
  {
    institution: A,
    code: 'DMST-201',
    title: 'Tư duy hệ thống trong cải cách hành chính',
    titleEn: 'Systems thinking in administrative reform',
    format: 'classroom',
    hours: 16,
    cost: 1_800_000,
    targets: [
      ['DM.1', 1, 3],
      ['DM.2', 1, 2],
    ],
  },
  {
    institution: A,
    code: 'DMST-210',
    title: 'Phát hiện điểm nghẽn và tái thiết kế dịch vụ công',
    titleEn: 'Finding bottlenecks and redesigning public services',
    format: 'simulation',
    hours: 24,
    cost: 2_800_000,
    targets: [
      ['DM.2', 1, 3],
      ['DM.3', 1, 2],
    ],
  },
  {
    institution: A,
    code: 'DMST-310',
    title: 'Thử nghiệm chính sách có kiểm soát (sandbox)',
    titleEn: 'Controlled policy experimentation (sandboxes)',
    format: 'blended',
    hours: 24,
    cost: 3_400_000,
    targets: [
      ['DM.4', 1, 3],
      ['DM.3', 2, 3],
    ],
    prerequisites: ['DMST-201'],
  },
  // Digital ethics and information security (DD)
  {
    institution: A,
    code: 'DDS-201',
    title: 'Bảo vệ dữ liệu cá nhân theo Nghị định 13/2023/NĐ-CP',
    titleEn: 'Personal data protection under Decree 13/2023',
    format: 'online',
    hours: 12,
    cost: 1_200_000,
    targets: [
      ['DD.2', 1, 3],
      ['DD.1', 1, 2],
    ],
    passScore: 70,
  },
  {
    institution: A,
    code: 'DDS-210',
    title: 'Minh bạch và trách nhiệm giải trình khi dùng trí tuệ nhân tạo',
    titleEn: 'Transparency and accountability when using AI',
    format: 'classroom',
    hours: 16,
    cost: 2_200_000,
    targets: [
      ['DD.3', 1, 3],
      ['DD.4', 1, 3],
    ],
  },
  // Serving people in the digital space (PV)
  {
    institution: A,
    code: 'PVS-101',
    title: 'Hướng dẫn người dân sử dụng dịch vụ công trực tuyến',
    titleEn: 'Guiding citizens through online public services',
    format: 'on_the_job',
    hours: 16,
    cost: 800_000,
    targets: [
      ['PV.1', 1, 3],
      ['HC.3', 2, 3],
    ],
  },
  {
    institution: A,
    code: 'PVS-201',
    title: 'Truyền thông chính sách trên mạng xã hội',
    titleEn: 'Policy communication on social media',
    format: 'blended',
    hours: 24,
    cost: 2_600_000,
    targets: [
      ['PV.3', 1, 3],
      ['PV.2', 1, 2],
    ],
  },
  {
    institution: A,
    code: 'PVS-301',
    title: 'Sử dụng dữ liệu phản hồi để nâng cao chất lượng phục vụ',
    titleEn: 'Using feedback data to improve service quality',
    format: 'blended',
    hours: 16,
    cost: 1_900_000,
    targets: [
      ['PV.4', 1, 3],
      ['CN.3', 1, 2],
    ],
    prerequisites: ['DL-202'],
  },
  // Public administration (HC)
  {
    institution: A,
    code: 'QLNN-CV',
    title: 'Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên',
    titleEn: 'State management for the specialist grade',
    format: 'classroom',
    hours: 240,
    cost: 5_500_000,
    targets: [
      ['HC.1', 1, 3],
      ['HC.2', 1, 3],
      ['HC.5', 1, 2],
    ],
    passScore: 50,
  },
  {
    institution: A,
    code: 'QLNN-CVC',
    title: 'Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên chính',
    titleEn: 'State management for the principal specialist grade',
    format: 'classroom',
    hours: 280,
    cost: 6_500_000,
    targets: [
      ['HC.1', 3, 4],
      ['HC.5', 2, 4],
    ],
    prerequisites: ['QLNN-CV'],
    passScore: 50,
  },
  {
    institution: A,
    code: 'VB-201',
    title: 'Kỹ năng soạn thảo văn bản hành chính và văn bản điện tử',
    titleEn: 'Drafting administrative and electronic documents',
    format: 'blended',
    hours: 24,
    cost: 1_800_000,
    targets: [
      ['HC.2', 2, 4],
      ['CN.1', 1, 2],
    ],
  },
  {
    institution: A,
    code: 'DDCV-101',
    title: 'Đạo đức công vụ và văn hóa công sở',
    titleEn: 'Public-service ethics and workplace culture',
    format: 'classroom',
    hours: 16,
    cost: 1_000_000,
    targets: [
      ['HC.4', 1, 3],
      ['DD.1', 1, 2],
    ],
  },
  // Hà Nội School of Politics
  {
    institution: H,
    code: 'HN-CDS-01',
    title: 'Chính quyền số cấp xã, phường sau sắp xếp đơn vị hành chính',
    titleEn: 'Digital government in communes and wards after the reorganisation',
    format: 'classroom',
    hours: 24,
    cost: 1_500_000,
    targets: [
      ['QT.1', 1, 2],
      ['CN.1', 1, 2],
    ],
  },
  {
    institution: H,
    code: 'HN-MC-01',
    title: 'Nghiệp vụ bộ phận một cửa và dịch vụ công trực tuyến toàn trình',
    titleEn: 'One-stop desk operations and end-to-end online services',
    format: 'on_the_job',
    hours: 16,
    cost: 700_000,
    targets: [
      ['PV.1', 1, 3],
      ['HC.3', 1, 3],
    ],
  },
  {
    institution: H,
    code: 'HN-GT-01',
    title: 'Giao tiếp, ứng xử với người dân tại bộ phận một cửa',
    titleEn: 'Communicating with citizens at the one-stop desk',
    format: 'simulation',
    hours: 8,
    cost: 500_000,
    targets: [['HC.3', 2, 4]],
  },
  {
    institution: H,
    code: 'HN-VB-01',
    title: 'Soạn thảo văn bản và lưu trữ hồ sơ điện tử',
    titleEn: 'Drafting documents and electronic records management',
    format: 'blended',
    hours: 16,
    cost: 900_000,
    targets: [
      ['HC.2', 1, 3],
      ['CN.1', 1, 2],
    ],
  },
  {
    institution: H,
    code: 'HN-ATTT-01',
    title: 'An toàn thông tin khi làm việc trên thiết bị di động',
    titleEn: 'Information security on mobile devices',
    format: 'online',
    hours: 4,
    cost: 0,
    targets: [['CN.6', 1, 2]],
  },
  {
    institution: H,
    code: 'HN-DL-01',
    title: 'Khai thác dữ liệu dân cư phục vụ quản lý địa bàn',
    titleEn: 'Using population data to manage a locality',
    format: 'blended',
    hours: 16,
    cost: 1_200_000,
    targets: [
      ['CN.2', 1, 2],
      ['CN.1', 2, 3],
    ],
    prerequisites: ['HN-CDS-01'],
  },
  {
    institution: H,
    code: 'HN-LD-01',
    title: 'Bồi dưỡng lãnh đạo cấp phòng về điều hành số',
    titleEn: 'Digital management for heads of division',
    format: 'classroom',
    hours: 40,
    cost: 3_800_000,
    targets: [
      ['QT.5', 1, 3],
      ['QT.2', 1, 3],
      ['HC.5', 2, 3],
    ],
  },
  {
    institution: H,
    code: 'HN-NV-01',
    title: 'Nghiệp vụ công tác tổ chức cán bộ trên phần mềm quản lý hồ sơ',
    titleEn: 'Personnel work with the records management software',
    format: 'on_the_job',
    hours: 24,
    cost: 1_000_000,
    targets: [
      ['HC.1', 1, 2],
      ['CN.1', 1, 2],
    ],
  },
  {
    institution: H,
    code: 'HN-TT-01',
    title: 'Truyền thông chính sách và xử lý thông tin sai lệch',
    titleEn: 'Policy communication and handling misinformation',
    format: 'classroom',
    hours: 16,
    cost: 1_400_000,
    targets: [
      ['PV.3', 1, 3],
      ['PV.2', 1, 2],
    ],
  },
  {
    institution: H,
    code: 'HN-DM-01',
    title: 'Sáng kiến cải tiến trong cơ quan hành chính cấp cơ sở',
    titleEn: 'Improvement initiatives in local administrations',
    format: 'simulation',
    hours: 12,
    cost: 1_100_000,
    targets: [
      ['DM.3', 1, 3],
      ['DM.5', 1, 2],
    ],
  },
  {
    institution: H,
    code: 'HN-LC-01',
    title: 'Luân chuyển công chức trẻ qua các phòng chuyên môn',
    titleEn: 'Job rotation for young civil servants across divisions',
    format: 'job_rotation',
    hours: 160,
    cost: 0,
    targets: [
      ['HC.5', 1, 3],
      ['HC.6', 1, 3],
      ['QT.4', 1, 2],
    ],
  },
  {
    institution: H,
    code: 'HN-KC-01',
    title: 'Kèm cặp công chức mới tuyển dụng tại vị trí việc làm',
    titleEn: 'On-the-job mentoring for newly recruited civil servants',
    format: 'on_the_job',
    hours: 80,
    cost: 0,
    targets: [
      ['HC.1', 0, 2],
      ['HC.4', 1, 2],
      ['HC.6', 1, 2],
    ],
  },
  {
    institution: H,
    code: 'HN-DD-01',
    title: 'Đạo đức số và ứng xử của công chức trên mạng xã hội',
    titleEn: 'Digital ethics and civil servants’ conduct on social media',
    format: 'online',
    hours: 6,
    cost: 300_000,
    targets: [
      ['DD.1', 1, 2],
      ['HC.4', 2, 3],
    ],
  },
  {
    institution: H,
    code: 'HN-PT-01',
    title: 'Tiếp nhận và xử lý phản ánh, kiến nghị qua ứng dụng iHanoi',
    titleEn: 'Handling citizens’ feedback through the iHanoi app',
    format: 'on_the_job',
    hours: 8,
    cost: 400_000,
    targets: [
      ['PV.4', 1, 2],
      ['PV.1', 2, 3],
    ],
  },
  {
    institution: H,
    code: 'HN-AI-01',
    title: 'Ứng dụng trí tuệ nhân tạo tạo sinh trong công việc văn phòng',
    titleEn: 'Generative AI in office work',
    format: 'blended',
    hours: 12,
    cost: 1_600_000,
    targets: [
      ['CN.1', 2, 3],
      ['DD.3', 1, 2],
    ],
    prerequisites: ['HVHCQTC/ATTT-101'],
  },
  {
    institution: H,
    code: 'HN-HT-01',
    title: 'Học tập suốt đời và tự bồi dưỡng trên nền tảng số',
    titleEn: 'Lifelong learning and self-study on digital platforms',
    format: 'online',
    hours: 4,
    cost: 0,
    targets: [['DM.5', 1, 3]],
  },
];

/** [full name, title, e-mail, [competency code, max level][]] */
export type DemoLecturer = [string, string, string, Array<[string, number]>];

export const DEMO_LECTURERS: Record<string, DemoLecturer[]> = {
  [A]: [
    [
      'Nguyễn Văn Thành',
      'PGS.TS., Trưởng khoa Khoa học hành chính',
      'thanh.nv@napa.vn',
      [
        ['HC.1', 5],
        ['HC.5', 5],
        ['QT.3', 4],
        ['QT.5', 4],
      ],
    ],
    [
      'Trần Thị Minh Châu',
      'TS., Giảng viên chính Khoa Chính phủ số',
      'chau.ttm@napa.vn',
      [
        ['CN.1', 5],
        ['CN.2', 5],
        ['CN.3', 5],
        ['QT.1', 4],
        ['HC.2', 4],
      ],
    ],
    [
      'Lê Quang Huy',
      'ThS., Giảng viên an toàn thông tin',
      'huy.lq@napa.vn',
      [
        ['CN.6', 5],
        ['DD.2', 5],
        ['DD.1', 4],
        ['HC.4', 3],
      ],
    ],
    [
      'Phạm Thu Trang',
      'TS., Giảng viên Khoa Quản lý nhà nước về xã hội',
      'trang.pt@napa.vn',
      [
        ['PV.1', 5],
        ['PV.3', 5],
        ['HC.3', 5],
        ['DM.3', 4],
      ],
    ],
    [
      'Vũ Đức Long',
      'TS., Chuyên gia quản lý dự án công nghệ',
      'long.vd@napa.vn',
      [
        ['CN.4', 5],
        ['CN.5', 5],
        ['QT.4', 4],
        ['HC.6', 4],
      ],
    ],
    [
      'Hoàng Thị Ngọc Lan',
      'PGS.TS., Giảng viên cao cấp Khoa Lãnh đạo học',
      'lan.htn@napa.vn',
      [
        ['QT.5', 5],
        ['DM.1', 5],
        ['DM.4', 4],
        ['HC.4', 5],
        ['DD.4', 4],
      ],
    ],
  ],
  [H]: [
    [
      'Đinh Văn Khoa',
      'ThS., Trưởng khoa Nhà nước và pháp luật',
      'khoa.dv@tcthn.edu.vn',
      [
        ['HC.1', 5],
        ['HC.2', 4],
        ['QT.1', 3],
        ['CN.1', 3],
      ],
    ],
    [
      'Bùi Thị Thanh Hương',
      'ThS., Giảng viên Khoa Xây dựng Đảng và chính quyền',
      'huong.btt@tcthn.edu.vn',
      [
        ['HC.3', 5],
        ['PV.1', 4],
        ['PV.4', 4],
        ['CN.2', 3],
      ],
    ],
    [
      'Ngô Minh Tuấn',
      'KS., Giảng viên kiêm nhiệm, Sở Khoa học và Công nghệ',
      'tuan.nm@tcthn.edu.vn',
      [
        ['CN.1', 4],
        ['CN.6', 4],
        ['DD.3', 4],
        ['HC.5', 3],
      ],
    ],
    [
      'Lý Thị Mai',
      'TS., Phó trưởng khoa Lý luận cơ sở',
      'mai.lt@tcthn.edu.vn',
      [
        ['HC.4', 5],
        ['HC.6', 4],
        ['DM.3', 4],
        ['DM.5', 4],
        ['PV.3', 3],
      ],
    ],
  ],
};
