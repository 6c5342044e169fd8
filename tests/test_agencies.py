"""Agency recogniser: one table row per family, splitting rules, canonical names, data files."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from directive_nlp.agencies import (
    AGENCY_TYPES,
    agency_type,
    canonical,
    default_gazetteer,
    find_agencies,
    load_user_gazetteer,
)
from directive_nlp.errors import InputError


def names(text, **kw):
    return [m.name for m in find_agencies(text, **kw)]


# fmt: off
FAMILIES = [
    # Party bodies
    ("Ban Thường vụ Tỉnh ủy lãnh đạo", ["Ban Thường vụ Tỉnh ủy"], "party"),
    ("Thường trực Tỉnh ủy chỉ đạo", ["Thường trực Tỉnh ủy"], "party"),
    ("Giao Văn phòng Tỉnh ủy tổng hợp", ["Văn phòng Tỉnh ủy"], "party"),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], "party"),
    ("Ban Nội chính Tỉnh ủy theo dõi", ["Ban Nội chính Tỉnh ủy"], "party"),
    ("Ủy ban Kiểm tra Tỉnh ủy kiểm tra", ["Ủy ban Kiểm tra Tỉnh ủy"], "party"),
    ("Đảng ủy Công an tỉnh chủ trì", ["Đảng ủy Công an tỉnh"], "party"),
    ("Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh chỉ đạo", ["Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh"], "party"),
    ("Ban cán sự đảng UBND tỉnh đánh giá", ["Ban cán sự đảng UBND tỉnh"], "party"),
    ("Thành ủy Nha Trang quán triệt", ["Thành ủy Nha Trang"], "party"),
    # State bodies
    ("HĐND tỉnh giám sát", ["HĐND tỉnh"], "hdnd"),
    ("Giao Ủy ban nhân dân tỉnh Khánh Hòa chủ trì", ["Ủy ban nhân dân tỉnh Khánh Hòa"], "ubnd"),
    ("UBND phường Hải Châu thực hiện", ["UBND phường Hải Châu"], "ubnd"),
    ("Ủy ban nhân dân các xã, phường, đặc khu rà soát", ["Ủy ban nhân dân các xã, phường, đặc khu"], "ubnd"),
    # election bodies (their names hold the verb "bầu cử" and the assembly they elect)
    ("Ban bầu cử đại biểu Quốc hội tổ chức", ["Ban bầu cử đại biểu Quốc hội"], "other"),
    ("Ủy ban bầu cử tỉnh chỉ đạo các Tổ bầu cử", ["Ủy ban bầu cử tỉnh", "các Tổ bầu cử"], "other"),
    # levels joined by "/" (issue 12, u04 "3. UBND các xã/phường:"): one head, its levels
    ("UBND các xã/phường kiểm tra", ["UBND các xã/phường"], "ubnd"),
    ("Ủy ban nhân dân các huyện/thị xã/thành phố rà soát", ["Ủy ban nhân dân các huyện/thị xã/thành phố"], "ubnd"),
    ("Sở Nông nghiệp và Môi trường hướng dẫn", ["Sở Nông nghiệp và Môi trường"], "so"),
    ("Sở Nông nghiệp và Phát triển nông thôn đánh giá", ["Sở Nông nghiệp và Phát triển nông thôn"], "so"),
    ("Sở Tài nguyên và Môi trường kiểm tra", ["Sở Tài nguyên và Môi trường"], "so"),
    ("Sở Xây dựng hoàn thành bồi thường", ["Sở Xây dựng"], "so"),
    ("Sở Ngoại vụ tiếp đón đoàn", ["Sở Ngoại vụ"], "so"),
    ("Sở Lao động - Thương binh và Xã hội đánh giá", ["Sở Lao động - Thương binh và Xã hội"], "so"),
    ("Sở Văn hoá, Thể thao và Du lịch chủ trì", ["Sở Văn hoá, Thể thao và Du lịch"], "so"),
    ("Công an tỉnh xử lý", ["Công an tỉnh"], "police_military"),
    ("Bộ Chỉ huy Quân sự tỉnh phối hợp", ["Bộ Chỉ huy Quân sự tỉnh"], "police_military"),
    ("Bộ đội Biên phòng tỉnh tuần tra", ["Bộ đội Biên phòng tỉnh"], "police_military"),
    ("Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh", ["Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh"], "judiciary"),
    ("Kho bạc Nhà nước tỉnh kiểm soát chi", ["Kho bạc Nhà nước tỉnh"], "other"),
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp phối hợp", ["Ban Quản lý các khu công nghệ cao và khu công nghiệp"], "other"),
    ("Báo Khánh Hòa, Đài Phát thanh và Truyền hình tỉnh tuyên truyền",
     ["Báo Khánh Hòa", "Đài Phát thanh và Truyền hình tỉnh"], "other"),
    # the national news agency, a free head like "Đài" (u15: its name in a subject list of three)
    ("Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam chủ trì",
     ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"], "other"),
    ("Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ)", ["Trung tâm Dịch vụ việc làm Thành phố", "Sở Nội vụ"], "other"),
    ("Ban Chỉ huy Quân sự xã phối hợp", ["Ban Chỉ huy Quân sự xã"], "police_military"),
    ("Đồn Biên phòng Ia Mơr tuần tra", ["Đồn Biên phòng Ia Mơr"], "police_military"),
    ("Hạt Kiểm lâm Chư Păh kiểm tra", ["Hạt Kiểm lâm Chư Păh"], "police_military"),
    ("Phòng Kinh tế cấp xã tổng hợp", ["Phòng Kinh tế cấp xã"], "other"),
    ("Phòng Giáo dục phổ thông chủ trì", ["Phòng Giáo dục phổ thông"], "other"),
    ("Trung tâm Kiểm soát bệnh tật tỉnh hướng dẫn", ["Trung tâm Kiểm soát bệnh tật tỉnh"], "other"),
    ("liên hệ Trung tâm Đấu thầu qua mạng quốc gia hoặc Sở Tài chính",
     ["Trung tâm Đấu thầu qua mạng quốc gia", "Sở Tài chính"], "other"),
    ("Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh chỉ đạo", ["Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh"], "party"),
    ("Bên cạnh kết quả đạt được, Thanh Hóa cần tiếp tục có giải pháp", ["Thanh Hóa"], "ubnd"),
    ("1. Gia Lai phải khẩn trương rà soát", ["Gia Lai"], "ubnd"),
    ("Tỉnh Thanh Hóa cần nỗ lực hơn nữa", ["Tỉnh Thanh Hóa"], "ubnd"),
    # "TP." with its dot before the city's name (a VPCP notice): one level, the name goes on
    ("phối hợp với Ủy ban nhân dân TP. Hà Nội chỉ đạo", ["Ủy ban nhân dân TP. Hà Nội"], "ubnd"),
    # a committee's members are persons, their title one class ("Tỉnh ủy viên"), not the committee + "viên"
    ("Các đồng chí Tỉnh ủy viên theo dõi, chỉ đạo", ["Các đồng chí Tỉnh ủy viên"], "party"),
    ("Đảng ủy viên phụ trách chi bộ dự sinh hoạt", ["Đảng ủy viên"], "party"),
    # the province addressed in lower case after a comma, with a verb of duty (a conclusion notice)
    ("Tuy nhiên, bên cạnh kết quả đạt được, tỉnh Đắk Lắk cần tiếp tục có giải pháp",
     ["tỉnh Đắk Lắk"], "ubnd"),
    ("Để đạt mục tiêu tăng trưởng, thành phố Cần Thơ phải khẩn trương rà soát quy hoạch",
     ["thành phố Cần Thơ"], "ubnd"),
    ("trao đổi, phối hợp chặt chẽ với Tỉnh", ["Tỉnh"], "ubnd"),
    # mass organisations
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh giám sát", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "mass_org"),
    ("Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh",
     ["Liên đoàn Lao động tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh"], "mass_org"),
    ("Hội Liên hiệp Phụ nữ tỉnh vận động", ["Hội Liên hiệp Phụ nữ tỉnh"], "mass_org"),
    ("Ban Thường vụ Tỉnh Đoàn phát động", ["Ban Thường vụ Tỉnh Đoàn"], "party"),
    # central bodies
    ("báo cáo Thủ tướng Chính phủ", ["Thủ tướng Chính phủ"], "central"),
    ("Bộ Xây dựng khẩn trương rà soát", ["Bộ Xây dựng"], "central"),
    ("theo Kết luận của Bộ Chính trị, Ban Bí thư", ["Bộ Chính trị", "Ban Bí thư"], "central"),
    ("Tập đoàn Điện lực Việt Nam đầu tư", ["Tập đoàn Điện lực Việt Nam"], "enterprise"),
    # heads of bodies
    ("Giám đốc các Sở chịu trách nhiệm", ["Giám đốc các Sở"], "head"),
    ("Thủ trưởng các cơ quan, đơn vị có liên quan triển khai", ["Thủ trưởng các cơ quan, đơn vị có liên quan"], "head"),
    ("Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu Lý Sơn chịu trách nhiệm",
     ["Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu Lý Sơn"], "head"),
    ("Thống đốc Ngân hàng Nhà nước Việt Nam chỉ đạo", ["Thống đốc Ngân hàng Nhà nước Việt Nam"], "head"),
    ("Tổng Thanh tra Chính phủ chỉ đạo", ["Tổng Thanh tra Chính phủ"], "head"),
    ("Chi cục trưởng Chi cục Thủy sản báo cáo", ["Chi cục trưởng Chi cục Thủy sản"], "head"),
    # groups
    ("phối hợp với các sở, ban, ngành", ["các sở, ban, ngành"], "group"),
    ("Các sở, ban, ngành, đoàn thể Thành phố", ["Các sở, ban, ngành, đoàn thể Thành phố"], "group"),
    ("Sở, ban, ngành liên quan", ["Sở, ban, ngành liên quan"], "group"),
    ("giao các cơ quan, đơn vị, địa phương", ["các cơ quan, đơn vị, địa phương"], "group"),
    ("phối hợp các Bộ, cơ quan và địa phương liên quan", ["các Bộ, cơ quan và địa phương liên quan"], "group"),
    ("Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy", ["Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy"], "group"),
]

SPLITS = [
    # the committee itself is still a body before a comma ("Thành ủy, Ủy ban nhân dân thành phố")
    ("Thành ủy, Ủy ban nhân dân thành phố chỉ đạo", ["Thành ủy", "Ủy ban nhân dân thành phố"]),
    ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", ["Các huyện ủy", "thành ủy", "đảng ủy trực thuộc Tỉnh ủy"]),
    ("Sở Y tế, Sở Tài chính và các cơ quan liên quan", ["Sở Y tế", "Sở Tài chính", "các cơ quan liên quan"]),
    ("Các sở: Nông nghiệp và Môi trường, Xây dựng, Quy hoạch - Kiến trúc, Nội vụ",
     ["Các sở: Nông nghiệp và Môi trường", "Xây dựng", "Quy hoạch - Kiến trúc", "Nội vụ"]),
    ("các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội",
     ["các Tập đoàn: Bưu chính Viễn thông Việt Nam", "Công nghiệp - Viễn thông Quân đội"]),
    ("Phối hợp chặt chẽ giữa các lực lượng Công an, Biên phòng, Hải quan",
     ["các lực lượng Công an", "Biên phòng", "Hải quan"]),
    ("Các cơ quan truyền thông, báo chí của tỉnh", ["Các cơ quan truyền thông", "báo chí của tỉnh"]),
    # a "/" between two bodies (not two levels of one head) still separates them
    ("UBND tỉnh/Sở Y tế kiểm tra", ["UBND tỉnh", "Sở Y tế"]),
    # "lực lượng" + a named force is a body (class noun); "lực lượng lao động" is not
    ("Chủ động phối hợp với Công an, lực lượng Hải quan triển khai", ["Công an", "lực lượng Hải quan"]),
    ("phối hợp với lực lượng Biên phòng tuần tra", ["lực lượng Biên phòng"]),
    ("nâng cao chất lượng lực lượng lao động", []),
    # "các lực lượng" is a group of bodies (generic noun); bare "lực lượng" after a verb is not
    ("Phối hợp chặt chẽ các lực lượng, sử dụng đồng bộ các biện pháp", ["các lực lượng"]),
    ("phối hợp với các lực lượng liên quan", ["các lực lượng liên quan"]),
    ("huy động lực lượng tham gia", []),
    ("Mỗi cán bộ, đảng viên", ["Mỗi cán bộ", "đảng viên"]),
    ("Các cấp ủy đảng, trước hết là người đứng đầu", ["Các cấp ủy đảng", "người đứng đầu"]),
    ("phối hợp với các địa phương, đơn vị, chủ rừng triển khai", ["các địa phương, đơn vị", "chủ rừng"]),
    ("Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan",
     ["Các doanh nghiệp viễn thông", "tổ chức, cá nhân có liên quan"]),
    ("các sở, ban, ngành, các Tổng công ty, công ty, các đơn vị trực thuộc Thành phố",
     ["các sở, ban, ngành", "các Tổng công ty, công ty, các đơn vị trực thuộc Thành phố"]),
    # a department's short name ends before a verb or adverb that opens the work (name_stop_words) ...
    ("Sở Giáo dục chú trọng tập huấn cho giáo viên", ["Sở Giáo dục"]),
    ("Sở Giáo dục tích cực phối hợp với Sở Y tế", ["Sở Giáo dục", "Sở Y tế"]),
    # ... while a lower-case part of a name stays in it
    ("Phòng Giáo dục phổ thông tổ chức tập huấn", ["Phòng Giáo dục phổ thông"]),
    # a generic noun written straight after another, without a comma (adjoining_generic_nouns)
    ("Giao các bộ ngành Trung ương thực hiện", ["các bộ ngành Trung ương"]),
    ("phối hợp với các ban ngành đoàn thể tỉnh", ["các ban ngành đoàn thể tỉnh"]),
    ("Các sở ngành tỉnh chủ động triển khai", ["Các sở ngành tỉnh"]),
    ("Mặt trận Tổ quốc và các tổ chức đoàn thể tỉnh vận động", ["Mặt trận Tổ quốc", "các tổ chức đoàn thể tỉnh"]),
    # ... only those: a verb after the group is no noun of it
    ("các đơn vị tổ chức thực hiện", ["các đơn vị"]),
    ("các tổ chức đoàn kết với nhân dân", ["các tổ chức"]),  # "đoàn kết" is a verb, not "đoàn thể"
    # bound17: "phòng" and "bộ phận" are generic nouns of a group ("các phòng, ban chuyên môn") ...
    ("UBND huyện chỉ đạo các phòng, ban chuyên môn thực hiện", ["UBND huyện", "các phòng, ban chuyên môn"]),
    ("Trưởng các phòng, bộ phận trực thuộc chịu trách nhiệm", ["Trưởng các phòng, bộ phận trực thuộc"]),
    ("chuyên viên các phòng chuyên môn có liên quan", ["các phòng chuyên môn có liên quan"]),
    # ... but not the verb "phòng, chống" / "phòng ngừa" nor a room ("phòng thí nghiệm", "phòng học")
    ("tăng cường công tác phòng, chống ma túy", []),
    ("phòng ngừa vi phạm pháp luật", []),
    ("đầu tư các phòng thí nghiệm trọng điểm", []),
    ("xây dựng các phòng học thực hành", []),
    # bound17: a capitalised bare generic after "thuộc" / "trực thuộc" is the issuing body ("thuộc Sở") ...
    ("Các phòng chuyên môn thuộc Sở, các trường triển khai", ["Các phòng chuyên môn thuộc Sở"]),
    ("các đơn vị trực thuộc Bộ.", ["các đơn vị trực thuộc Bộ"]),
    # ... not the head of a longer name it does not know, nor a lower-case "sở"
    ("- Các vụ, đơn vị thuộc Ban TG&DVTW,", []),
    ("các đơn vị thuộc sở triển khai", ["các đơn vị"]),
    ("các sở ban hành văn bản hướng dẫn", ["các sở"]),
    ("các cơ quan ngành dọc đóng trên địa bàn", ["các cơ quan"]),  # not "các cơ quan ngành"
    # generic groups closed by a catch-all group ("… và các cơ quan có liên quan") are one agency
    ("Sở Công Thương chủ trì, phối hợp với các sở, ngành, đoàn thể tỉnh và các cơ quan có liên quan",
     ["Sở Công Thương", "các sở, ngành, đoàn thể tỉnh và các cơ quan có liên quan"]),
    ("Giao các ban, ngành của tỉnh, các tổ chức, đơn vị khác triển khai",
     ["các ban, ngành của tỉnh, các tổ chức, đơn vị khác"]),
    # ... but not when the list also names a body, or its last group is no catch-all
    ("Sở Công Thương, các sở, ngành tỉnh và các đơn vị liên quan",
     ["Sở Công Thương", "các sở, ngành tỉnh", "các đơn vị liên quan"]),
    ("phối hợp với các sở, ngành tỉnh và các doanh nghiệp viễn thông",
     ["các sở, ngành tỉnh", "các doanh nghiệp viễn thông"]),
    ("Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng, Sở Công Thương và UBND các xã",
     ["Sở Tài chính", "Sở Xây dựng", "Sở Công Thương", "UBND các xã"]),
    # heads of a list addressed together: a head with no body of its own stands alone before the next head
    ("Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các "
     "tỉnh phải phát huy vai trò",
     ["Các đồng chí Bộ trưởng", "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Chủ tịch Ủy ban nhân dân các tỉnh"]),
    ("Bộ trưởng và Thủ trưởng các cơ quan ngang bộ chỉ đạo", ["Bộ trưởng", "Thủ trưởng các cơ quan ngang bộ"]),
    # the classes of central bodies are generic nouns of one group phrase
    ("Các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ rà soát", ["Các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]),
    ("các bộ, cơ quan ngang bộ, cơ quan trực thuộc Chính phủ, Ủy ban nhân dân cấp tỉnh",
     ["các bộ, cơ quan ngang bộ, cơ quan trực thuộc Chính phủ", "Ủy ban nhân dân cấp tỉnh"]),
    ("cán bộ, công chức, viên chức chủ động học tập", ["cán bộ", "công chức", "viên chức"]),
]

ABBREVIATED = [
    ("Sở LĐ-TB&XH", "sở lao động thương binh và xã hội"),
    ("Sở VHTTDL", "sở văn hóa thể thao và du lịch"),
    ("Sở GDĐT", "sở giáo dục và đào tạo"),
    ("Sở KH&CN", "sở khoa học và công nghệ"),
    ("Sở NN&MT", "sở nông nghiệp và môi trường"),
    ("Sở TT&TT", "sở thông tin và truyền thông"),
    ("UBND tỉnh", "ủy ban nhân dân tỉnh"),
    ("MTTQ tỉnh", "mặt trận tổ quốc tỉnh"),
    ("BCS đảng UBND tỉnh", "ban cán sự đảng ủy ban nhân dân tỉnh"),
    ("UBND TP Hồ Chí Minh", "ủy ban nhân dân thành phố hồ chí minh"),
    ("UBND TP. Hồ Chí Minh", "ủy ban nhân dân thành phố hồ chí minh"),
    ("UBKT Tỉnh ủy", "ủy ban kiểm tra tỉnh ủy"),
    ("VP UBND tỉnh", "văn phòng ủy ban nhân dân tỉnh"),
    ("BQL các KCN tỉnh", "ban quản lý các khu công nghiệp tỉnh"),
    ("Đoàn TNCS Hồ Chí Minh tỉnh", "đoàn thanh niên cộng sản hồ chí minh tỉnh"),
    ("Đài PT-TH tỉnh", "đài phát thanh truyền hình tỉnh"),
]

NOT_AGENCIES = [
    "tổ chức thực hiện kế hoạch",
    "chuẩn bị tốt công tác bầu cử ở cơ sở",
    "Ban hành kế hoạch triển khai",
    "đẩy mạnh xã hội hóa nguồn lực",
    "chuẩn bị Đại hội Đảng các cấp",
    "nâng cao nhận thức của người dân",
    "Hội nghị trực tuyến toàn quốc",
    "Phòng, chống thiên tai và tìm kiếm cứu nạn",
    "trang bị phương tiện phòng cháy chữa cháy",
    "đầu tư tại Thanh Hóa cần được ưu tiên",
    "Việt Nam cần chủ động hội nhập",
    "Hội nghị được tổ chức tại TP. Hồ Chí Minh",  # a city named as a place, no body
    "kinh tế của tỉnh Đắk Lắk cần được phát huy",  # lower-case level not opening a clause
    "Trong năm, tỉnh Đắk Lắk đã đạt được nhiều kết quả",  # no verb of duty after the name
    "Nhìn chung, tỉnh lỵ cần được chỉnh trang",  # no province name after the level
    "Thống đốc chỉ đạo thực hiện",  # a person head needs its body
    "Bộ trưởng, các đồng chí lãnh đạo chỉ đạo",  # … unless another head follows it in a list of heads
    "Hiệu trưởng nhà trường quan tâm",
    "Thanh tra, kiểm tra, giám sát và xử lý vi phạm",  # the verb "thanh tra" opening a list of verbs
    "Thanh tra và kiểm tra việc thực hiện",
    "Thông tấn xã chủ động đưa tin",  # a free head needs its name
]
# fmt: on


@pytest.mark.parametrize("text,expected,typ", FAMILIES, ids=[f[1][0][:40] for f in FAMILIES])
def test_agency_families(text, expected, typ):
    found = find_agencies(text)
    assert [m.name for m in found] == expected
    assert found[0].type == typ
    for m in found:
        assert text[m.start : m.end] == m.name
        assert m.rule and m.canonical and m.type in AGENCY_TYPES


@pytest.mark.parametrize("text,expected", SPLITS, ids=[s[0][:40] for s in SPLITS])
def test_lists_split_and_groups_kept_whole(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,key", ABBREVIATED)
def test_abbreviations_found_and_expanded(text, key):
    found = find_agencies(text)
    assert [m.name for m in found] == [text]
    assert found[0].canonical == key


@pytest.mark.parametrize("text", NOT_AGENCIES)
def test_not_agencies(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "name,key",
    [
        ("Các Sở, ban, ngành", "sở ban ngành"),
        ("những cơ quan liên quan", "cơ quan liên quan"),
        ("Sở Văn hoá, Thể thao và Du lịch", "sở văn hóa thể thao và du lịch"),
        ("Ủy ban nhân dân tỉnh Thanh Hoá", "ủy ban nhân dân tỉnh thanh hóa"),
        ("UBND các xã, phường", "ủy ban nhân dân các xã phường"),
        ("HĐND tỉnh", "hội đồng nhân dân tỉnh"),
    ],
)
def test_canonical_matches_the_scorer(name, key):
    assert canonical(name) == key


def test_canonical_agrees_with_score_py_norm_agency():
    from directive_nlp.evaluation import norm_agency

    for name in ["Các Sở, ban, ngành", "UBND tỉnh", "Ban cán sự đảng UBND tỉnh", "Sở Văn hoá, Thể thao và Du lịch",
                 "MTTQ tỉnh", "Thủ trưởng các cơ quan, đơn vị có liên quan", "HĐND Thành phố"]:
        assert canonical(name) == norm_agency(name)


@pytest.mark.parametrize(
    "name,typ",
    [("Sở Tài chính", "so"), ("các cơ quan liên quan", "group"), ("Công an tỉnh", "police_military"),
     ("Tỉnh ủy", "party"), ("UBND xã", "ubnd"), ("Giám đốc Sở Y tế", "head"), ("Bộ Tài chính", "central"),
     ("Hội Nông dân tỉnh", "mass_org"), ("Tòa án nhân dân tỉnh", "judiciary"), ("", None)],
)
def test_agency_type(name, typ):
    assert agency_type(name) == typ


def test_mentions_in_a_paragraph_of_our_own():
    text = (
        "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ và Ủy ban nhân dân "
        "các xã, phường xây dựng cơ sở dữ liệu; Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh bảo đảm an ninh. "
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh giám sát.\n"
        "| 2 | Tập huấn cho cán bộ | Sở Nội vụ | Các sở, ban, ngành; UBND các xã, phường | Quý II/2026 |"
    )
    assert names(text) == [
        "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ", "Ủy ban nhân dân các xã, phường",
        "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "các tổ chức chính trị - xã hội tỉnh", "cán bộ", "Sở Nội vụ", "Các sở, ban, ngành", "UBND các xã, phường",
    ]


# --- data files -------------------------------------------------------------


def _resource(name):
    from importlib import resources

    return yaml.safe_load(resources.files("directive_nlp").joinpath(f"resources/vi/{name}").read_text("utf-8"))


def test_agencies_yaml_loads_with_valid_types():
    data = _resource("agencies.yaml")
    assert {"departments", "bodies", "free_heads", "heads", "generic_nouns", "class_nouns", "levels",
            "qualifiers", "name_stop_words"} <= set(data)
    for b in data["bodies"]:
        assert set(b) <= {"name", "type", "qualify", "wraps", "needs_inner", "free", "aliases", "verb"}, b
        assert b["type"] in AGENCY_TYPES, b
    names_ = [d["name"] for d in data["departments"]]
    assert "Văn hóa, Thể thao và Du lịch" in names_  # a comma inside a flow mapping must be quoted
    assert "Nông nghiệp và Môi trường" in names_ and "Kế hoạch và Đầu tư" in names_
    former = {d["name"]: d.get("now") for d in data["departments"] if d.get("former")}
    assert former["Thông tin và Truyền thông"] == "Khoa học và Công nghệ"


def test_abbreviations_yaml_loads_and_covers_the_scorer():
    data = _resource("abbreviations.yaml")["abbreviations"]
    for short in ["UBND", "HĐND", "MTTQ", "BCS", "BTV", "BCH", "BCĐ", "VKSND", "TAND", "CA", "LĐTBXH"]:
        assert short in data
    assert data["NN&MT"] == "Nông nghiệp và Môi trường"
    g = default_gazetteer()
    assert g.abbreviations["UBND"] == ("ủy", "ban", "nhân", "dân")


# --- user gazetteer -----------------------------------------------------------


def test_user_gazetteer_adds_bodies_and_abbreviations(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(textwrap.dedent("""\
        bodies:
          - name: Cảng vụ Hàng hải Nha Trang
            type: other
            aliases: [CVHH Nha Trang]
        abbreviations:
          QLTT: Quản lý thị trường
        class_nouns:
          - {name: tổ dân phố, type: other}
        """), encoding="utf-8")
    g = load_user_gazetteer(f)
    text = "CVHH Nha Trang phối hợp với các tổ dân phố và Cảng vụ Hàng hải Nha Trang"
    assert names(text, gazetteer=g) == ["CVHH Nha Trang", "các tổ dân phố", "Cảng vụ Hàng hải Nha Trang"]
    assert canonical("Chi cục QLTT", gazetteer=g) == "chi cục quản lý thị trường"
    # the package gazetteer is untouched
    assert "các tổ dân phố" not in names(text)


@pytest.mark.parametrize(
    "content,fragment",
    [("bodies: [", "not a YAML"), ("- a\n- b\n", "mapping"), ("agencies: []\n", "unknown gazetteer keys"),
     ("bodies:\n  - {name: X, type: planet}\n", "unknown agency type")],
)
def test_user_gazetteer_errors_are_one_line(tmp_path, content, fragment):
    f = tmp_path / "bad.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_user_gazetteer(f)
    assert fragment in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(InputError):
        load_user_gazetteer(tmp_path / "missing.yaml")


@pytest.mark.parametrize("words, typ", [
    ("Chủ tịch Ủy ban nhân dân các xã", "head"),          # at_start: the head opens the name
    ("Viện kiểm sát nhân dân hai cấp", "judiciary"),
    # an enterprise the recogniser does not read ("cấp nước" is now a sector modifier, so "Tổng công ty cấp
    # nước" is read as a class, like "Tổng công ty viễn thông")
    ("Tổng công ty cấp thoát nước", "enterprise"),
    ("các địa phương", "group"),
    ("Văn phòng điều phối nông thôn mới", "other"),       # no hint word: other
    ("nhóm công tác của trưởng thôn", "other"),            # "trưởng" not at the start: not a head
])
def test_type_hints_come_from_agency_types_yaml(words, typ):
    from directive_nlp.agencies import load_agency_types

    assert {h["type"] for h in load_agency_types()["type_hints"]} >= {"head", "judiciary", "group"}
    assert agency_type(words) == typ


def test_agency_key_is_one_key_for_all_consumers():
    from directive_nlp.agencies import agency_key
    from directive_nlp.crosscheck import agency_key as crosscheck_key
    from directive_nlp.graph import agency_key as graph_key

    assert agency_key("các ubnd huyện") == agency_key("UBND huyện") == "ủy ban nhân dân huyện"
    assert graph_key("UBND tỉnh Lạng Sơn", "Lạng Sơn") == "ủy ban nhân dân tỉnh"
    assert crosscheck_key("Sở Tài chính tỉnh") == "sở tài chính"
    assert agency_key("ca trực") == "ca trực"                # two-letter abbreviations typed in lower case stay words


# --- speed mechanisms: same mentions as the plain path ----------------------

_OWN_TEXTS = [
    "Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ và Ủy ban nhân dân "
    "các xã, phường xây dựng cơ sở dữ liệu; Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh bảo đảm an ninh.",
    "các sở, ban, ngành tỉnh; thủ trưởng cơ quan, đơn vị và người đứng đầu cấp ủy tổ chức thực hiện.",
    "Các Sở: Y tế, Tài chính, Nội vụ; các Tập đoàn: Điện lực Việt Nam, Viettel phối hợp.",
    "| 2 | Tập huấn | Sở Nội vụ | Các sở, ban, ngành; UBND các xã, phường | Quý II/2026 |",
    "Thanh Hóa cần tiếp tục rà soát; tỉnh Bà Rịa - Vũng Tàu và đặc khu Cồn Cỏ báo cáo.",
    "tổ chức thực hiện kế hoạch, xã hội hóa nguồn lực, hội nghị tổng kết (không có cơ quan nào).",
]


class _Everything:
    def __contains__(self, key):
        return True


def _mentions(text, gazetteer=None):
    return [(m.start, m.end, m.canonical, m.type, m.rule) for m in find_agencies(text, gazetteer=gazetteer)]


def _all_positions(monkeypatch):
    from directive_nlp import agencies

    monkeypatch.setattr(agencies._Scanner, "start_keys", lambda self: _Everything())


def _corpus_texts():
    from corpus_paths import DEV, EXTRA

    return [p.read_text(encoding="utf-8") for d in (DEV, EXTRA) if d.is_dir() for p in sorted(d.glob("*.md"))][:8]


@pytest.mark.parametrize("text", _OWN_TEXTS)
def test_skipping_words_no_rule_starts_on_changes_nothing(text, monkeypatch):
    # the scanner skips lower-case words outside start_keys; trying every word gives the same mentions
    fast = _mentions(text)
    _all_positions(monkeypatch)
    assert _mentions(text) == fast


def test_skipping_words_changes_nothing_on_the_shared_corpus(monkeypatch):
    texts = _corpus_texts()
    if not texts:
        pytest.skip("the shared corpora are absent (third-party data, read from ../shared)")
    fast = [_mentions(t) for t in texts]
    _all_positions(monkeypatch)
    assert [_mentions(t) for t in texts] == fast


def test_start_keys_hold_the_first_words_and_not_others():
    from directive_nlp.agencies import _Scanner, default_gazetteer

    keys = _Scanner("", default_gazetteer()).start_keys()
    assert {"sở", "ủy", "các", "cơ", "trung"} <= keys  # positive: a body, a determiner, generic nouns, a free head
    assert not {"xây", "dựng", "kế", "hoạch", "2026"} & keys  # negative: words no agency begins with


def test_the_token_cache_gives_what_a_cold_gazetteer_gives():
    from directive_nlp.agencies import Gazetteer, _read_resource, default_gazetteer

    def fresh():
        g = Gazetteer()
        g.load(_read_resource("abbreviations.yaml"), "abbreviations.yaml")
        g.load(_read_resource("agencies.yaml"), "agencies.yaml")
        return g

    warm = default_gazetteer()
    for text in _OWN_TEXTS:
        _mentions(text, warm)  # fill the cache
    assert [_mentions(t, warm) for t in _OWN_TEXTS] == [_mentions(t, fresh()) for t in _OWN_TEXTS]


def test_an_abbreviation_added_after_a_scan_is_seen():
    from directive_nlp.agencies import Gazetteer, _read_resource

    g = Gazetteer()
    g.load(_read_resource("agencies.yaml"), "agencies.yaml")
    text = "Giao SXYZ chủ trì."
    assert _mentions(text, g) == []  # negative: unknown capitals are no agency; the token is cached
    g.add_abbreviation("SXYZ", "Ủy ban nhân dân")
    assert [m[2] for m in _mentions(text, g)] == ["ủy ban nhân dân"]


def _walk(sc, trie, i):
    """The former trie walk of _Scanner.match, from the token's place in the flat key stream."""
    if i >= len(sc.toks) or sc.toks[i].punct:
        return None
    node, best, f = trie.root, None, sc.flat_at[i]
    while f < len(sc.flat):
        key, ti, last = sc.flat[f]
        node = node.get(key)
        if node is None:
            break
        if last and None in node:
            best = (ti + 1, node[None])
        f += 1
    return best


