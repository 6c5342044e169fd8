"""Deadline recogniser: one table row per pattern family, positive and negative."""

from __future__ import annotations

from datetime import date

import pytest

from directive_nlp.deadlines import find_deadlines, load_vocabulary, parse_deadline

DOC_DATE = date(2026, 2, 10)


def dl(text, kind, date=None, start=None, end=None, frequency=None, day=None, month=None):
    """Expected mention: only the fields that matter for the kind."""
    return {"text": text, "kind": kind, "date": date, "start": start, "end": end, "frequency": frequency,
            "day": day, "month": month}


# fmt: off
POSITIVE = [
    # by
    ("Sở Tài chính tổng hợp, báo cáo trước ngày 15/6/2024.", dl("trước ngày 15/6/2024", "by", "2024-06-15")),
    ("Hoàn thành chậm nhất ngày 20/7/2026.", dl("Hoàn thành chậm nhất ngày 20/7/2026", "by", "2026-07-20")),
    ("gửi về Sở Nội vụ chậm nhất trong tháng 6/2026", dl("chậm nhất trong tháng 6/2026", "by", "2026-06-30")),
    ("trình Ủy ban nhân dân tỉnh trước ngày 01 tháng 12 năm 2025", dl("trước ngày 01 tháng 12 năm 2025", "by", "2025-12-01")),
    ("hoàn thiện dự thảo trước Quý III/2026", dl("trước Quý III/2026", "by", "2026-07-01")),
    ("duy trì thực hiện đến hết năm 2026.", dl("đến hết năm 2026", "by", "2026-12-31")),
    ("tạm dừng tiếp nhận đến ngày 31/12/2025;", dl("đến ngày 31/12/2025", "by", "2025-12-31")),
    # on
    ("Trình Hội đồng nhân dân tỉnh trong tháng 9/2026.", dl("trong tháng 9/2026", "on", "2026-09-30")),
    ("Quý III/2026", dl("Quý III/2026", "on", "2026-09-30")),
    ("Quí III-2026", dl("Quí III-2026", "on", "2026-09-30")),
    ("| Sở Xây dựng | Quý III Năm 2026", dl("Quý III Năm 2026", "on", "2026-09-30")),
    ("báo cáo Thủ tướng Chính phủ trong Quý I năm 2026.", dl("trong Quý I năm 2026", "on", "2026-03-31")),
    ("hoàn thành trong năm 2026;", dl("hoàn thành trong năm 2026", "on", "2026-12-31")),
    ("hoàn thành trong tháng 12 năm 2025; Bộ Tài chính", dl("hoàn thành trong tháng 12 năm 2025", "on", "2025-12-31")),
    ("Tổ chức hội nghị vào ngày 05 tháng 3 năm 2026.", dl("vào ngày 05 tháng 3 năm 2026", "on", "2026-03-05")),
    ("| Tháng 12/2025 |", dl("Tháng 12/2025", "on", "2025-12-31")),
    ("Thời gian hoàn thành: 15/6/2026", dl("15/6/2026", "on", "2026-06-15")),
    ("| 1 | Lập quy hoạch | Sở Xây dựng | 2026 |", dl("2026", "on", "2026-12-31")),
    ("| 2 | Số hóa hồ sơ | Sở Nội vụ | 06/2026 |", dl("06/2026", "on", "2026-06-30")),
    ("hoàn thiện trước 06/2026", dl("trước 06/2026", "by", "2026-06-01")),
    ("hoàn thành trước cuối năm 2025", dl("hoàn thành trước cuối năm 2025", "by", "2025-12-31")),
    ("tổng kết vào cuối năm 2026.", dl("vào cuối năm 2026", "on", "2026-12-31")),
    ("triển khai từ tháng 10/2025 đến cuối năm 2026", dl("từ tháng 10/2025 đến cuối năm 2026", "period", start="2025-10-01", end="2026-12-31")),
    # period
    ("tính từ 15/12/2019 đến 15/6/2024.", dl("từ 15/12/2019 đến 15/6/2024", "period", start="2019-12-15", end="2024-06-15")),
    ("triển khai trong giai đoạn 2026 - 2030", dl("trong giai đoạn 2026 - 2030", "period", start="2026-01-01", end="2030-12-31")),
    ("thực hiện giai đoạn 2026-2030", dl("giai đoạn 2026-2030", "period", start="2026-01-01", end="2030-12-31")),
    ("Năm 2027 và các năm tiếp theo", dl("Năm 2027 và các năm tiếp theo", "period", start="2027-01-01")),
    ("Quý IV năm 2025 và các năm tiếp theo", dl("Quý IV năm 2025 và các năm tiếp theo", "period", start="2025-10-01")),
    ("áp dụng (2028 trở đi)", dl("2028 trở đi", "period", start="2028-01-01")),
    ("Giai đoạn 2026-2030 và những năm tiếp theo.", dl("Giai đoạn 2026-2030", "period", start="2026-01-01", end="2030-12-31")),
    ("Từ 01/7/2025.", dl("Từ 01/7/2025", "period", start="2025-07-01")),
    ("triển khai kể từ tháng 10/2026;", dl("kể từ tháng 10/2026", "period", start="2026-10-01")),
    ("| Quý IV/2025- Quý II/2026", dl("Quý IV/2025- Quý II/2026", "period", start="2025-10-01", end="2026-06-30")),
    ("Tháng 11 - 12/2025", dl("Tháng 11 - 12/2025", "period", start="2025-11-01", end="2025-12-31")),
    ("làm việc từ ngày 08 đến ngày 09 tháng 11 năm 2025",
     dl("từ ngày 08 đến ngày 09 tháng 11 năm 2025", "period", start="2025-11-08", end="2025-11-09")),
    ("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê", dl("Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê", "period", start="2025-11-01")),
    ("từ tháng 10 năm 2025 đến hết tháng 3 năm 2026.", dl("từ tháng 10 năm 2025 đến hết tháng 3 năm 2026", "period", start="2025-10-01", end="2026-03-31")),
    ("trong 02 tháng cuối năm 2025 và những tháng đầu năm 2026 theo",
     dl("trong 02 tháng cuối năm 2025 và những tháng đầu năm 2026", "period", start="2025-11-01")),
    ("sơ kết 6 tháng đầu năm 2026", dl("6 tháng đầu năm 2026", "period", start="2026-01-01", end="2026-06-30")),
    # recurring
    ("Hằng năm, bố trí kinh phí", dl("Hằng năm", "recurring", frequency="yearly")),
    ("| Hàng năm", dl("Hàng năm", "recurring", frequency="yearly")),
    ("Định kỳ hằng tháng nghe báo cáo", dl("Định kỳ hằng tháng", "recurring", frequency="monthly")),
    ("báo cáo hằng quý", dl("hằng quý", "recurring", frequency="quarterly")),
    ("họp giao ban hằng tuần", dl("hằng tuần", "recurring", frequency="weekly")),
    ("báo cáo định kỳ 6 tháng", dl("định kỳ 6 tháng", "recurring", frequency="semiannual")),
    ("kiểm tra 3 tháng một lần", dl("3 tháng một lần", "recurring", frequency="quarterly")),
    ("kiểm tra 06 tháng/lần", dl("06 tháng/lần", "recurring", frequency="semiannual")),
    ("quan trắc từ tháng 3 đến tháng 11 hằng năm.", dl("từ tháng 3 đến tháng 11 hằng năm", "recurring", frequency="yearly")),
    ("tổ chức hội nghị mỗi năm một lần", dl("mỗi năm một lần", "recurring", frequency="yearly")),
    ("sơ kết 01 năm/lần", dl("01 năm/lần", "recurring", frequency="yearly")),
    ("tổ chức sơ kết, định kỳ báo cáo", dl("định kỳ", "recurring")),
    ("định kỳ trước ngày 30 tháng 11 hàng năm báo cáo",
     dl("định kỳ trước ngày 30 tháng 11 hàng năm", "recurring", frequency="yearly", day=30, month=11)),
    ("báo cáo trước ngày 10 hàng tháng.", dl("trước ngày 10 hàng tháng", "recurring", frequency="monthly", day=10)),
    ("tổng hợp trước ngày 25/12 hàng năm.", dl("trước ngày 25/12 hàng năm", "recurring", frequency="yearly", day=25, month=12)),
    ("báo cáo trong tháng 12 hằng năm", dl("trong tháng 12 hằng năm", "recurring", frequency="yearly", month=12)),
    ("| Tháng 12 hằng năm |", dl("Tháng 12 hằng năm", "recurring", frequency="yearly", month=12)),
    ("| Quý IV hàng năm |", dl("Quý IV hàng năm", "recurring", frequency="yearly")),
    # a cycle with its stated day in brackets; a bare "định kỳ" gives way to it
    ("Định kỳ gửi báo cáo kết quả hằng năm (trước ngày 15 tháng 11) về Sở",
     dl("hằng năm (trước ngày 15 tháng 11)", "recurring", frequency="yearly", day=15, month=11)),
    ("báo cáo hằng tháng (trước ngày 25)", dl("hằng tháng (trước ngày 25)", "recurring", frequency="monthly", day=25)),
    # two stated dates a year: semiannual
    ("định kỳ trước ngày 01/6 và 15/11 hằng năm gửi",
     dl("định kỳ trước ngày 01/6 và 15/11 hằng năm", "recurring", frequency="semiannual")),
    ("tổng kết vào Quý IV hằng năm", dl("vào Quý IV hằng năm", "recurring", frequency="yearly")),
    # ongoing
    ("; thường xuyên kiểm tra, đôn đốc", dl("thường xuyên", "ongoing")),
    ("| Thường xuyên |", dl("Thường xuyên", "ongoing")),
    ("cập nhật liên tục", dl("liên tục", "ongoing")),
    ("thực hiện lâu dài", dl("lâu dài", "ongoing")),
    # ongoing as a tag that closes a clause or fills a time cell (Government Office conclusions)
    ("mở rộng Trung tâm Dữ liệu quốc gia số 1, nhiệm vụ thường xuyên; nghiên cứu",
     dl("nhiệm vụ thường xuyên", "ongoing")),
    ("kiến nghị sửa đổi các văn bản; nhiệm vụ thường xuyên.", dl("nhiệm vụ thường xuyên", "ongoing")),
    ("| Nhiệm vụ thường xuyên |", dl("Nhiệm vụ thường xuyên", "ongoing")),
    # conditional
    ("sau khi Nghị định của Chính phủ được ban hành", dl("sau khi Nghị định của Chính phủ được ban hành", "conditional")),
    ("theo lĩnh vực phụ trách khi Chính phủ và các Bộ, ngành ban hành các văn bản hướng dẫn.",
     dl("khi Chính phủ và các Bộ, ngành ban hành các văn bản hướng dẫn", "conditional")),
    ("theo tiến độ của Bộ Xây dựng.", dl("theo tiến độ của Bộ Xây dựng", "conditional")),
    ("triển khai ngay khi cấp có thẩm quyền phê duyệt dự án;", dl("khi cấp có thẩm quyền phê duyệt dự án", "conditional")),
    ("tham mưu thực hiện Tiểu dự án 2 khi Bộ Tư pháp có văn bản triển khai.",
     dl("khi Bộ Tư pháp có văn bản triển khai", "conditional")),
    ("phối hợp thực hiện khi Bộ Giáo dục và Đào tạo triển khai thực hiện;",
     dl("khi Bộ Giáo dục và Đào tạo triển khai thực hiện", "conditional")),
    ("điều chỉnh ngay sau khi Luật Đất đai (sửa đổi) được Quốc hội thông qua.",
     dl("ngay sau khi Luật Đất đai (sửa đổi) được Quốc hội thông qua", "conditional")),
    ("Triển khai bảo đảm theo lộ trình, hướng dẫn của Bộ, ngành.", dl("theo lộ trình, hướng dẫn của Bộ", "conditional")),
    ("chuẩn hóa dữ liệu, hoàn thành theo lộ trình xây dựng, triển khai của từng cơ sở dữ liệu",
     dl("hoàn thành theo lộ trình xây dựng", "conditional")),
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo",
     dl("nếu có khó khăn, vướng mắc", "conditional")),
    ("trường hợp có vướng mắc thì phản ánh về Sở Tư pháp", dl("trường hợp có vướng mắc", "conditional")),
    ("Trường hợp vượt thẩm quyền, báo cáo Ủy ban nhân dân tỉnh xem xét.", dl("Trường hợp vượt thẩm quyền", "conditional")),
    ("kịp thời báo cáo; trường hợp phát hiện sai phạm thì xử lý nghiêm.",
     dl("trường hợp phát hiện sai phạm", "conditional")),
    # a span preposition opens a bare range of years (span_prepositions), even after a programme noun
    ("Xây dựng hệ thống thông tin trong 2025 - 2026.", dl("trong 2025 - 2026", "period", start="2025-01-01", end="2026-12-31")),
    ("chuẩn hóa dữ liệu xuyên suốt 2025 - 2035.", dl("xuyên suốt 2025 - 2035", "period", start="2025-01-01", end="2035-12-31")),
    ("vận hành hệ thống từ 2026 đến 2030;", dl("từ 2026 đến 2030", "period", start="2026-01-01", end="2030-12-31")),
    ("cập nhật dữ liệu quy hoạch trong suốt giai đoạn 2026 - 2030.",
     dl("trong suốt giai đoạn 2026 - 2030", "period", start="2026-01-01", end="2030-12-31")),
    # a need with its event is a case (case_blockers stop only a bare need)
    ("4. Trường hợp cần điều chỉnh Danh mục hàng hóa: Sở Công Thương đề xuất điều chỉnh.",
     dl("Trường hợp cần điều chỉnh Danh mục hàng hóa", "conditional")),
    ("Trường hợp cần thiết điều chỉnh danh mục, Sở Xây dựng tham mưu Ủy ban nhân dân tỉnh.",
     dl("Trường hợp cần thiết điều chỉnh danh mục", "conditional")),
    # a case whose own list holds commas runs to the colon or "thì" that closes it
    ("Trường hợp hàng hóa, dịch vụ do một cấp định giá: Sở Công Thương trình Ủy ban nhân dân tỉnh.",
     dl("Trường hợp hàng hóa, dịch vụ do một cấp định giá", "conditional")),
    ("trường hợp hồ sơ chưa đầy đủ, chưa hợp lệ thì trả lại hồ sơ.",
     dl("trường hợp hồ sơ chưa đầy đủ, chưa hợp lệ", "conditional")),
    # a passive whose agent is named (agent_passives): someone else's act
    ("thực hiện nhiệm vụ khác khi được Chủ tịch Ủy ban nhân dân tỉnh giao.",
     dl("khi được Chủ tịch Ủy ban nhân dân tỉnh giao", "conditional")),
    ("có ý kiến bằng văn bản khi được cơ quan có thẩm quyền lấy ý kiến.",
     dl("khi được cơ quan có thẩm quyền lấy ý kiến", "conditional")),
    # a time limit set by the law outside the document (statutory_limits)
    ("Sở Xây dựng có ý kiến bằng văn bản trong thời hạn quy định.",
     dl("trong thời hạn quy định", "conditional")),
    ("giải quyết hồ sơ theo thời hạn quy định;", dl("theo thời hạn quy định", "conditional")),
    # an existential trigger right after the opener names its body after "của" (agent_links)
    ("ban hành văn bản định giá cụ thể sau khi có văn bản định giá khung giá của Bộ Tài chính.",
     dl("sau khi có văn bản định giá khung giá của Bộ Tài chính", "conditional")),
    ("Sau khi có ý kiến thống nhất của cơ quan có thẩm quyền, Sở Xây dựng trình phê duyệt.",
     dl("Sau khi có ý kiến thống nhất của cơ quan có thẩm quyền", "conditional")),
    # a lower-case body noun names the agent of a passive (agent_nouns)
    ("Có ý kiến bằng văn bản khi được cơ quan chủ trì lấy ý kiến.",
     dl("khi được cơ quan chủ trì lấy ý kiến", "conditional")),
    # matters beyond one's authority (trigger_problems) wait for the higher level; a scope preposition
    # (scope_prepositions) opens such a condition only at the head of its clause
    ("Kịp thời báo cáo Ủy ban nhân dân tỉnh nếu vượt thẩm quyền.", dl("nếu vượt thẩm quyền", "conditional")),
    ("a) Đối với những nội dung vượt thẩm quyền, báo cáo Ủy ban nhân dân tỉnh.",
     dl("Đối với những nội dung vượt thẩm quyền", "conditional")),
    ("Trong quá trình thực hiện, đối với các vấn đề phát sinh, báo cáo Sở Nội vụ.",
     dl("đối với các vấn đề phát sinh", "conditional")),
    # a bare cycle written as an adverb keeps its "theo" (cycle_adverb_prefixes)
    ("Thực hiện chế độ báo cáo theo định kỳ của Chương trình.", dl("theo định kỳ", "recurring")),
    # an intensifier before a time point or period belongs to the phrase (intensifiers)
    ("xây dựng 20% xã “không ma túy” ngay trong năm 2025; đến năm 2030", dl("ngay trong năm 2025", "on", "2025-12-31")),
    ("bố trí đủ nguồn lực để thực hiện ngay từ năm 2026;", dl("ngay từ năm 2026", "period", start="2026-01-01")),
    # but not before a cycle
    ("ngay hằng năm", dl("hằng năm", "recurring", frequency="yearly")),
    # "trước khi" opening its clause is a case (case_openers)
    ("Trước khi trình Ủy ban nhân dân tỉnh, Sở Tài chính tổng hợp ý kiến các sở.",
     dl("Trước khi trình Ủy ban nhân dân tỉnh", "conditional")),
    # without an interim prefix "khi" waits for the event
    ("điều chỉnh kế hoạch khi Bộ Nội vụ ban hành hướng dẫn mới.",
     dl("khi Bộ Nội vụ ban hành hướng dẫn mới", "conditional")),
]

