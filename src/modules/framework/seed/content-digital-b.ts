import type { GroupSeed } from './seed-types.js';

/**
 * Groups 3–5 of the national digital-government framework (MISSION.md):
 * systems thinking and innovation; digital ethics and information security;
 * serving people in the digital space.
 */
export const GROUPS_B: GroupSeed[] = [
  {
    code: 'DM',
    kind: 'core',
    name: ['Tư duy hệ thống và đổi mới sáng tạo', 'Systems thinking and innovation'],
    description: [
      'Nhìn công việc như một hệ thống với các luồng thông tin; phát hiện điểm nghẽn; đề xuất và thử nghiệm cải tiến có kiểm soát; học tập liên tục.',
      'Sees work as a whole system with its information flows; finds bottlenecks; proposes and tests improvements under control; keeps learning.',
    ],
    competencies: [
      {
        code: 'DM.1',
        name: ['Tư duy hệ thống', 'Systems thinking'],
        description: [
          'Nhìn thấy tổng thể: các bộ phận, mối liên hệ, luồng thông tin và tác động qua lại giữa công việc của mình với cơ quan, ngành và người dân.',
          'Sees the whole: the parts, their links, the information flows and the mutual effects between one’s work, the agency, the sector and citizens.',
        ],
        indicators: [
          ['Biết công việc của mình nhận đầu vào từ đâu và kết quả được chuyển cho ai.', 'Knows where one’s inputs come from and who receives one’s outputs.'],
          ['Vẽ được luồng thông tin, hồ sơ giữa các bộ phận trong quy trình mình tham gia.', 'Maps the flow of information and files between the units of a process one takes part in.'],
          ['Dự đoán được ảnh hưởng của một thay đổi ở khâu mình phụ trách đến các khâu khác và đến người dân.', 'Anticipates how a change in one’s own step affects other steps and citizens.'],
          ['Phân tích hệ thống nhiều cơ quan, nhận ra vòng phản hồi và hệ quả ngoài dự kiến của chính sách.', 'Analyses multi-agency systems, recognising feedback loops and unintended effects of policies.'],
          ['Thiết kế chính sách, tổ chức bộ máy dựa trên hiểu biết hệ thống; dẫn dắt người khác cùng tư duy tổng thể.', 'Designs policies and organisations from a systems understanding; leads others to think about the whole.'],
        ],
      },
      {
        code: 'DM.2',
        name: ['Phát hiện điểm nghẽn', 'Finding bottlenecks'],
        description: [
          'Nhận diện nơi hồ sơ, công việc bị ách tắc, chậm trễ hoặc lặp lại; tìm nguyên nhân gốc rễ bằng dữ liệu và quan sát thực tế.',
          'Identifies where files and work get stuck, delayed or repeated; finds root causes through data and observation.',
        ],
        indicators: [
          ['Nhận ra và phản ánh khi công việc của mình thường xuyên bị chậm hoặc phải làm lại.', 'Notices and raises it when one’s own work is often delayed or redone.'],
          ['Dùng số liệu thời gian xử lý, hồ sơ trễ hạn để chỉ ra khâu chậm nhất trong quy trình.', 'Uses processing-time and overdue-file figures to point out the slowest step.'],
          ['Phân tích nguyên nhân gốc rễ (5 câu hỏi tại sao, sơ đồ xương cá) và đề xuất cách tháo gỡ.', 'Analyses root causes (five whys, fishbone diagram) and proposes how to remove them.'],
          ['Phát hiện điểm nghẽn liên cơ quan, về thể chế hoặc dữ liệu; vận động các bên cùng xử lý.', 'Detects bottlenecks across agencies, in rules or in data; persuades the parties to fix them together.'],
          ['Xây dựng cơ chế giám sát thường xuyên để điểm nghẽn được phát hiện và xử lý trên toàn hệ thống.', 'Builds standing monitoring so bottlenecks are found and removed across the whole system.'],
        ],
      },
      {
        code: 'DM.3',
        name: ['Đề xuất và thử nghiệm cải tiến', 'Proposing and testing improvements'],
        description: [
          'Đưa ra sáng kiến cải tiến cách làm, thử nghiệm ở quy mô nhỏ, đo kết quả và nhân rộng khi hiệu quả.',
          'Puts forward ideas to improve how work is done, tries them small, measures the result and scales up what works.',
        ],
        indicators: [
          ['Sẵn sàng góp ý cải tiến cách làm trong nhóm của mình.', 'Readily suggests improvements to how the team works.'],
          ['Đề xuất sáng kiến cụ thể, có mô tả lợi ích, khi được yêu cầu.', 'Puts forward concrete ideas with their expected benefits when asked.'],
          ['Tự tổ chức thử nghiệm một cải tiến trong phạm vi công việc của mình và đo kết quả trước, sau.', 'Runs a trial of an improvement within one’s own work and measures before and after.'],
          ['Dẫn dắt nhóm cải tiến, nhân rộng sáng kiến thành công sang đơn vị khác.', 'Leads improvement teams and spreads successful ideas to other units.'],
          ['Xây dựng cơ chế khuyến khích sáng kiến và chấp nhận rủi ro có kiểm soát trong toàn cơ quan, ngành.', 'Builds incentives for ideas and controlled risk-taking across the agency or sector.'],
        ],
      },
      {
        code: 'DM.4',
        name: ['Thử nghiệm có kiểm soát', 'Controlled experimentation'],
        description: [
          'Thiết kế và thực hiện thí điểm, cơ chế thử nghiệm có giới hạn về phạm vi, thời gian và rủi ro trước khi áp dụng rộng một giải pháp mới.',
          'Designs and runs pilots and sandbox arrangements limited in scope, time and risk before a new solution is applied widely.',
        ],
        indicators: [
          ['Hiểu vì sao giải pháp mới cần thí điểm trước khi triển khai rộng.', 'Understands why a new solution needs a pilot before wide roll-out.'],
          ['Tham gia thí điểm: ghi nhận đầy đủ số liệu và phản hồi theo kế hoạch.', 'Takes part in a pilot, recording data and feedback as planned.'],
          ['Thiết kế thí điểm có nhóm so sánh, chỉ số đo và điều kiện dừng rõ ràng.', 'Designs a pilot with a comparison group, measures and clear stop conditions.'],
          ['Điều hành nhiều thí điểm song song, đánh giá khách quan và đề xuất quyết định nhân rộng hay dừng.', 'Runs several pilots at once, evaluates them objectively and recommends scaling up or stopping.'],
          ['Xây dựng khung pháp lý, cơ chế thử nghiệm có kiểm soát cho đổi mới trong khu vực công.', 'Builds the legal framework and sandbox mechanisms for innovation in the public sector.'],
        ],
      },
      {
        code: 'DM.5',
        name: ['Học tập liên tục', 'Continuous learning'],
        description: [
          'Chủ động cập nhật kiến thức, kỹ năng mới, đặc biệt về công nghệ và pháp luật; chia sẻ hiểu biết và học hỏi từ sai sót.',
          'Keeps knowledge and skills up to date, especially on technology and law; shares what one knows and learns from mistakes.',
        ],
        indicators: [
          ['Tham gia đầy đủ các khóa bồi dưỡng bắt buộc và áp dụng điều đã học.', 'Attends the required training courses and applies what was learnt.'],
          ['Tự tìm tài liệu, khóa học trực tuyến để bù đắp thiếu hụt năng lực của bản thân.', 'Finds materials and online courses to close one’s own competency gaps.'],
          ['Lập và thực hiện kế hoạch phát triển cá nhân hằng năm; rút kinh nghiệm sau mỗi nhiệm vụ.', 'Draws up and follows a yearly personal development plan; reviews lessons after each assignment.'],
          ['Hướng dẫn, kèm cặp đồng nghiệp; tổ chức chia sẻ tri thức trong đơn vị.', 'Coaches and mentors colleagues; organises knowledge sharing in the unit.'],
          ['Xây dựng tổ chức học tập: cơ chế, nguồn lực và văn hóa học tập suốt đời trong cơ quan, ngành.', 'Builds a learning organisation: the mechanisms, resources and culture of lifelong learning in the agency or sector.'],
        ],
      },
    ],
  },
  {
    code: 'DD',
    kind: 'core',
    name: ['Đạo đức số và an toàn thông tin', 'Digital ethics and information security'],
    description: [
      'Sử dụng dữ liệu có đạo đức, bảo vệ dữ liệu cá nhân của người dân, minh bạch và chịu trách nhiệm giải trình đối với các quyết định có sự hỗ trợ của công nghệ.',
      'Uses data ethically, protects citizens’ personal data, acts transparently and is accountable for technology-supported decisions.',
    ],
    competencies: [
      {
        code: 'DD.1',
        name: ['Sử dụng dữ liệu có đạo đức', 'Ethical use of data'],
        description: [
          'Chỉ thu thập, sử dụng dữ liệu đúng mục đích, cần thiết và công bằng; cân nhắc tác động của việc dùng dữ liệu và thuật toán đến các nhóm người dân.',
          'Collects and uses data only for legitimate, necessary and fair purposes; weighs the effect of data and algorithms on different groups of citizens.',
        ],
        indicators: [
          ['Hiểu rằng dữ liệu của người dân chỉ được dùng cho mục đích công vụ đã xác định.', 'Understands that citizens’ data may be used only for the defined official purpose.'],
          ['Không tra cứu, khai thác dữ liệu ngoài phạm vi nhiệm vụ được giao, kể cả khi có quyền truy cập kỹ thuật.', 'Never looks up or uses data beyond one’s assigned tasks, even with technical access.'],
          ['Nhận diện nguy cơ phân biệt đối xử, thiên lệch khi dùng dữ liệu, mô hình tự động và đề xuất cách hạn chế.', 'Identifies risks of discrimination and bias in data and automated models and proposes mitigations.'],
          ['Thực hiện đánh giá tác động đạo đức cho dự án dữ liệu, trí tuệ nhân tạo của đơn vị.', 'Carries out ethical impact assessments of the unit’s data and AI projects.'],
          ['Ban hành nguyên tắc, quy tắc đạo đức dữ liệu và trí tuệ nhân tạo cho cơ quan, ngành.', 'Issues data and AI ethics principles and codes for the agency or sector.'],
        ],
      },
      {
        code: 'DD.2',
        name: ['Bảo vệ dữ liệu cá nhân của người dân', 'Protecting citizens’ personal data'],
        description: [
          'Xử lý dữ liệu cá nhân đúng quy định pháp luật về bảo vệ dữ liệu cá nhân: có căn cứ, tối thiểu, bảo mật, tôn trọng quyền của chủ thể dữ liệu.',
          'Processes personal data under the personal-data protection law: on a legal basis, minimally and securely, respecting the rights of data subjects.',
        ],
        indicators: [
          ['Nhận biết thông tin nào là dữ liệu cá nhân cơ bản và dữ liệu cá nhân nhạy cảm.', 'Recognises which information is basic and which is sensitive personal data.'],
          ['Không gửi, lưu dữ liệu cá nhân qua kênh không được phép (mạng xã hội, thư điện tử cá nhân, thiết bị riêng).', 'Never sends or stores personal data through unauthorised channels (social media, personal e-mail, private devices).'],
          ['Áp dụng đầy đủ các biện pháp bảo vệ khi xử lý hồ sơ có dữ liệu cá nhân; che, ẩn thông tin khi công khai.', 'Applies all required safeguards when handling files with personal data; masks data before anything is published.'],
          ['Tham mưu quy trình xử lý yêu cầu của chủ thể dữ liệu và xử lý vi phạm dữ liệu cá nhân tại đơn vị.', 'Designs the unit’s procedures for data-subject requests and personal-data breaches.'],
          ['Chỉ đạo tuân thủ bảo vệ dữ liệu cá nhân trong toàn cơ quan, ngành; đánh giá tác động trước các hệ thống mới.', 'Directs personal-data compliance across the agency or sector; requires impact assessments before new systems.'],
        ],
      },
      {
        code: 'DD.3',
        name: ['Minh bạch trên môi trường số', 'Transparency in the digital environment'],
        description: [
          'Công khai thông tin, tiến độ giải quyết công việc và căn cứ quyết định trên môi trường số để người dân theo dõi, giám sát.',
          'Publishes information, the progress of cases and the grounds of decisions online so citizens can follow and oversee them.',
        ],
        indicators: [
          ['Biết những thông tin nào của đơn vị phải công khai và công khai ở đâu.', 'Knows which information the unit must publish and where.'],
          ['Cập nhật đầy đủ, đúng hạn trạng thái hồ sơ trên hệ thống để người dân tra cứu được.', 'Updates case status fully and on time in the system so citizens can look it up.'],
          ['Giải thích rõ căn cứ, lý do khi từ chối hoặc yêu cầu bổ sung hồ sơ trên kênh số.', 'States the grounds and reasons clearly online when rejecting a case or asking for more documents.'],
          ['Tổ chức công khai dữ liệu về chất lượng phục vụ của đơn vị và tiếp thu giám sát của người dân.', 'Publishes data on the unit’s service quality and acts on citizens’ scrutiny.'],
          ['Xây dựng chính sách minh bạch mặc định của cơ quan, ngành trên môi trường số.', 'Builds the agency’s or sector’s transparent-by-default policy online.'],
        ],
      },
      {
        code: 'DD.4',
        name: ['Trách nhiệm giải trình với quyết định có hỗ trợ của công nghệ', 'Accountability for technology-supported decisions'],
        description: [
          'Chịu trách nhiệm về các quyết định hành chính có sử dụng phần mềm, thuật toán hoặc trí tuệ nhân tạo; bảo đảm có sự kiểm soát của con người và giải thích được cho người dân.',
          'Takes responsibility for administrative decisions supported by software, algorithms or AI; keeps human oversight and can explain the decision to the citizen.',
        ],
        indicators: [
          ['Hiểu rằng người ký quyết định chịu trách nhiệm kể cả khi kết quả do phần mềm gợi ý.', 'Understands that the signer is responsible even when software suggested the outcome.'],
          ['Kiểm tra lại kết quả do hệ thống tự động đưa ra trước khi sử dụng, ghi nhận trường hợp sai.', 'Checks automatically produced results before using them and records errors.'],
          ['Giải thích được cho người dân căn cứ của quyết định có hỗ trợ của công nghệ và cách khiếu nại.', 'Explains to citizens the basis of a technology-supported decision and how to appeal.'],
          ['Thiết kế điểm kiểm soát của con người, nhật ký và cơ chế khắc phục cho các quy trình tự động hóa.', 'Designs human checkpoints, logs and redress mechanisms for automated processes.'],
          ['Xác lập khung trách nhiệm giải trình cho việc ứng dụng trí tuệ nhân tạo trong cơ quan, ngành.', 'Sets the accountability framework for AI use in the agency or sector.'],
        ],
      },
    ],
  },
  {
    code: 'PV',
    kind: 'functional',
    name: ['Phục vụ người dân trên không gian số', 'Serving people in the digital space'],
    description: [
      'Hướng dẫn người dân sử dụng dịch vụ công trực tuyến, giải thích pháp luật trên kênh số, truyền thông số và sử dụng dữ liệu phản hồi của người dân để cải thiện dịch vụ.',
      'Guides citizens through online public services, explains the law on digital channels, communicates digitally and uses citizen feedback data to improve services.',
    ],
    competencies: [
      {
        code: 'PV.1',
        name: ['Hướng dẫn người dân sử dụng dịch vụ công trực tuyến', 'Guiding citizens through online public services'],
        description: [
          'Hỗ trợ người dân, doanh nghiệp, kể cả người cao tuổi và người yếu thế, thực hiện thủ tục trên Cổng Dịch vụ công, ứng dụng định danh điện tử và thanh toán trực tuyến.',
          'Helps citizens and businesses, including older and disadvantaged people, complete procedures on the public-service portal, the electronic identity app and online payment.',
        ],
        indicators: [
          ['Biết các kênh dịch vụ công trực tuyến và những thủ tục của đơn vị đã có trên môi trường số.', 'Knows the online public-service channels and which of the unit’s procedures are online.'],
          ['Hướng dẫn người dân từng bước nộp một hồ sơ trực tuyến thông dụng theo tài liệu có sẵn.', 'Walks a citizen step by step through a common online application using the guide.'],
          ['Xử lý được các lỗi thường gặp (đăng nhập, tải tệp, thanh toán) và hướng dẫn kiên nhẫn, dễ hiểu cho mọi đối tượng.', 'Solves common problems (login, file upload, payment) and explains patiently and plainly to anyone.'],
          ['Biên soạn tài liệu, video hướng dẫn; tổ chức tổ hỗ trợ số tại bộ phận một cửa hoặc cộng đồng.', 'Writes guides and videos; organises digital-help teams at the one-stop desk or in the community.'],
          ['Thiết kế chương trình phổ cập dịch vụ công trực tuyến cho địa phương, bảo đảm không ai bị bỏ lại phía sau.', 'Designs the province’s programme for online-service uptake, making sure no one is left behind.'],
        ],
      },
      {
        code: 'PV.2',
        name: ['Giải thích pháp luật trên kênh số', 'Explaining the law on digital channels'],
        description: [
          'Trả lời, giải thích quy định pháp luật và thủ tục cho người dân qua cổng thông tin, tổng đài, mạng xã hội và trợ lý ảo một cách chính xác, ngắn gọn, dễ hiểu.',
          'Answers and explains regulations and procedures to citizens through portals, hotlines, social media and virtual assistants accurately, briefly and plainly.',
        ],
        indicators: [
          ['Tìm được văn bản pháp luật còn hiệu lực liên quan đến câu hỏi của người dân.', 'Finds the laws in force that relate to a citizen’s question.'],
          ['Trả lời câu hỏi thường gặp trên kênh số theo mẫu đã được duyệt, đúng thời hạn.', 'Answers frequent questions online using approved answers, on time.'],
          ['Diễn giải quy định phức tạp bằng ngôn ngữ đời thường, có ví dụ, dẫn đúng căn cứ pháp lý.', 'Explains complex rules in everyday language with examples and correct legal references.'],
          ['Xây dựng bộ câu hỏi – trả lời, nội dung cho trợ lý ảo; kiểm soát chất lượng câu trả lời của đơn vị.', 'Builds question-and-answer sets and virtual-assistant content; checks the quality of the unit’s answers.'],
          ['Định hướng phổ biến pháp luật trên nền tảng số cho ngành, địa phương; phát hiện quy định khó hiểu để kiến nghị sửa đổi.', 'Steers digital legal outreach for the sector or province; flags hard-to-understand rules for amendment.'],
        ],
      },
      {
        code: 'PV.3',
        name: ['Truyền thông số', 'Digital communication'],
        description: [
          'Xây dựng và đăng tải thông tin chính thống trên các kênh số của cơ quan; tương tác với người dân; phản bác thông tin sai lệch và xử lý khủng hoảng truyền thông.',
          'Creates and publishes official information on the agency’s digital channels; engages with citizens; counters misinformation and handles communication crises.',
        ],
        indicators: [
          ['Sử dụng đúng quy tắc ứng xử trên mạng xã hội khi là cán bộ, công chức.', 'Follows the social-media code of conduct for public servants.'],
          ['Soạn bản tin ngắn, hình ảnh minh họa cho trang thông tin của đơn vị theo hướng dẫn.', 'Drafts short news items and visuals for the unit’s pages as instructed.'],
          ['Lập kế hoạch truyền thông cho một chính sách, chọn kênh và thông điệp phù hợp với từng nhóm người dân.', 'Plans communication for a policy, choosing channels and messages for each audience.'],
          ['Theo dõi dư luận trên mạng, phát hiện sớm thông tin sai lệch và tổ chức phản hồi kịp thời, chính xác.', 'Monitors online opinion, detects misinformation early and organises timely, accurate responses.'],
          ['Xây dựng chiến lược truyền thông số và cơ chế xử lý khủng hoảng truyền thông cho cơ quan, địa phương.', 'Builds the digital-communication strategy and crisis-communication arrangements of the agency or province.'],
        ],
      },
      {
        code: 'PV.4',
        name: ['Sử dụng dữ liệu phản hồi để cải thiện dịch vụ', 'Using citizen feedback data to improve services'],
        description: [
          'Thu thập, phân tích phản ánh, kiến nghị, đánh giá mức độ hài lòng của người dân trên kênh số và chuyển thành cải tiến cụ thể.',
          'Collects and analyses citizens’ complaints, suggestions and satisfaction ratings from digital channels and turns them into concrete improvements.',
        ],
        indicators: [
          ['Tiếp nhận và chuyển đúng nơi xử lý các phản ánh, kiến nghị của người dân trên hệ thống.', 'Receives citizens’ feedback in the system and routes it to the right handler.'],
          ['Trả lời phản ánh đúng hạn và cập nhật kết quả xử lý để người dân theo dõi.', 'Answers feedback on time and records the outcome so citizens can follow it.'],
          ['Tổng hợp, phân loại phản hồi định kỳ; chỉ ra vấn đề lặp lại và đề xuất khắc phục.', 'Compiles and classifies feedback regularly; identifies recurring problems and proposes fixes.'],
          ['Kết hợp dữ liệu phản hồi với dữ liệu vận hành để ưu tiên cải tiến dịch vụ và đo hiệu quả sau cải tiến.', 'Combines feedback with operational data to prioritise service improvements and measure their effect.'],
          ['Xây dựng hệ thống đo lường sự hài lòng của người dân làm căn cứ đánh giá cơ quan, người đứng đầu.', 'Builds the citizen-satisfaction measurement system used to assess agencies and their heads.'],
        ],
      },
    ],
  },
];