def test_match_starts_from_the_first_key_and_finds_what_the_walk_finds():
    """_Scanner.match looks the token's first key up in the trie's root before walking; the same entries
    (end token and value) at every token, for every trie, past the end too."""
    from directive_nlp.agencies import _Scanner, default_gazetteer

    g = default_gazetteer()
    tries = [v for v in vars(g).values() if hasattr(v, "root")]
    assert len(tries) > 5
    for text in _OWN_TEXTS + _corpus_texts()[:2] + ["", "UBND – Sở", "— : UBND tỉnh -"]:
        sc = _Scanner(text, g)
        for trie in tries:
            for i in range(len(sc.toks) + 2):
                assert sc.match(trie, i) == _walk(sc, trie, i), (text[:40], i)


@pytest.mark.parametrize("text,expected", [
    ("Thanh tra tỉnh, Sở Tài chính kiểm tra", ["Thanh tra tỉnh", "Sở Tài chính"]),   # qualified: the body
    ("Thanh tra, Sở Tài chính phối hợp", ["Thanh tra", "Sở Tài chính"]),            # a body follows the comma
    ("Sở Y tế, Thanh tra, Công an tỉnh phối hợp", ["Sở Y tế", "Thanh tra", "Công an tỉnh"]),
    ("Thanh tra Chính phủ, Bộ Công an", ["Thanh tra Chính phủ", "Bộ Công an"]),
])
def test_a_body_named_like_a_verb_is_a_body_beside_bodies(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("phối hợp với các sở, ngành tham mưu Ủy ban nhân dân tỉnh triển khai", ["các sở, ngành", "Ủy ban nhân dân tỉnh"]),
    ("các đơn vị tham mưu cho UBND tỉnh quy định", ["các đơn vị", "UBND tỉnh"]),
    # the modifier stays where no advised body follows it
    ("các cơ quan tham mưu xây dựng chính sách", ["các cơ quan tham mưu"]),
    ("các cơ quan tham mưu, giúp việc Tỉnh ủy", ["các cơ quan tham mưu", "Tỉnh ủy"]),
])
def test_tham_muu_before_the_body_it_advises_is_the_verb(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương hoàn thiện", ["Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng"]),
    ("Ủy ban nhân dân các tỉnh Nghệ An, Hà Tĩnh và Quảng Bình chỉ đạo",
     ["Ủy ban nhân dân các tỉnh Nghệ An, Hà Tĩnh và Quảng Bình"]),
    ("Sở Y tế và các tỉnh Nghệ An, Hà Tĩnh", ["Sở Y tế", "các tỉnh Nghệ An, Hà Tĩnh"]),
    # a body or a word that is no province ends the list of places
    ("Ủy ban nhân dân các tỉnh Nghệ An, Sở Y tế phối hợp", ["Ủy ban nhân dân các tỉnh Nghệ An", "Sở Y tế"]),
    ("Ủy ban nhân dân các tỉnh Nghệ An, Hoàng Văn Thụ chỉ đạo", ["Ủy ban nhân dân các tỉnh Nghệ An"]),
])
def test_one_plural_level_with_its_named_places_is_one_agency(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", ["các tỉnh miền núi phía Bắc", "Các tỉnh, thành phố chủ động",
                                  "Các xã Ea Kao, Hòa Thắng chủ động"])