NEGATIVE = [
    "Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị",
    "Quyết định số 2270/QĐ-TTg ngày 14/10/2025 của Thủ tướng Chính phủ",
    "thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025",
    "Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050",
    "Chiến lược phát triển đến năm 2030",
    "Chiến lược phát triển đến hết năm 2030",
    "Chiến lược phát triển đến cuối năm 2030",
    "bố trí tổng mức vốn ngân sách tỉnh giai đoạn 2026 - 2030 cho các dự án",
    "triển khai các nhiệm vụ giai đoạn 2026 - 2030 của Chương trình mục tiêu quốc gia",
    "2. Mục tiêu cụ thể\nĐến hết năm 2030\n- Tỷ lệ …",
    "phấn đấu đến năm 2030 đạt 30% doanh nghiệp",
    "Luật Phòng, chống ma túy năm 2021",
    "nguồn chi thường xuyên sự nghiệp giáo dục",
    "là nhiệm vụ vừa thường xuyên, liên tục và lâu dài",
    "xác định chuyển đổi số là nhiệm vụ thường xuyên của các cấp",
    "thực hiện các nhiệm vụ thường xuyên của ngành;",
    "các giải pháp lãnh đạo, chỉ đạo trong thời gian qua",
    "giải pháp nâng cao hiệu quả trong giai đoạn tiếp theo",
    "rà soát các quy định còn vướng mắc, khó khăn",
    "kiểm tra định kỳ, đột xuất các cơ sở kinh doanh",
    "thanh tra định kỳ hoặc đột xuất",
    "bổ sung mục tiêu của Chương trình trong trường hợp cần thiết.",
    "Trong trường hợp cần thiết, Sở Tư pháp đề xuất điều chỉnh",
    "Trường hợp đặc biệt, Sở Y tế báo cáo Ủy ban nhân dân tỉnh.",
    "Trường hợp khác thì thực hiện theo quy định của pháp luật.",
    # no span preposition: a bare range of years after a programme noun is its name's span
    "cập nhật cơ sở dữ liệu quy hoạch 2025 - 2026",
    "tổ chức kiểm tra trong 15 - 20 ngày",
    "đồng bộ, xuyên suốt, đảm bảo thiết thực",
    # a passive without a named agent is a case of applicability
    "cung cấp thông tin khi được yêu cầu.",
    "sử dụng nước sạch khi được cung cấp đầy đủ",
    # "ngay" alone is no time
    "triển khai thực hiện ngay.",
    # after a verb "trước khi" bounds the work itself: no condition
    "kiểm định phần mềm ứng dụng trước khi đưa vào sử dụng và trong quá trình sử dụng.",
    # after a verb a scope preposition qualifies the object: no condition
    "báo cáo cấp có thẩm quyền đối với những vấn đề vượt thẩm quyền, bảo đảm kịp thời.",
    # "được tổ chức" is a passive verb, not an agent: no body named
    "thực hiện khi được tổ chức triển khai.",
    # the limit as the task's object, or a limit the document sets itself, is no statutory limit
    "tuân thủ thời hạn quy định về báo cáo.",
    "Các nhiệm vụ chưa đến thời hạn.",
    # "của" after the trigger, but no body named: the work's own documents
    "sau khi có kết quả của các đơn vị thì tổng hợp.",
    "khi có văn bản đề nghị của tổ chức, cá nhân.",
    # "trong khi" (interim_prefixes): the work goes on meanwhile, it does not wait for the event
    "Trong khi chờ Bộ Nội vụ ban hành hướng dẫn mới, tiếp tục thực hiện theo quy định hiện hành.",
    "Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025.",
    "Quy định có hiệu lực từ ngày 19/11/2025",
    "kiên quyết thu hồi đối với các trường hợp lấn chiếm trái pháp luật.",
    "lập hồ sơ đối với từng trường hợp, phân loại đối tượng",
    "cử cán bộ tham gia (trong trường hợp có cơ quan quản lý cấp trên)",
    "tháo gỡ khó khăn, vướng mắc cho doanh nghiệp",
    "từ năm 2020 đến nay",
    "khi triển khai thực hiện cần bảo đảm tiết kiệm",
    "xây dựng lộ trình, hướng dẫn của ngành",
    "cử công chức tham gia (khi có đề nghị của Sở Tài chính)",
    "bố trí trong kế hoạch hàng năm",
    "Báo cáo giữa kỳ thực hiện Kế hoạch (năm 2030)",
    "Số: 12/KH-UBND | Khánh Hòa, ngày 19 tháng 11 năm 2025",
    "Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;",
    "theo Quyết định số 06/2026/QĐ-UBND của Ủy ban nhân dân tỉnh",
    "các đơn vị nhiều năm liên tục có sai sót",
    "cập nhật các Luật, Nghị định mới ban hành trong năm 2025",
    "báo cáo tình hình hoạt động đấu thầu hàng năm của đơn vị mình",
    "2.1. Mục tiêu cụ thể\n3.2. Đối tượng",
    "các khu vực thường xuyên bị ngập úng",
    "các loại hình thiên tai thường xuyên xảy ra",
    "đưa vào chương trình giáo dục thường xuyên",
    "khi xây dựng và phê duyệt kế hoạch phải có sự tham gia của cộng đồng",
    "không bố trí vốn cho dự án khác khi chưa bố trí đủ nguồn để triển khai các dự án trọng điểm",
    "ưu tiên khi đủ điều kiện triển khai",
    # a cycle coordinated with a term names the plans or budgets of each term
    "danh mục dự án đầu tư công trung hạn, hàng năm được đầu tư từ nguồn ngân sách",
    "xác định chỉ tiêu, nhiệm vụ hàng năm và cả giai đoạn của Chương trình",
    "lồng ghép vào Kế hoạch phát triển kinh tế - xã hội hằng năm và từng giai đoạn",
]
# fmt: on


