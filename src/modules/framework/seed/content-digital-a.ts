import type { GroupSeed } from './seed-types.js';

/**
 * Groups 1–2 of the national digital-government framework (MISSION.md): digital
 * technology and data use; public management in the digital environment.
 * One indicator per level 1..5 of the default
 * scale (Nhận biết, Áp dụng, Thành thạo, Nâng cao, Chuyên gia), written as
 * behaviour a rater can observe.
 */
export const GROUPS_A: GroupSeed[] = [
  {
    code: 'CN',
    kind: 'technical',
    name: ['Công nghệ số và sử dụng dữ liệu', 'Digital technology and data use'],
    description: [
      'Hiểu và khai thác hạ tầng số của Nhà nước (cơ sở dữ liệu quốc gia, nền tảng tích hợp và chia sẻ dữ liệu), dữ liệu mở và dữ liệu lớn; đọc hiểu báo cáo phân tích; làm việc với chuyên gia công nghệ; quản lý dự án công nghệ thông tin; nắm vững an toàn thông tin cơ bản.',
      'Understands and uses the state’s digital infrastructure (national databases, integration and data-sharing platforms), open and big data; reads analytical reports; works with technology experts; manages public IT projects; masters the basics of information security.',
    ],
    competencies: [
      {
        code: 'CN.1',
        name: ['Khai thác hạ tầng số và cơ sở dữ liệu quốc gia', 'Using digital infrastructure and national databases'],
        description: [
          'Sử dụng đúng mục đích và đúng thẩm quyền các cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành, nền tảng tích hợp và chia sẻ dữ liệu để giải quyết công việc mà không yêu cầu người dân cung cấp lại thông tin Nhà nước đã có.',
          'Uses national and sectoral databases and the integration and data-sharing platforms for their intended purpose and within one’s authority, so that citizens are not asked again for information the state already holds.',
        ],
        indicators: [
          ['Kể được các cơ sở dữ liệu quốc gia chính (dân cư, đất đai, doanh nghiệp, bảo hiểm...) và biết loại thông tin mỗi cơ sở dữ liệu quản lý.', 'Names the main national databases (population, land, enterprises, insurance...) and knows what information each one holds.'],
          ['Tra cứu, đối chiếu thông tin trên cơ sở dữ liệu được phân quyền để xử lý hồ sơ theo hướng dẫn, thay cho việc yêu cầu giấy tờ bản giấy.', 'Looks up and cross-checks information in the databases one is authorised for to process files as instructed, instead of asking for paper documents.'],
          ['Tự tổ chức việc khai thác dữ liệu qua nền tảng chia sẻ cho toàn bộ quy trình mình phụ trách, phát hiện và báo cáo dữ liệu sai lệch.', 'Organises data use through the sharing platform for every procedure in one’s charge, and detects and reports inconsistent data.'],
          ['Đề xuất nhu cầu kết nối, chia sẻ dữ liệu giữa các hệ thống; hướng dẫn đồng nghiệp khai thác đúng quy định về phân quyền.', 'Proposes new connections and data-sharing needs between systems; coaches colleagues on using data within access rules.'],
          ['Định hướng kiến trúc dữ liệu của cơ quan, ngành; chủ trì xây dựng danh mục dữ liệu dùng chung và quy chế chia sẻ.', 'Sets the data architecture direction for the agency or sector; leads the shared data catalogue and the data-sharing rules.'],
        ],
      },
      {
        code: 'CN.2',
        name: ['Khai thác dữ liệu mở và dữ liệu lớn', 'Working with open and big data'],
        description: [
          'Tìm, đánh giá và sử dụng dữ liệu mở, dữ liệu lớn để phục vụ tham mưu, hoạch định chính sách và cung cấp dịch vụ; công bố dữ liệu mở của cơ quan theo quy định.',
          'Finds, assesses and uses open and big data for advice, policy-making and service delivery; publishes the agency’s open data as required.',
        ],
        indicators: [
          ['Phân biệt được dữ liệu mở, dữ liệu dùng chung và dữ liệu riêng; biết cổng dữ liệu mở của Nhà nước.', 'Distinguishes open, shared and restricted data; knows the government open-data portal.'],
          ['Tải và sử dụng bộ dữ liệu mở có sẵn để minh họa số liệu trong báo cáo, có ghi nguồn.', 'Downloads and uses existing open datasets to support figures in a report, citing the source.'],
          ['Đánh giá chất lượng, độ cập nhật của bộ dữ liệu trước khi dùng; chuẩn bị dữ liệu của đơn vị để công bố mở đúng định dạng.', 'Checks a dataset’s quality and currency before use; prepares the unit’s data for open publication in the right format.'],
          ['Kết hợp nhiều nguồn dữ liệu lớn (cảm biến, giao dịch, mạng xã hội) để phát hiện xu hướng phục vụ tham mưu chính sách.', 'Combines several big-data sources (sensors, transactions, social media) to detect trends that inform policy advice.'],
          ['Xây dựng chiến lược dữ liệu mở của cơ quan, ngành; thúc đẩy cộng đồng, doanh nghiệp tái sử dụng dữ liệu công.', 'Builds the agency’s or sector’s open-data strategy; drives reuse of public data by communities and businesses.'],
        ],
      },
      {
        code: 'CN.3',
        name: ['Đọc hiểu báo cáo phân tích dữ liệu', 'Reading analytical reports'],
        description: [
          'Đọc, hiểu và đánh giá được báo cáo phân tích, bảng điều khiển (dashboard), biểu đồ; nhận ra giới hạn và sai lệch của số liệu trước khi dùng để tham mưu, quyết định.',
          'Reads, understands and assesses analytical reports, dashboards and charts; recognises the limits and biases of figures before using them for advice or decisions.',
        ],
        indicators: [
          ['Đọc đúng các loại biểu đồ, bảng số liệu cơ bản và chỉ số tổng hợp trên bảng điều khiển của đơn vị.', 'Reads common charts, tables and the headline indicators on the unit’s dashboard correctly.'],
          ['Rút ra được nhận xét chính từ một báo cáo phân tích và trình bày lại cho lãnh đạo một cách chính xác.', 'Draws the main findings from an analytical report and restates them accurately for a leader.'],
          ['Phát hiện số liệu bất thường, so sánh sai kỳ, mẫu không đại diện; đặt câu hỏi đúng cho người lập báo cáo.', 'Spots anomalies, wrong period comparisons and unrepresentative samples; asks the report’s authors the right questions.'],
          ['Tổng hợp nhiều báo cáo, đánh giá độ tin cậy và đưa ra khuyến nghị có căn cứ dữ liệu cho vấn đề phức tạp.', 'Synthesises several reports, weighs their reliability and makes data-grounded recommendations on complex issues.'],
          ['Xác lập yêu cầu về chỉ số, báo cáo phân tích cho cả cơ quan, ngành; bảo đảm quyết định lớn đều có bằng chứng dữ liệu.', 'Sets the indicator and reporting requirements for the whole agency or sector; ensures major decisions rest on data evidence.'],
        ],
      },
      {
        code: 'CN.4',
        name: ['Phối hợp với chuyên gia công nghệ', 'Working with technology experts'],
        description: [
          'Diễn đạt nghiệp vụ thành yêu cầu rõ ràng cho chuyên gia, nhà thầu công nghệ; hiểu các phương án kỹ thuật ở mức đủ để lựa chọn và nghiệm thu.',
          'Turns business needs into clear requirements for technology experts and contractors; understands technical options well enough to choose between them and accept the result.',
        ],
        indicators: [
          ['Mô tả được khó khăn nghiệp vụ của mình để bộ phận công nghệ thông tin hỗ trợ.', 'Describes one’s own work problem clearly enough for the IT team to help.'],
          ['Tham gia khảo sát, cung cấp quy trình nghiệp vụ và dữ liệu mẫu khi xây dựng phần mềm; kiểm thử chức năng theo kịch bản.', 'Takes part in requirement surveys, supplies business processes and sample data; tests functions following test scripts.'],
          ['Viết yêu cầu nghiệp vụ, tiêu chí nghiệm thu rõ ràng; trao đổi hiệu quả với nhà thầu trong suốt vòng đời sản phẩm.', 'Writes clear business requirements and acceptance criteria; works effectively with contractors throughout the product life cycle.'],
          ['Đánh giá các phương án kỹ thuật về chi phí, rủi ro và khả năng kết nối; làm cầu nối giữa lãnh đạo, nghiệp vụ và kỹ thuật.', 'Weighs technical options for cost, risk and interoperability; bridges leaders, business staff and engineers.'],
          ['Xây dựng mô hình hợp tác lâu dài với chuyên gia, doanh nghiệp công nghệ; hình thành đội ngũ liên ngành trong cơ quan.', 'Builds lasting partnerships with technology experts and firms; forms cross-disciplinary teams inside the agency.'],
        ],
      },
      {
        code: 'CN.5',
        name: ['Quản lý dự án công nghệ thông tin', 'Managing public IT projects'],
        description: [
          'Lập kế hoạch, tổ chức thực hiện, theo dõi và nghiệm thu dự án, nhiệm vụ ứng dụng công nghệ thông tin sử dụng ngân sách nhà nước đúng quy định, đúng tiến độ và đạt hiệu quả.',
          'Plans, runs, monitors and accepts state-funded IT projects and tasks in line with regulations, on schedule and with real benefits.',
        ],
        indicators: [
          ['Biết các bước chính của một dự án công nghệ thông tin sử dụng vốn nhà nước và vai trò của các bên.', 'Knows the main stages of a state-funded IT project and the role of each party.'],
          ['Thực hiện được phần việc được giao trong dự án (lập hồ sơ, theo dõi tiến độ, tổng hợp báo cáo) theo hướng dẫn.', 'Carries out assigned project work (documents, progress tracking, reports) as instructed.'],
          ['Quản lý độc lập một nhiệm vụ hoặc gói thầu: phạm vi, tiến độ, chất lượng, rủi ro; tổ chức nghiệm thu theo tiêu chí.', 'Independently manages a task or contract package: scope, schedule, quality, risk; organises acceptance against criteria.'],
          ['Điều phối dự án nhiều gói thầu, nhiều đơn vị; xử lý thay đổi phạm vi và sự cố; đo lường lợi ích sau triển khai.', 'Coordinates multi-package, multi-agency projects; handles scope changes and incidents; measures benefits after roll-out.'],
          ['Chỉ đạo danh mục dự án của cơ quan, ngành; xây dựng quy trình quản lý dự án và bài học kinh nghiệm dùng chung.', 'Steers the agency’s or sector’s project portfolio; builds the shared project-management method and lessons learned.'],
        ],
      },
      {
        code: 'CN.6',
        name: ['An toàn thông tin cơ bản', 'Information security basics'],
        description: [
          'Thực hành an toàn thông tin trong công việc hằng ngày: bảo vệ tài khoản, thiết bị, dữ liệu; nhận biết và báo cáo kịp thời các nguy cơ, sự cố theo quy định về an toàn thông tin mạng.',
          'Practises information security in daily work: protects accounts, devices and data; recognises threats and reports incidents promptly under cybersecurity regulations.',
        ],
        indicators: [
          ['Đặt mật khẩu mạnh, không chia sẻ tài khoản, khóa máy khi rời chỗ; nhận biết thư điện tử lừa đảo phổ biến.', 'Uses strong passwords, never shares accounts, locks the screen when away; recognises common phishing e-mails.'],
          ['Dùng xác thực hai yếu tố, chữ ký số và kênh trao đổi an toàn; báo cáo ngay khi nghi có sự cố.', 'Uses two-factor authentication, digital signatures and secure channels; reports suspected incidents at once.'],
          ['Phân loại tài liệu theo mức độ mật, áp dụng biện pháp bảo vệ phù hợp và nhắc nhở đồng nghiệp tuân thủ.', 'Classifies documents by sensitivity, applies matching protection and reminds colleagues to comply.'],
          ['Phối hợp xử lý sự cố ở đơn vị; tham gia xây dựng quy chế và diễn tập an toàn thông tin.', 'Helps handle incidents in the unit; contributes to security rules and drills.'],
          ['Chỉ đạo bảo đảm an toàn hệ thống thông tin theo cấp độ cho cơ quan, ngành; xây dựng văn hóa an toàn thông tin.', 'Directs the protection of information systems by security level for the agency or sector; builds a security culture.'],
        ],
      },
    ],
  },
  {
    code: 'QT',
    kind: 'functional',
    name: ['Quản trị công trên môi trường số', 'Public management in the digital environment'],
    description: [
      'Thiết kế quy trình hành chính trên nền tảng số, ra quyết định dựa trên dữ liệu và theo thời gian thực, điều hành chương trình chuyển đổi số, phối hợp liên ngành và lãnh đạo trong môi trường số.',
      'Designs administrative processes on digital platforms, makes data-driven and real-time decisions, runs digitalisation programmes, coordinates across sectors and leads in the digital environment.',
    ],
    competencies: [
      {
        code: 'QT.1',
        name: ['Thiết kế quy trình hành chính trên nền tảng số', 'Designing administrative processes on digital platforms'],
        description: [
          'Tái thiết kế thủ tục, quy trình nội bộ theo hướng số hóa toàn trình, cắt giảm giấy tờ và bước trung gian, lấy trải nghiệm của người dân làm trung tâm.',
          'Redesigns procedures and internal workflows to be fully digital end to end, removing paperwork and intermediate steps, centred on the citizen’s experience.',
        ],
        indicators: [
          ['Mô tả được các bước của quy trình mình đang làm và chỉ ra bước nào đã thực hiện trên môi trường số.', 'Describes the steps of one’s own process and shows which are already done digitally.'],
          ['Vẽ sơ đồ quy trình hiện tại, ghi nhận giấy tờ, thời gian và người thực hiện từng bước theo mẫu.', 'Maps the current process with a template, recording the documents, time and actor of each step.'],
          ['Đề xuất quy trình số hóa toàn trình cho một thủ tục: bỏ bước thừa, tái sử dụng dữ liệu, xác định điểm ký số.', 'Proposes a fully digital process for a procedure: drops needless steps, reuses data, places the digital signatures.'],
          ['Thiết kế lại chuỗi thủ tục liên thông giữa nhiều cơ quan; đo thời gian, chi phí trước và sau cải tiến.', 'Redesigns chains of linked procedures across agencies; measures time and cost before and after.'],
          ['Định hướng chuẩn hóa quy trình số cho cả ngành, địa phương; ban hành nguyên tắc thiết kế dịch vụ lấy người dân làm trung tâm.', 'Sets digital process standards for a whole sector or province; issues citizen-centred service design principles.'],
        ],
      },
      {
        code: 'QT.2',
        name: ['Ra quyết định dựa trên dữ liệu', 'Data-driven and real-time decision-making'],
        description: [
          'Sử dụng dữ liệu, chỉ số và thông tin thời gian thực để nhận diện vấn đề, lựa chọn phương án và theo dõi kết quả thay cho cảm tính.',
          'Uses data, indicators and real-time information to identify problems, choose options and follow results rather than relying on intuition.',
        ],
        indicators: [
          ['Biết những chỉ số chính đo kết quả công việc của mình và nơi xem các chỉ số đó.', 'Knows the main indicators that measure one’s own work and where to see them.'],
          ['Dùng số liệu có sẵn để giải thích đề xuất của mình khi trình lãnh đạo.', 'Uses available figures to justify one’s proposals to a leader.'],
          ['Theo dõi chỉ số định kỳ, phát hiện sớm sai lệch so với mục tiêu và đề xuất điều chỉnh có căn cứ.', 'Tracks indicators regularly, spots early deviations from targets and proposes grounded adjustments.'],
          ['So sánh các phương án bằng dữ liệu và kịch bản; ra quyết định nhanh trong tình huống khẩn dựa trên thông tin thời gian thực.', 'Compares options with data and scenarios; decides quickly in emergencies on real-time information.'],
          ['Xây dựng hệ thống chỉ số và trung tâm điều hành dữ liệu cho cơ quan, địa phương; gắn trách nhiệm với kết quả đo được.', 'Builds the indicator system and data operations centre for the agency or province; ties accountability to measured results.'],
        ],
      },
      {
        code: 'QT.3',
        name: ['Điều hành chương trình chuyển đổi số', 'Running digitalisation programmes'],
        description: [
          'Xây dựng, tổ chức thực hiện và đánh giá kế hoạch, chương trình chuyển đổi số của đơn vị; huy động nguồn lực và quản lý thay đổi.',
          'Builds, implements and evaluates the unit’s digital-transformation plans and programmes; mobilises resources and manages change.',
        ],
        indicators: [
          ['Nắm được mục tiêu chuyển đổi số của cơ quan và phần việc liên quan đến mình.', 'Knows the agency’s digital-transformation goals and the part that concerns one’s own work.'],
          ['Thực hiện đúng hạn các nhiệm vụ chuyển đổi số được giao và báo cáo kết quả theo mẫu.', 'Completes assigned digital-transformation tasks on time and reports results on the template.'],
          ['Lập kế hoạch chuyển đổi số hằng năm của đơn vị với mục tiêu, chỉ số, nguồn lực và lộ trình cụ thể.', 'Drafts the unit’s annual digital-transformation plan with goals, indicators, resources and a clear roadmap.'],
          ['Điều phối chương trình nhiều cấu phần; xử lý sự kháng cự thay đổi; đánh giá hiệu quả và điều chỉnh kế hoạch.', 'Coordinates multi-component programmes; handles resistance to change; evaluates effectiveness and adjusts the plan.'],
          ['Hoạch định chiến lược chuyển đổi số trung hạn cho ngành, địa phương và bảo đảm nguồn lực thực hiện.', 'Sets the medium-term digital-transformation strategy of a sector or province and secures the means to deliver it.'],
        ],
      },
      {
        code: 'QT.4',
        name: ['Phối hợp liên ngành, liên cấp', 'Cross-sector coordination'],
        description: [
          'Phối hợp với cơ quan khác ngành, khác cấp để liên thông dữ liệu, thủ tục và giải quyết vấn đề chung vì người dân và doanh nghiệp.',
          'Works with agencies of other sectors and tiers to link data and procedures and solve shared problems for citizens and businesses.',
        ],
        indicators: [
          ['Biết các cơ quan liên quan đến công việc của mình và đầu mối liên hệ.', 'Knows which agencies relate to one’s work and their contact points.'],
          ['Trao đổi thông tin, văn bản với đơn vị khác qua hệ thống điện tử đúng thời hạn.', 'Exchanges information and documents with other units through electronic systems on time.'],
          ['Chủ động phối hợp giải quyết hồ sơ liên thông, tháo gỡ vướng mắc giữa các bên mà không đẩy việc.', 'Takes the initiative to settle linked files and clear blockages between parties without passing the buck.'],
          ['Chủ trì nhóm công tác liên ngành; thống nhất quy chế phối hợp, chia sẻ dữ liệu và trách nhiệm.', 'Chairs cross-sector working groups; agrees coordination rules, data sharing and responsibilities.'],
          ['Thiết lập cơ chế phối hợp bền vững giữa các ngành, các cấp; giải quyết xung đột lợi ích ở tầm chiến lược.', 'Establishes lasting coordination mechanisms across sectors and tiers; resolves conflicts of interest at strategic level.'],
        ],
      },
      {
        code: 'QT.5',
        name: ['Lãnh đạo số', 'Digital leadership'],
        description: [
          'Truyền cảm hứng, dẫn dắt tập thể thay đổi cách làm việc trên môi trường số; làm gương sử dụng công cụ số và tạo điều kiện cho đổi mới.',
          'Inspires and leads a team to change how it works in the digital environment; sets an example in using digital tools and makes room for innovation.',
        ],
        indicators: [
          ['Sẵn sàng thay đổi cách làm việc của bản thân khi cơ quan áp dụng công cụ số mới.', 'Is willing to change one’s own way of working when the agency adopts new digital tools.'],
          ['Sử dụng thành thạo các công cụ số của cơ quan và hỗ trợ đồng nghiệp trong nhóm cùng sử dụng.', 'Uses the agency’s digital tools fluently and helps teammates use them.'],
          ['Dẫn dắt nhóm chuyển sang quy trình làm việc số; giao việc, theo dõi và phản hồi trên hệ thống.', 'Leads the team onto digital workflows; assigns, follows up and gives feedback through the system.'],
          ['Xây dựng văn hóa đổi mới, chấp nhận thử nghiệm; phát triển năng lực số cho cán bộ dưới quyền.', 'Builds a culture of innovation that accepts experiments; develops the digital skills of subordinates.'],
          ['Đặt tầm nhìn chính quyền số cho cơ quan, địa phương và huy động cả hệ thống cùng thực hiện.', 'Sets the digital-government vision of the agency or province and rallies the whole system behind it.'],
        ],
      },
    ],
  },
];
