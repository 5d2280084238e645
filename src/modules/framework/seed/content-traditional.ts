import type { GroupSeed } from './seed-types.js';

/** The traditional public-administration competencies that sit beside the digital groups (MISSION.md). */
export const GROUP_TRADITIONAL: GroupSeed = {
  code: 'HC',
  kind: 'core',
  name: ['Năng lực hành chính công', 'Public administration'],
  description: [
    'Các năng lực nền tảng của cán bộ, công chức: kiến thức pháp luật và quản lý nhà nước, soạn thảo văn bản hành chính, giao tiếp, đạo đức công vụ, tổ chức thực hiện nhiệm vụ và làm việc nhóm.',
    'The foundation competencies of every public servant: legal and state-management knowledge, drafting administrative documents, communication, public-service ethics, organising work and teamwork.',
  ],
  competencies: [
    {
      code: 'HC.1',
      name: ['Kiến thức pháp luật và quản lý nhà nước', 'Legal and state-management knowledge'],
      description: [
        'Hiểu và áp dụng đúng Hiến pháp, pháp luật về tổ chức bộ máy, cán bộ, công chức và pháp luật chuyên ngành thuộc lĩnh vực được giao.',
        'Understands and correctly applies the Constitution, the law on state organisation and public servants, and the sectoral law of one’s field.',
      ],
      indicators: [
        ['Nêu được nguyên tắc tổ chức bộ máy nhà nước và quyền, nghĩa vụ của cán bộ, công chức.', 'States the principles of state organisation and the rights and duties of public servants.'],
        ['Áp dụng đúng văn bản pháp luật chuyên ngành trong các tình huống thường gặp của vị trí việc làm.', 'Applies sectoral regulations correctly in the usual situations of the job position.'],
        ['Xử lý độc lập tình huống có nhiều văn bản liên quan, xác định đúng văn bản còn hiệu lực và thứ bậc áp dụng.', 'Handles cases involving several regulations on one’s own, picking those in force and their order of precedence.'],
        ['Phát hiện chồng chéo, mâu thuẫn của quy định; tham gia xây dựng, góp ý dự thảo văn bản quy phạm pháp luật.', 'Detects overlaps and conflicts between rules; helps draft and comment on legal instruments.'],
        ['Chủ trì xây dựng chính sách, văn bản quy phạm pháp luật của ngành; là đầu mối tư vấn pháp lý tin cậy.', 'Leads the drafting of the sector’s policies and legal instruments; is a trusted source of legal advice.'],
      ],
    },
    {
      code: 'HC.2',
      name: ['Soạn thảo văn bản hành chính', 'Drafting administrative documents'],
      description: [
        'Soạn thảo văn bản hành chính đúng thể thức, kỹ thuật trình bày theo quy định về công tác văn thư; nội dung chính xác, ngắn gọn, rõ ràng; ký số và phát hành trên hệ thống điện tử.',
        'Drafts administrative documents in the form and layout required by the records-management rules, with accurate, concise and clear content; signs digitally and issues them through the electronic system.',
      ],
      indicators: [
        ['Nhận biết các loại văn bản hành chính và thành phần thể thức bắt buộc của văn bản.', 'Recognises the types of administrative documents and their mandatory format elements.'],
        ['Soạn công văn, thông báo, báo cáo đơn giản theo mẫu, đúng thể thức và chính tả.', 'Drafts simple letters, notices and reports from templates with correct format and spelling.'],
        ['Tự soạn các văn bản thuộc lĩnh vực phụ trách với lập luận chặt chẽ, căn cứ đầy đủ; ký số và phát hành đúng quy trình.', 'Drafts documents in one’s field with sound reasoning and full legal grounds; signs and issues them through the right workflow.'],
        ['Soạn thảo tờ trình, đề án, văn bản phức tạp; rà soát, chỉnh sửa văn bản của người khác.', 'Drafts submissions, schemes and complex documents; reviews and edits others’ drafts.'],
        ['Xây dựng mẫu văn bản, hướng dẫn nghiệp vụ soạn thảo cho cơ quan, ngành.', 'Creates document templates and drafting guidance for the agency or sector.'],
      ],
    },
    {
      code: 'HC.3',
      name: ['Giao tiếp và ứng xử công vụ', 'Communication in public service'],
      description: [
        'Lắng nghe, trình bày và ứng xử văn minh, tôn trọng với người dân, đồng nghiệp và cấp trên, trực tiếp cũng như trên môi trường số.',
        'Listens, speaks and behaves courteously and respectfully with citizens, colleagues and superiors, in person and online.',
      ],
      indicators: [
        ['Chào hỏi, xưng hô lịch sự, đúng mực; lắng nghe người dân trình bày không ngắt lời.', 'Greets and addresses people politely; listens to citizens without interrupting.'],
        ['Trình bày rõ ràng yêu cầu, kết quả công việc; trả lời đúng trọng tâm câu hỏi.', 'Explains requests and results clearly; answers the question that was asked.'],
        ['Giữ bình tĩnh và xử lý khéo léo khi người dân bức xúc; thuyết trình thuyết phục trong cuộc họp.', 'Stays calm and handles upset citizens tactfully; presents convincingly in meetings.'],
        ['Đàm phán, hòa giải bất đồng giữa các bên; hướng dẫn đồng nghiệp kỹ năng giao tiếp.', 'Negotiates and mediates disagreements; coaches colleagues in communication.'],
        ['Đại diện cơ quan đối thoại với người dân, báo chí và đối tác trong tình huống nhạy cảm.', 'Represents the agency in dialogue with citizens, the press and partners in sensitive situations.'],
      ],
    },
    {
      code: 'HC.4',
      name: ['Đạo đức công vụ', 'Public-service ethics'],
      description: [
        'Tận tụy, liêm chính, khách quan, công tâm; thực hiện đúng quy tắc ứng xử của cán bộ, công chức; phòng ngừa xung đột lợi ích và tham nhũng, tiêu cực.',
        'Dedicated, honest, objective and impartial; follows the public servants’ code of conduct; prevents conflicts of interest, corruption and misconduct.',
      ],
      indicators: [
        ['Hiểu quy tắc ứng xử của cán bộ, công chức và những việc cán bộ, công chức không được làm.', 'Knows the code of conduct and what public servants must not do.'],
        ['Thực hiện đúng giờ giấc, kỷ luật; không nhận quà, lợi ích liên quan đến công việc được giao.', 'Keeps working hours and discipline; accepts no gifts or benefits linked to one’s work.'],
        ['Nhận diện và chủ động báo cáo tình huống xung đột lợi ích; đối xử công bằng với mọi người dân.', 'Recognises and reports conflicts of interest; treats every citizen fairly.'],
        ['Làm gương về liêm chính; phát hiện, ngăn chặn biểu hiện tiêu cực trong đơn vị.', 'Sets an example of integrity; detects and stops misconduct in the unit.'],
        ['Xây dựng cơ chế phòng ngừa tham nhũng, tiêu cực và văn hóa liêm chính trong cơ quan, ngành.', 'Builds anti-corruption safeguards and a culture of integrity in the agency or sector.'],
      ],
    },
    {
      code: 'HC.5',
      name: ['Tổ chức thực hiện nhiệm vụ', 'Organising and delivering work'],
      description: [
        'Lập kế hoạch, sắp xếp thứ tự ưu tiên, quản lý thời gian và nguồn lực để hoàn thành nhiệm vụ đúng hạn, đúng chất lượng.',
        'Plans, prioritises and manages time and resources to complete tasks on time and to the required quality.',
      ],
      indicators: [
        ['Ghi nhận đầy đủ nhiệm vụ được giao và thời hạn hoàn thành.', 'Keeps track of every assigned task and its deadline.'],
        ['Hoàn thành nhiệm vụ thường xuyên đúng hạn khi có sự theo dõi của cấp trên.', 'Completes routine tasks on time with the supervisor following up.'],
        ['Tự lập kế hoạch tuần, tháng; sắp xếp ưu tiên hợp lý khi nhiều việc cùng lúc và báo cáo sớm rủi ro trễ hạn.', 'Plans one’s own weeks and months; prioritises sensibly under competing demands and flags delays early.'],
        ['Lập và điều phối kế hoạch công tác của nhóm, phân công phù hợp năng lực, theo dõi và hỗ trợ kịp thời.', 'Plans and coordinates the team’s work, assigning by capability, following up and helping in time.'],
        ['Xây dựng hệ thống giao việc, theo dõi, đánh giá kết quả theo sản phẩm cho toàn cơ quan.', 'Builds the agency-wide system for assigning, tracking and assessing work by its outputs.'],
      ],
    },
    {
      code: 'HC.6',
      name: ['Làm việc nhóm', 'Teamwork'],
      description: [
        'Hợp tác, chia sẻ thông tin và hỗ trợ đồng nghiệp vì mục tiêu chung; đóng góp xây dựng tập thể đoàn kết.',
        'Cooperates, shares information and supports colleagues towards common goals; helps build a united team.',
      ],
      indicators: [
        ['Hoàn thành phần việc của mình trong nhóm và tôn trọng ý kiến của các thành viên.', 'Completes one’s share of the team’s work and respects other members’ views.'],
        ['Chủ động chia sẻ thông tin, tài liệu cần thiết cho đồng nghiệp.', 'Shares needed information and documents with colleagues unprompted.'],
        ['Hỗ trợ đồng nghiệp khi cần, góp ý thẳng thắn, xây dựng và cùng nhóm giải quyết bất đồng.', 'Helps colleagues when needed, gives frank, constructive feedback and works through disagreements with the team.'],
        ['Điều phối nhóm công tác, phát huy thế mạnh từng thành viên, tạo sự gắn kết.', 'Coordinates working groups, drawing on each member’s strengths and building cohesion.'],
        ['Xây dựng văn hóa hợp tác giữa các đơn vị, các nhóm liên ngành trong cơ quan, ngành.', 'Builds a culture of cooperation between units and cross-sector teams in the agency or sector.'],
      ],
    },
  ],
};