@pytest.mark.parametrize("text,expected", POSITIVE, ids=[p[1]["text"][:40] for p in POSITIVE])
def test_deadline_found_and_normalised(text, expected):
    found = find_deadlines(text)
    assert [m.deadline.model_dump() for m in found] == [expected]
    m = found[0]
    assert text[m.start : m.end] == m.deadline.text
    assert m.rule


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_deadline(text):
    assert find_deadlines(text) == []


def test_year_comes_from_the_document_date():
    assert find_deadlines("trước ngày 30/6")[0].deadline.date is None
    assert find_deadlines("trước ngày 30/6", doc_date=DOC_DATE)[0].deadline.date == "2026-06-30"
    assert find_deadlines("trước ngày 30 tháng 6", doc_date=DOC_DATE)[0].deadline.date == "2026-06-30"
    assert parse_deadline("trong tháng 9", doc_date=DOC_DATE).date == "2026-09-30"
    assert parse_deadline("từ nay đến năm 2030", doc_date=DOC_DATE).start == "2026-02-10"


@pytest.mark.parametrize(
    "text,kind,when",
    [
        ("báo cáo trong thời hạn 15 ngày kể từ ngày ký.", "by", "2026-02-25"),
        ("hoàn thành trong vòng 30 ngày kể từ ngày ban hành Kế hoạch này;", "by", "2026-03-12"),
        ("chậm nhất 02 tháng kể từ ngày ký", "by", "2026-04-10"),
        ("trả lời trong 10 ngày làm việc kể từ ngày nhận được hồ sơ", "conditional", None),
        ("triển khai trong 30 ngày kể từ khi Bộ Tài chính ban hành hướng dẫn", "conditional", None),
        # counted from the day the recipient gets this document: by, the date unknown
        ("xây dựng kế hoạch trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này", "by", None),
        ("gửi Sở Nội vụ trong vòng 15 ngày kể từ ngày nhận được Quyết định này", "by", None),
    ],
)
def test_relative_deadlines(text, kind, when):
    d = parse_deadline(text, doc_date=DOC_DATE)
    assert (d.kind, d.date) == (kind, when)
    # without the document's date a deadline counted from its signature or receipt is still "by", undated;
    # one counted from someone else's act stays conditional
    assert (parse_deadline(text).kind, parse_deadline(text).date) == (kind, None)