def test_a_plural_level_without_named_provinces_is_no_locality_list(text):
    assert not any("," in n and "tỉnh" in n for n in names(text))


@pytest.mark.parametrize("text,expected", [
    ("Ngân hàng Chính sách xã hội chi nhánh tỉnh phối hợp thực hiện", ["Ngân hàng Chính sách xã hội chi nhánh tỉnh"]),
    ("Ngân hàng Nhà nước chi nhánh Khu vực 14 chỉ đạo", ["Ngân hàng Nhà nước chi nhánh Khu vực 14"]),
    ("Ngân hàng Nhà nước Việt Nam Chi nhánh Khu vực II", ["Ngân hàng Nhà nước Việt Nam Chi nhánh Khu vực II"]),
    ("Sở Y tế chi nhánh", ["Sở Y tế"]),  # no level or place after it: no branch
])
def test_a_branch_is_part_of_the_name_with_its_level(text, expected):
    assert names(text) == expected


# Names the recogniser cut in two (issue 12, branch agency7: docs/agencies.md, "Fourth round").
@pytest.mark.parametrize("text,expected", [
    ("Trung tâm Xúc tiến Thương mại và Đầu tư tỉnh chủ trì", ["Trung tâm Xúc tiến Thương mại và Đầu tư tỉnh"]),
    ("Trung tâm Dịch vụ việc làm và Sở Nội vụ phối hợp", ["Trung tâm Dịch vụ việc làm", "Sở Nội vụ"]),
    ("Trung tâm Y tế và thực hiện", ["Trung tâm Y tế"]),  # a lower-case verb after "và" ends the name
    ("Hiệp hội Du lịch tỉnh chủ trì", ["Hiệp hội Du lịch tỉnh"]),
    ("Hiệp hội Doanh nghiệp vận động hội viên", ["Hiệp hội Doanh nghiệp"]),
    ("các hiệp hội doanh nghiệp", ["các hiệp hội"]),  # lower case: the class noun, as before
    ("Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội thành viên",
     ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội thành viên"]),
    ("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh chủ trì", ["Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"]),
    ("Trung ương Hội Liên hiệp Phụ nữ Việt Nam phối hợp", ["Trung ương Hội Liên hiệp Phụ nữ Việt Nam"]),
    ("các tỉnh, thành phố trực thuộc Trung ương", []),  # the places' owner, no body (branch agprec14)
    ("Ủy ban Trung ương tổ chức", ["Ủy ban Trung ương"]),  # a free name after "Ủy ban", as before
])
def test_a_name_is_not_cut_inside(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Các đồng chí Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh phải phát huy",
     ["Các đồng chí Bộ trưởng", "Chủ tịch Ủy ban nhân dân các tỉnh"]),
    ("Các Bộ trưởng phải chỉ đạo", ["Các Bộ trưởng"]),
    ("các Giám đốc Sở", ["các Giám đốc Sở"]),  # a head with its body, as before
    ("các Bộ, ngành", ["các Bộ, ngành"]),  # "Bộ" without "trưởng" is the generic noun
    ("Các Bộ: Tài chính, Xây dựng", ["Các Bộ: Tài chính", "Xây dựng"]),
])
def test_a_plural_person_head_stands_alone(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("b) Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh tiến độ",
     ["Thành phố Hà Nội", "các tỉnh Bắc Ninh, Gia Lai"]),
    ("a) Tỉnh Quảng Ninh chủ động bố trí", ["Tỉnh Quảng Ninh"]),
    ("- Thành phố Hồ Chí Minh chủ trì", ["Thành phố Hồ Chí Minh"]),
    ("b) Thành phố thông minh là mục tiêu", []),  # no place name after the level: no body
    ("c) Tỉnh lộ 10 được nâng cấp", []),
    ("phát triển Thành phố Hà Nội", []),  # inside a clause: a place, not an actor
])
def test_a_named_province_or_city_after_a_list_marker_acts(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # issue 12 (branch agency7): a ministry serves no list of provinces; the provinces act beside it
    ("Bộ Xây dựng, Bộ Quốc phòng các tỉnh Ninh Bình, Hưng Yên, Đồng Nai đôn đốc chủ đầu tư",
     ["Bộ Xây dựng", "Bộ Quốc phòng", "các tỉnh Ninh Bình, Hưng Yên, Đồng Nai"]),
    ("Sở Y tế các tỉnh Ninh Bình, Hưng Yên", ["Sở Y tế các tỉnh Ninh Bình, Hưng Yên"]),  # a department of each
    ("Bộ Tài chính và các bộ liên quan", ["Bộ Tài chính", "các bộ liên quan"]),
    ("Bộ Chỉ huy Quân sự tỉnh Ninh Bình", ["Bộ Chỉ huy Quân sự tỉnh Ninh Bình"]),  # a named body, not a ministry
])
def test_a_ministry_takes_no_plural_level_after_it(text, expected):
    assert names(text) == expected