def test_impossible_date_keeps_the_text():
    d = parse_deadline("trước ngày 31/02/2026")
    assert (d.kind, d.date, d.text) == ("by", None, "trước ngày 31/02/2026")


def test_parse_deadline_and_several_mentions():
    assert parse_deadline("hằng quý").frequency == "quarterly"
    assert parse_deadline("không có thời hạn") is None
    text = "định kỳ 6 tháng trước ngày 30 tháng 6 và tổng thể hàng năm trước ngày 30 tháng 01 hàng năm"
    got = [(m.deadline.text, m.deadline.kind) for m in find_deadlines(text)]
    assert got == [
        ("định kỳ 6 tháng", "recurring"),
        ("trước ngày 30 tháng 6", "by"),
        ("hàng năm", "recurring"),  # a candidate; the task extractor reads it as the report's name
        ("trước ngày 30 tháng 01 hàng năm", "recurring"),
    ]


def test_offsets_hold_on_a_paragraph_of_our_own():
    text = (
        "Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các xã, phường rà soát "
        "hiện trạng rừng, hoàn thành trước ngày 30/9/2026; định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh.\n"
        "| 3 | Xây dựng cơ sở dữ liệu đất lâm nghiệp | Sở Nông nghiệp và Môi trường | Quý IV/2026 |"
    )
    found = find_deadlines(text)
    for m in found:
        assert text[m.start : m.end] == m.deadline.text
    assert [m.deadline.kind for m in found] == ["by", "recurring", "on"]


def test_vocabulary_file_loads_with_its_lists():
    v = load_vocabulary()
    assert {"quý", "quí"} <= set(v["quarter_words"])
    assert v["frequency_units"]["tháng"] == "monthly"
    assert v["month_counts"][6] == "semiannual"
    assert "thường xuyên" in v["ongoing"] and "chi" in v["ongoing_blockers"]
    assert "chương trình" in v["programme_nouns"]


@pytest.mark.parametrize("text,cycle", [
    ("tổ chức sơ kết hằng năm, tổng kết giai đoạn", "hằng năm"),  # a comma, then another task: no term partner
    ("báo cáo kết quả hằng năm và đột xuất", "hằng năm"),
    ("Thường xuyên, hằng năm", "hằng năm"),
])
def test_cycle_not_beside_a_term_is_kept(text, cycle):
    assert [m.deadline.text for m in find_deadlines(text) if m.deadline.kind == "recurring"] == [cycle]
    assert "trung hạn" in load_vocabulary()["cycle_term_partners"]


# ---------------------------------------------------------------- a day of a month placed in the cycle
@pytest.mark.parametrize("text, freq, day", [
    ("báo cáo kết quả định kỳ hằng quý, trước ngày 20 của tháng cuối quý", "quarterly", 20),
    ("gửi báo cáo trước ngày 15 tháng cuối quý", "quarterly", 15),
    ("tổng hợp trước ngày 10 của tháng cuối mỗi quý", "quarterly", 10),
])
def test_day_of_a_month_placed_in_the_cycle_is_recurring(text, freq, day):
    (m,) = find_deadlines(text)
    assert (m.deadline.kind, m.deadline.frequency, m.deadline.day) == ("recurring", freq, day)