# The partner slot (issue 12, branch agency10): after "phối hợp (với)" a bare generic or class noun with the
# words that name it is a body, where no other rule reads one; "Thông tấn xã", "nhà mạng" in the vocabulary.
@pytest.mark.parametrize("text,expected", [
    ("phối hợp Bộ Công an, Bộ Khoa học và Công nghệ, doanh nghiệp đồng hành để xây dựng Khung Kiến trúc số",
     ["Bộ Công an", "Bộ Khoa học và Công nghệ", "doanh nghiệp đồng hành"]),
    ("Chủ trì, phối hợp với doanh nghiệp phát triển hạ tầng số, tập trung vào hạ tầng lớn",
     ["doanh nghiệp phát triển hạ tầng số"]),  # partner_name_words: "số" goes on
    ("phối hợp cùng đơn vị tư vấn rà soát hồ sơ mời thầu", ["đơn vị tư vấn"]),
    ("phối hợp với chính quyền địa phương, lực lượng xung kích hỗ trợ Nhân dân", ["chính quyền địa phương", "lực lượng xung kích"]),
    ("Phối hợp chặt chẽ với các nhà mạng để xây dựng lộ trình", ["các nhà mạng"]),
])
def test_a_bare_noun_in_the_partner_slot_is_a_body(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("phối hợp tổ chức các hoạt động tuyên truyền", []),  # "tổ chức" is the verb (verb_nouns)
    ("phối hợp chặt chẽ trong công tác quản lý", []),  # no noun in the slot
    ("doanh nghiệp đồng hành để xây dựng Khung", []),  # outside the slot a bare noun is a common noun
    ("phối hợp với các cơ quan liên quan xác minh, xử lý", ["các cơ quan liên quan"]),  # a group keeps its end
    ("phối hợp với đơn vị số 5 thực hiện", ["đơn vị"]),  # "số" before a number stops the name
    ("phối hợp với doanh nghiệp có năng lực thiết kế hạ tầng kỹ thuật viễn thông đồng bộ hiện đại",
     ["doanh nghiệp"]),  # a stop word ("có") ends the name at once
])
def test_the_partner_slot_takes_no_verb_and_changes_no_other_reading(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # an open qualifier ("được giao …") ends after a capitalised reference to the document or its part
    ("Các đơn vị được giao thực hiện các nhiệm vụ thuộc Kế hoạch lập dự toán kinh phí",
     ["Các đơn vị được giao thực hiện các nhiệm vụ thuộc Kế hoạch"]),
    ("Các cơ quan được giao nhiệm vụ báo cáo tại khoản 1 Điều này định kỳ xây dựng báo cáo",
     ["Các cơ quan được giao nhiệm vụ báo cáo tại khoản 1 Điều này"]),
    ("Các sở, ngành được giao nhiệm vụ tại Chương trình này xây dựng kế hoạch",
     ["Các sở, ngành được giao nhiệm vụ tại Chương trình này"]),
    # negatives: a lower-case "kế hoạch" is an object, not a reference; a reference that goes on
    # ("Kế hoạch số …", "Kế hoạch này và …") or closes the clause is not cut
    ("Các đơn vị được giao xây dựng kế hoạch cụ thể, báo cáo kết quả",
     ["Các đơn vị được giao xây dựng kế hoạch cụ thể"]),
    ("Các đơn vị được giao nhiệm vụ tại Kế hoạch này và Chương trình hành động có trách nhiệm báo cáo",
     ["Các đơn vị được giao nhiệm vụ tại Kế hoạch này và Chương trình hành động"]),
    ("Các cơ quan, đơn vị được giao chủ trì có trách nhiệm hoàn thành nhiệm vụ",
     ["Các cơ quan, đơn vị được giao chủ trì"]),
    # a title after the reference is not the body's work
    ("Các đơn vị được giao thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững, báo cáo kết quả",
     ["Các đơn vị được giao thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững"]),
])
def test_an_open_qualifier_ends_after_a_document_reference(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the owner of a project ("chủ quản") takes the project it owns, up to a stop word or a comma
    ("Bộ Xây dựng, các địa phương, cơ quan chủ quản các dự án đang triển khai thi công tiếp tục chỉ đạo",
     ["Bộ Xây dựng", "các địa phương, cơ quan chủ quản các dự án đang triển khai thi công"]),
    ("Cơ quan chủ quản Chương trình, cơ quan chủ trì Chương trình có trách nhiệm",
     ["Cơ quan chủ quản Chương trình", "cơ quan chủ trì"]),
    ("yêu cầu các bộ, ngành, cơ quan chủ quản, nhất là ACV cần khẩn trương", ["các bộ, ngành, cơ quan chủ quản"]),
    # a named programme is the object; the body's work after it is not ("trình" of "Chương trình" no verb)
    ("Phối hợp với cơ quan chủ quản Chương trình MTQG tổ chức triển khai thực hiện các dự án",
     ["cơ quan chủ quản Chương trình MTQG"]),
    # the body with the power to decide keeps "có thẩm quyền" (a generic modifier)
    ("Phối hợp với các cơ quan có thẩm quyền trong việc triển khai thực hiện", ["các cơ quan có thẩm quyền"]),
    # negatives: a verb right after "chủ quản" is the body's work; a bare "cơ quan"/"cấp" without a
    # determiner after a verb of reporting is no body; "cấp có thẩm quyền" is no group
    ("các đơn vị chủ quản chỉ đạo thực hiện", ["các đơn vị chủ quản"]),
    ("cơ quan chủ quản có trách nhiệm báo cáo", ["cơ quan chủ quản"]),
    ("Sở Tài chính báo cáo cơ quan có thẩm quyền xem xét", ["Sở Tài chính"]),
    ("trình cấp có thẩm quyền phê duyệt", []),
])
def test_owner_and_authority_qualifiers_stay_on_a_generic_group(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a utility sector after a generic noun makes it a named class, as "viễn thông" does
    ("Chủ trì, phối hợp các đơn vị điện lực trên địa bàn tỉnh trong việc rà soát",
     ["các đơn vị điện lực trên địa bàn tỉnh"]),
    ("Chủ trì, phối hợp với các đơn vị cấp nước thuộc phạm vi quản lý xây dựng phương án",
     ["các đơn vị cấp nước thuộc phạm vi quản lý"]),
    ("Các đơn vị cấp nước sạch trên địa bàn thành phố có trách nhiệm", ["Các đơn vị cấp nước sạch trên địa bàn thành phố"]),
    # the managed bodies' qualifier takes the manager when one is named
    ("Các cơ sở giáo dục thuộc phạm vi quản lý của Sở Giáo dục và Đào tạo tổ chức tuyên truyền",
     ["Các cơ sở giáo dục thuộc phạm vi quản lý của Sở Giáo dục và Đào tạo"]),
    # negatives: a level is no sector, a named company keeps its name, a verb "cấp nước" after a body
    # is its work, assets "thuộc phạm vi quản lý" are no body
    ("các đơn vị cấp xã triển khai", ["các đơn vị cấp xã"]),
    ("Công ty Điện lực Đắk Lắk bảo đảm cấp điện", ["Công ty Điện lực Đắk Lắk"]),
    ("UBND cấp xã cấp nước cho người dân", ["UBND cấp xã"]),
    ("kiểm kê tài sản thuộc phạm vi quản lý của tỉnh", []),
])
def test_utility_units_and_managed_bodies(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # "công lập" / "ngoài công lập" qualifies a class of units and stays in its name
    ("Các cơ sở giáo dục đại học công lập, cơ sở giáo dục nghề nghiệp thuộc phạm vi của tỉnh có trách nhiệm",
     ["Các cơ sở giáo dục đại học công lập", "cơ sở giáo dục nghề nghiệp"]),
    ("các đơn vị sự nghiệp công lập thực hiện", ["các đơn vị sự nghiệp công lập"]),
    # negatives: after a word that names no body it makes none
    ("phát triển trường mầm non công lập", []),
    ("mở rộng loại hình ngoài công lập", []),
])
def test_public_units_keep_their_qualifier(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a head level (agencies.yaml head_levels) right after the head: one body with its places
    ("Ủy ban nhân dân các địa phương khẩn trương hoàn thành số hóa dữ liệu", ["Ủy ban nhân dân các địa phương"]),
    ("phối hợp với các doanh nghiệp địa phương, các lực lượng vũ trang hỗ trợ",
     ["các doanh nghiệp địa phương", "các lực lượng vũ trang"]),
    # negatives: never a further level of a list, nor a level of a generic group of its own
    ("Công an tỉnh, các địa phương triển khai", ["Công an tỉnh", "các địa phương"]),
    ("Sở Y tế và các địa phương giám sát dịch bệnh", ["Sở Y tế", "các địa phương"]),
    ("các bộ, ngành, địa phương rà soát", ["các bộ, ngành, địa phương"]),
    ("Ủy ban nhân dân tỉnh chỉ đạo các địa phương", ["Ủy ban nhân dân tỉnh", "các địa phương"]),
])
def test_a_head_level_follows_the_head_only(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a bare level after "trực thuộc" with no body before it is the places' owner, no body
    ("Các thành phố trực thuộc Trung ương khẩn trương rà soát", []),
    ("các tỉnh, thành phố trực thuộc Trung ương chủ động", []),
    # negatives: after a body the qualifier is read with it; "Trung ương" elsewhere is still a body
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]),
    ("đảng ủy trực thuộc Trung ương chỉ đạo", ["đảng ủy trực thuộc Trung ương"]),
    ("báo cáo kết quả về Trung ương", ["Trung ương"]),
])
def test_a_level_owning_places_after_truc_thuoc_is_no_body(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the State President is a central body, and so is its office ("Văn phòng" wraps it)
    ("Văn phòng Quốc hội, Văn phòng Chủ tịch nước, Văn phòng Chính phủ phối hợp",
     ["Văn phòng Quốc hội", "Văn phòng Chủ tịch nước", "Văn phòng Chính phủ"]),
    # negatives: "Chủ tịch" with a body stays a head of that body; "nước" alone names nothing
    ("Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo", ["Chủ tịch Ủy ban nhân dân tỉnh"]),
    ("góp phần xây dựng đất nước", []),
])
def test_the_state_president_and_its_office(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a state office of another kind takes the bare name of a province after it
    ("Thuế Đồng Nai chủ trì triển khai", ["Thuế Đồng Nai"]),
    ("Bảo hiểm xã hội Thành phố Hồ Chí Minh phối hợp", ["Bảo hiểm xã hội Thành phố Hồ Chí Minh"]),
    # negatives: a capitalised word that is no province stays out; a level is read as before
    ("Bảo hiểm xã hội Nghị định số 01", ["Bảo hiểm xã hội"]),
    ("Thuế tỉnh chủ trì", ["Thuế tỉnh"]),
])
def test_an_office_takes_the_bare_name_of_its_province(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Phối hợp chính quyền cơ sở bảo đảm an toàn điện", ["chính quyền cơ sở"]),  # grassroots government, whole
    ("chính quyền các cấp vào cuộc", ["chính quyền các cấp"]),
    # negative: "cơ sở" after another body is not read as its level
    ("Sở Y tế cơ sở vật chất", ["Sở Y tế"]),
])
def test_grassroots_government_is_one_name(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a count stands where "các" stands: one head with its counted places (ANNOTATION.md: one head, its levels)
    ("Nhiệm vụ giao Chủ tịch UBND 06 thành phố trực thuộc trung ương chỉ đạo",
     ["Chủ tịch UBND 06 thành phố trực thuộc trung ương"]),
    ("Ủy ban nhân dân 05 huyện biên giới chủ trì", ["Ủy ban nhân dân 05 huyện"]),
    # negatives: a number before a noun that is no level is not read into the name
    ("UBND tỉnh 02 năm liên tiếp", ["UBND tỉnh"]),
    ("Ủy ban nhân dân 2 lần kiểm tra", ["Ủy ban nhân dân"]),
    ("Sở Y tế 10 ngày", ["Sở Y tế"]),
])
def test_a_count_before_a_level_is_part_of_the_name(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a bank class with its kind ("cổ phần", "nhà nước") is one name: the work starts after it
    ("Ngân hàng Nhà nước Việt Nam và các ngân hàng thương mại cổ phần quyết liệt triển khai Chương trình",
     ["Ngân hàng Nhà nước Việt Nam", "các ngân hàng thương mại cổ phần"]),
    ("các ngân hàng thương mại nhà nước tăng vốn điều lệ", ["các ngân hàng thương mại nhà nước"]),
    # negative: a bank class with no kind after it stays as before
    ("các ngân hàng thương mại phối hợp với Sở Tài chính thực hiện", ["các ngân hàng thương mại", "Sở Tài chính"]),
])
def test_a_commercial_bank_class_takes_its_kind(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the actors a "Yêu cầu" addresses run over commas: workers and builders are classes like "công chức"
    ("Yêu cầu từng cán bộ, công chức, người lao động, công nhân, các chủ đầu tư, nhà thầu thi công tích cực đổi mới",
     ["từng cán bộ", "công chức", "người lao động", "công nhân", "các chủ đầu tư", "nhà thầu thi công"]),
    ("cán bộ, công chức, viên chức và người lao động thực hiện nghiêm", ["cán bộ", "công chức", "viên chức",
                                                                       "người lao động"]),
    # negative: "công nhân" inside another noun phrase, without a list, is no actor
    ("nâng cao đời sống công nhân", []),
])
def test_workers_and_builders_are_classes_of_actors(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text,expected", [
    # body17: an enterprise named with its head shares it with the bare acronyms listed after it
    ("Bộ Công Thương chủ trì, phối hợp với Tập đoàn ABC, XYZ hoàn thành đề án",
     ["Bộ Công Thương", "Tập đoàn ABC", "XYZ"]),
    ("phối hợp với Tổng công ty VEC, ACV bảo đảm tiến độ", ["Tổng công ty VEC", "ACV"]),
    ("Giao Tập đoàn Điện lực Việt Nam, PVN, TKV bảo đảm nguồn điện",
     ["Tập đoàn Điện lực Việt Nam", "PVN", "TKV"]),
    # negatives: an acronym the abbreviation list expands is a word, not an enterprise ("UBND" is the committee)
    ("Tập đoàn ABC, UBND tỉnh phối hợp", ["Tập đoàn ABC", "UBND tỉnh"]),
    # ... an acronym that goes on with "-" is a document code, not a name
    ("Tập đoàn ABC, KH-UBND ngày 05/3/2025", ["Tập đoàn ABC"]),
    # ... an acronym not after an enterprise named by its head is no body
    ("Sở Tài chính, VNPT phối hợp", ["Sở Tài chính"]),
    ("tích hợp VNeID, CSDL quốc gia về dân cư", []),
    # ... "tập đoàn" as the topic of a sentence names no body
    ("phát triển các tập đoàn kinh tế nhà nước, DNNN quy mô lớn", []),
    # ... a capitalised word that is not all capitals after the list stays out
    ("Tập đoàn ABC, Viettel Nghệ An phối hợp", ["Tập đoàn ABC"]),
])
def test_an_enterprise_head_is_shared_by_the_acronyms_listed_after_it(text, expected):
    assert names(text) == expected