@pytest.mark.parametrize("text", ["trước ngày 15 tháng đầu năm 2026", "trong tháng cuối quý",
                                  "trước ngày 20 của tháng cuối quý I/2026"])
def test_placed_month_of_a_stated_year_or_without_a_day_is_not_recurring(text):
    assert all(m.deadline.kind != "recurring" for m in find_deadlines(text))


# --- rules as data: the small words of deadlines.yaml, a positive and a negative example each ---
from directive_nlp.deadlines import _compiled  # noqa: E402


def test_small_word_lists_are_in_the_vocabulary():
    v = load_vocabulary()
    for key in ("owner_words", "possessive_words", "alternative_words", "term_joiners", "number_labels",
                "range_words", "recent_words"):
        assert v[key], key


def test_owner_alternative_and_term_words_build_the_patterns():
    c = _compiled()
    assert c.owner_after.match(" thuộc chương trình")  # owner_words
    assert not c.owner_after.match(" cho chương trình")
    assert c.periodic_after.match(" hoặc đột xuất")  # alternative_words
    assert not c.periodic_after.match(" nhưng đột xuất")
    assert c.term_after.match(" và dài hạn")  # term_joiners
    assert not c.term_after.match(" nhưng dài hạn")
    assert c.citation.search("theo Quyết định số 45/QĐ-UBND ")  # number_labels
    assert not c.citation.search("theo Quyết định của tỉnh ")


def test_possessive_after_a_time_is_no_task_time():
    assert not find_deadlines("Đánh giá hoạt động đấu thầu hàng năm của đơn vị.")  # possessive_words
    assert find_deadlines("Báo cáo kết quả hàng năm cho UBND tỉnh.")


def test_recent_words_and_range_words():
    assert [m.rule for m in find_deadlines("Kết quả đạt được thường xuyên")] == ["ongoing"]
    assert not find_deadlines("Kết quả vừa đạt được thường xuyên")  # recent_words: "vừa …" is the past
    assert [m.rule for m in find_deadlines("Nhiệm vụ 2030 và những năm tiếp theo")] == ["period.open"]
    assert not find_deadlines("Nhiệm vụ 2026 tới 2030 và những năm tiếp theo")  # range_words: 2030 ends a range


def _scan_texts():
    from corpus_paths import DEV, EXTRA, UNLABELLED

    files = [p for d in (DEV, EXTRA, UNLABELLED) if d.is_dir() for p in sorted(d.glob("*.md"))]
    own = ["", "trước ngày 30/6/2026", "| 2026 |", "Năm 2026", "hằng năm, định kỳ 6 tháng, thường xuyên",
           "Trong trường hợp cần thiết, khi được giao", "TRƯỚC NGÀY 15/11 HẰNG NĂM", "quý IV/2025 - quý II/2026"]
    return own + [p.read_text(encoding="utf-8") for p in files[:12]]


def test_the_union_scan_finds_every_match_of_every_pattern():
    """_find tries each pattern only where the union of the patterns matches: the same matches
    (spans and groups) as each pattern's own finditer, on our texts and the corpora's."""
    from directive_nlp.deadlines import _finditer, _starts

    for text in _scan_texts():
        starts = _starts(text)
        assert starts is not None
        for _, pat in _compiled().patterns:
            got = [(m.span(), m.groupdict()) for m in _finditer(pat, text, starts)]
            assert got == [(m.span(), m.groupdict()) for m in pat.finditer(text)], (pat.pattern[:40], text[:40])


def test_the_prefilter_finds_the_union_positions_only_faster():
    """_starts tries the union only where the prefix trie of the patterns says one may begin: the same
    positions as the union's own scan, on our texts and the corpora's (and the prefilter is in use)."""
    from directive_nlp.deadlines import _prefilter, _starts, _union

    assert _prefilter() is not None
    for text in _scan_texts():
        assert _starts(text) == tuple(m.start() for m in _union().finditer(text)), text[:40]


def test_without_a_union_each_pattern_scans_alone():
    import re

    from directive_nlp.deadlines import _finditer

    pat = re.compile(r"(?P<d>\d+)/(?P=d)")  # negative: a back reference, which a union cannot hold
    assert [m.span() for m in _finditer(pat, "1/1 2/3 4/4", None)] == [(0, 3), (8, 11)]
    empty = re.compile(r"x*")  # an empty match: finditer's own rule decides what follows it
    assert [m.span() for m in _finditer(empty, "axxb", [0, 1, 3, 4])] == [m.span() for m in empty.finditer("axxb")]


@pytest.mark.parametrize("text, phrase, freq", [
    ("Sở Y tế báo cáo định kỳ hằng tháng, quý, năm về Sở Nội vụ.", "định kỳ hằng tháng, quý, năm", "monthly"),
    ("báo cáo kết quả thực hiện hằng quý, 6 tháng, năm gửi Sở Nội vụ", "hằng quý, 6 tháng, năm", "quarterly"),
    ("báo cáo tổng hợp hàng quý và hàng năm", "hàng quý và hàng năm", "quarterly"),
])
def test_a_list_of_cycles_is_one_recurring_phrase(text, phrase, freq):
    found = find_deadlines(text)
    assert [(m.deadline.text, m.deadline.frequency) for m in found] == [(phrase, freq)]
    assert text[found[0].start:found[0].end] == phrase


@pytest.mark.parametrize("text, phrase", [
    ("báo cáo hằng năm, năm 2026 gửi Sở Nội vụ", "hằng năm"),          # a year after the cycle is another time
    ("kiểm tra hằng quý, tháng 12 tổng kết", "hằng quý"),              # a month with its number too
    ("rà soát hằng năm, công khai kết quả", "hằng năm"),               # a new predicate after the comma
])
def test_a_cycle_list_stops_before_other_words(text, phrase):
    assert [m.deadline.text for m in find_deadlines(text)][0] == phrase


@pytest.mark.parametrize("text", [
    "(1) Tiếp tục đầu tư phát triển, mở rộng Trung tâm Dữ liệu quốc gia số 1, nhiệm vụ thường xuyên; nghiên cứu",
    "người dân với doanh nghiệp và người dân với người dân, nhiệm vụ thường xuyên.",
    "tiếp tục rà soát các văn bản quy phạm pháp luật; nhiệm vụ thường xuyên",
    "hướng dẫn các doanh nghiệp triển khai, là nhiệm vụ thường xuyên.",
])
def test_status_tag_closing_a_clause_is_ongoing(text):
    found = find_deadlines(text)
    assert [(m.deadline.kind, m.rule) for m in found] == [("ongoing", "ongoing")]
    assert text[found[0].start:found[0].end].endswith("thường xuyên")


@pytest.mark.parametrize("text", [
    "Thực hiện các nhiệm vụ thường xuyên của ngành; báo cáo kết quả.",  # a noun phrase of the object
    "bố trí kinh phí thực hiện nhiệm vụ thường xuyên, nhiệm vụ đột xuất",  # not after a comma
    "giao các nhiệm vụ thường xuyên cho Sở Nội vụ.",
])
def test_status_tag_inside_a_clause_is_no_time(text):
    assert find_deadlines(text) == []


@pytest.mark.parametrize("text, phrase, freq, day", [
    ("gửi báo cáo giá thị trường về Sở Tài chính trước ngày 01 của tháng tiếp theo sau tháng kỳ báo cáo",
     "trước ngày 01 của tháng tiếp theo", "monthly", 1),
    ("gửi báo cáo quý về Sở Tài chính chậm nhất vào ngày 10 của tháng đầu quý sau.", "vào ngày 10 của tháng đầu quý sau",
     "quarterly", 10),
    ("báo cáo kết quả trước ngày 05 tháng kế tiếp.", "trước ngày 05 tháng kế tiếp", "monthly", 5),
    # the period before (previous_period_words): each month's issue is out in the month before it
    ("tài liệu sinh hoạt được phát hành vào ngày 20 của tháng trước đó trên trang tin điện tử",
     "vào ngày 20 của tháng trước đó", "monthly", 20),
    ("gửi đề cương chậm nhất vào ngày 10 của quý liền trước.", "vào ngày 10 của quý liền trước", "quarterly", 10),
])
def test_a_day_of_the_next_period_is_a_reporting_cycle(text, phrase, freq, day):
    found = find_deadlines(text)
    assert [(m.deadline.text, m.deadline.kind, m.deadline.frequency, m.deadline.day) for m in found] \
        == [(phrase, "recurring", freq, day)]


@pytest.mark.parametrize("text", [
    "hoàn thành trước ngày 15 tháng sau khi nhận được hồ sơ",  # counted from an event, not a cycle
    "chỉ số VN_AQI năm sau tốt hơn năm trước",  # a comparison of years
    "tổ chức hội nghị vào tháng sau",  # no day: not a reporting rule
    "số thu tăng 5% so với tháng trước đó",  # a comparison, no day
    "so sánh với số liệu ngày 15 của tháng trước",  # the bare "tháng trước" (last month) is not read
])
def test_next_period_words_without_a_reporting_day(text):
    assert all(m.deadline.kind != "recurring" for m in find_deadlines(text))


@pytest.mark.parametrize("text, phrase", [
    ("Bộ Khoa học và Công nghệ tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 01 của năm tiếp theo.",
     "trước ngày 30 tháng 01 của năm tiếp theo"),
    ("gửi báo cáo năm về Sở Tài chính trước ngày 15/01 năm sau", "trước ngày 15/01 năm sau"),
])
def test_a_day_of_the_next_year_is_a_yearly_deadline(text, phrase):
    found = find_deadlines(text)
    assert [(m.deadline.text, m.deadline.frequency, m.deadline.day, m.deadline.month) for m in found] \
        == [(phrase, "yearly", int(phrase.split()[2].split("/")[0]), 1)]


def test_a_day_of_the_next_year_after_an_event_is_no_cycle():
    found = find_deadlines("hoàn thành trước ngày 15 tháng 01 năm sau khi có quyết định phê duyệt")
    assert [m.deadline.kind for m in found] == ["by"]


@pytest.mark.parametrize("text, issued, expected", [
    ("báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 01", date(2025, 12, 1), "2026-01-30"),  # next year
    ("hoàn thành trong tháng 02", date(2025, 11, 20), "2026-02-28"),
    ("gửi Sở Nội vụ trước ngày 30/11", date(2025, 12, 10), "2025-11-30"),  # negative: days before issue, kept
    ("hoàn thành trong tháng 9", date(2026, 2, 10), "2026-09-30"),  # negative: later in the same year
])
def test_a_day_without_its_year_is_not_in_the_documents_past(text, issued, expected):
    assert find_deadlines(text, doc_date=issued)[0].deadline.date == expected


@pytest.mark.parametrize("text, ongoing", [
    # the last of a list of qualities before a preposition describes the thing, not the time of the work
    ("kết nối các trạm quan trắc tự động, liên tục theo Quy hoạch tổng thể", False),
    ("hỗ trợ kỹ thuật chuyên biệt và thường xuyên cho đội ngũ cán bộ", False),
    # before a verb, or without a quality before it, it is still the time of the work
    ("Sở Y tế kịp thời, thường xuyên báo cáo Ủy ban nhân dân tỉnh", True),
    ("thực hiện thường xuyên theo quy định", True),
    ("kiểm tra các cơ sở, thường xuyên cập nhật dữ liệu", True),
    # a manner of the verb before it ("kịp thời" is no quality of a thing): extra 13's gold keeps the task ongoing
    ("thông tin kịp thời, thường xuyên về tình hình tài nguyên nước", True),
])
def test_ongoing_word_closing_a_list_of_qualities(text, ongoing):
    found = [m.deadline.kind for m in find_deadlines(text, doc_date=DOC_DATE)]
    assert ("ongoing" in found) is ongoing
    v = load_vocabulary()
    assert "tự động" in v["ongoing_quality_partners"] and "theo" in v["ongoing_modifier_prepositions"]


# a case with a bracketed note (branch agency20; annotation notes 04-07-08 §8)
def test_a_case_with_a_bracketed_note_is_conditional_up_to_its_consequence():
    s = "Trường hợp phát sinh vướng mắc (chưa có quy định, quy định còn chồng chéo) thì phải báo cáo Sở Tư pháp."
    found = [(s[d.start:d.end], d.deadline.kind) for d in find_deadlines(s)]
    assert found == [("Trường hợp phát sinh vướng mắc (chưa có quy định, quy định còn chồng chéo)", "conditional")]


def test_a_case_of_need_with_a_bracketed_note_is_still_no_deadline():
    s = "Trường hợp cần thiết (theo đề nghị của Sở Tư pháp), tổ chức họp liên ngành."
    assert [d for d in find_deadlines(s) if d.deadline.kind == "conditional"] == []


# "vào năm 2030" after a programme noun: "vào" (at) makes the year the time of the work, as "trong" does;
# a bare year after the noun still names it, a citation's year stays none (branch dlprec14)
@pytest.mark.parametrize("text, expected", [
    ("tổ chức tổng kết việc thực hiện Kế hoạch vào năm 2030.", ("on", "vào năm 2030", "2030-12-31")),
    ("sơ kết 3 năm thực hiện Chương trình vào năm 2028", ("on", "vào năm 2028", "2028-12-31")),
])
def test_a_year_at_after_a_programme_noun_dates_the_work(text, expected):
    got = [(m.deadline.kind, m.deadline.text, m.deadline.date) for m in find_deadlines(text, doc_date=DOC_DATE)]
    assert got == [expected]


@pytest.mark.parametrize("text", [
    "triển khai Kế hoạch năm 2026 của Bộ Y tế",
    "thực hiện Luật Đầu tư được ban hành vào năm 2020",
])
def test_a_year_naming_a_programme_or_a_cited_text_is_none(text):
    assert find_deadlines(text, doc_date=DOC_DATE) == []


# a case that ends on a problem word goes on over the problems listed after it (trigger_problems; branch dlprec14)
@pytest.mark.parametrize("text, phrase", [
    ("…; trường hợp phát sinh khó khăn, vướng mắc, kịp thời báo cáo UBND tỉnh.",
     "trường hợp phát sinh khó khăn, vướng mắc"),
    ("Trường hợp có khó khăn, vướng mắc, bất cập, các đơn vị báo cáo về Sở Y tế.",
     "Trường hợp có khó khăn, vướng mắc, bất cập"),
    # no list after it, or a case that does not end on a problem word: as before
    ("Trường hợp phát sinh khó khăn, Sở Y tế chủ trì giải quyết.", "Trường hợp phát sinh khó khăn"),
    ("Trường hợp vượt thẩm quyền, báo cáo UBND tỉnh xem xét.", "Trường hợp vượt thẩm quyền"),
    ("Trường hợp cần điều chỉnh danh mục, phát sinh chi phí thì báo cáo Sở Tài chính.",
     "Trường hợp cần điều chỉnh danh mục, phát sinh chi phí"),
])
def test_a_case_runs_over_its_list_of_problems(text, phrase):
    assert [m.deadline.text for m in find_deadlines(text, doc_date=DOC_DATE)] == [phrase]


# defect17: a cycle after a budget or plan named with its owner qualifies the budget, not the task
@pytest.mark.parametrize("text, found", [
    ("bố trí kinh phí trong dự toán ngân sách nhà nước hằng năm theo quy định của Luật", False),
    ("cân đối, bố trí kinh phí ngân sách địa phương hằng năm bảo đảm thực hiện", False),
    ("bố trí kinh phí trong dự toán hàng năm", False),                      # the blocker alone, as before
    ("lập dự toán kinh phí hàng năm, kinh phí tổng thể", False),
    ("xây dựng kế hoạch chi tiết hằng năm và gửi Sở Nội vụ", False),
    ("tổ chức tập huấn cho cán bộ cơ sở hằng năm", True),                  # no budget or plan: the task's cycle
    ("báo cáo ngân sách nhà nước, hằng năm gửi Sở Tài chính", True),      # a comma: the cycle opens a clause
    ("rà soát ngân sách nhà nước đã cấp và báo cáo kết quả hằng năm", True),
])
def test_a_cycle_after_a_budget_and_its_owner_is_no_deadline(text, found):
    assert bool([m for m in find_deadlines(text) if m.deadline.kind == "recurring"]) == found


# a citation word that opens its own line, cell or clause is the work's own act, and its time the deadline
# ("Ban hành trong năm 2026" in a time column); after a document noun it dates the cited document
@pytest.mark.parametrize("text,expected", [
    ("Ban hành trong năm 2026", "trong năm 2026"),
    ("| 3 | Xây dựng quy chế phối hợp | Sở Tư pháp | Ban hành trong năm 2026 |", "trong năm 2026"),
    ("- Phê duyệt trong quý II/2026", "trong quý II/2026"),
    ("Nghị định mới ban hành trong năm 2025", None),
    ("rà soát các văn bản đã ban hành trong năm 2025", None),
    ("Luật được Quốc hội thông qua trong năm 2024", None),
])
def test_a_citation_word_opening_its_cell_is_the_work(text, expected):
    found = [m.deadline.text for m in find_deadlines(text)]
    assert found == ([expected] if expected else [])
