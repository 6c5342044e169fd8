"""Synthetic directive documents for benchmarks and batch tests.

Real plans cannot be redistributed in bulk, but a benchmark needs hundreds of
documents and thousands of pages. :func:`make_plan` writes a Kế hoạch in the
genre's shape (header table, legal basis, Mục đích/Yêu cầu, numbered task
areas with agency headings and dash items, an assignment table, Tổ chức thực
hiện, Nơi nhận, signature) from a seed, so the same seed always gives the
same text. Vocabulary is drawn from small lists below; the documents are
plausible, not real.
"""

from __future__ import annotations

import random

PROVINCES = ["Lạng Sơn", "Đồng Nai", "Quảng Ngãi", "Hà Tĩnh", "Cần Thơ", "Lào Cai", "Gia Lai", "Thái Nguyên",
             "Nghệ An", "Khánh Hòa", "An Giang", "Tây Ninh"]
SUBJECTS = [
    ("chuyển đổi số", ["hạ tầng số", "dữ liệu số", "dịch vụ công trực tuyến", "an toàn thông tin"]),
    ("phòng, chống thiên tai", ["cảnh báo sớm", "di dời dân cư", "diễn tập ứng phó", "kè chống sạt lở"]),
    ("giáo dục nghề nghiệp", ["đào tạo nghề", "liên kết doanh nghiệp", "kiểm định chất lượng", "học bổng"]),
    ("bảo vệ rừng", ["tuần tra rừng", "phòng cháy rừng", "giao đất giao rừng", "trồng rừng thay thế"]),
    ("an toàn thực phẩm", ["kiểm tra cơ sở", "truy xuất nguồn gốc", "chợ an toàn", "ngộ độc thực phẩm"]),
]
AGENCIES = ["Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Sở Xây dựng", "Sở Công Thương", "Sở Tư pháp",
            "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường", "Sở Giáo dục và Đào tạo",
            "Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
            "Báo và Phát thanh, Truyền hình tỉnh", "Ủy ban nhân dân các xã, phường"]
VERBS = ["Rà soát", "Xây dựng", "Tổ chức triển khai", "Hướng dẫn, kiểm tra", "Tăng cường", "Đẩy mạnh",
         "Theo dõi, đôn đốc", "Tham mưu ban hành", "Nâng cao chất lượng", "Tuyên truyền, phổ biến"]
OBJECTS = ["kế hoạch thực hiện {t}", "cơ chế phối hợp về {t}", "hệ thống dữ liệu {t}",
           "mô hình điểm về {t}", "quy chế quản lý {t}", "kết quả thực hiện {t} trên địa bàn",
           "nguồn lực cho {t}", "các văn bản hướng dẫn về {t}"]
DEADLINES = ["trước ngày 30/6/{y}", "trong Quý III/{y}", "hằng năm", "thường xuyên", "trong năm {y}",
             "định kỳ 6 tháng", "trước ngày 15/12/{y}", ""]


def make_plan(seed: int, *, areas: int = 6, items_per_area: int = 6, table_rows: int = 8) -> str:
    """A Markdown Kế hoạch; about one A4 page per 6-8 items."""
    rng = random.Random(seed)
    prov = rng.choice(PROVINCES)
    subject, topics = rng.choice(SUBJECTS)
    year = rng.choice([2025, 2026, 2027])
    num = rng.randint(10, 999)
    lines = [
        f"| **ỦY BAN NHÂN DÂN** TỈNH {prov.upper()} | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** Độc lập - Tự do - Hạnh phúc |",
        f"| Số: {num}/KH-UBND | *{prov}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {year}* |",
        "",
        "**KẾ HOẠCH**",
        "",
        f"**Thực hiện {subject} trên địa bàn tỉnh {prov} năm {year}**",
        "",
        f"Căn cứ Nghị quyết số {rng.randint(1, 99)}/NQ-CP ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{year - 1} "
        f"của Chính phủ; Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện {subject} như sau:",
        "",
        "**I. MỤC ĐÍCH, YÊU CẦU**",
        "",
        f"1. Nâng cao hiệu quả công tác {subject}, huy động sự tham gia của cả hệ thống chính trị.",
        "",
        "2. Phân công cụ thể, rõ trách nhiệm của từng cơ quan, đơn vị, bảo đảm tiến độ.",
        "",
        "**II. NHIỆM VỤ VÀ GIẢI PHÁP**",
        "",
    ]
    for a in range(1, areas + 1):
        topic = rng.choice(topics)
        agency = rng.choice(AGENCIES)
        lines += [f"**{a}. Về {topic}**", "", f"{a}.1. {agency}:", ""]
        for _ in range(items_per_area):
            verb = rng.choice(VERBS)
            obj = rng.choice(OBJECTS).format(t=topic)
            dl = rng.choice(DEADLINES).format(y=year)
            partner = rng.choice(AGENCIES)
            tail = f", hoàn thành {dl}" if dl and dl.startswith("trước") else (f" {dl}" if dl else "")
            lines += [f"- {verb} {obj}, phối hợp với {partner} trong quá trình thực hiện{tail}.", ""]
    lines += ["**III. TỔ CHỨC THỰC HIỆN**", ""]
    for k, agency in enumerate(rng.sample(AGENCIES, 4), start=1):
        lines += [f"{k}. {agency} chủ trì, phối hợp với các sở, ban, ngành liên quan tổ chức thực hiện các "
                  f"nhiệm vụ được giao; báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/12/{year}.", ""]
    lines += ["**PHỤ LỤC**", "",
              "| **STT** | **Nội dung nhiệm vụ** | **Cơ quan chủ trì** | **Cơ quan phối hợp** | **Thời gian hoàn thành** |"]
    for r in range(1, table_rows + 1):
        topic = rng.choice(topics)
        lines.append(f"| {r} | {rng.choice(VERBS)} {rng.choice(OBJECTS).format(t=topic)} | {rng.choice(AGENCIES)} | "
                     f"{rng.choice(AGENCIES)} | {rng.choice(['Quý I/', 'Quý II/', 'Quý IV/'])}{year} |")
    lines += ["", "**Nơi nhận:**", "- Thường trực Tỉnh ủy;", "- Các sở, ban, ngành;", "- Lưu: VT.", "",
              "**TM. ỦY BAN NHÂN DÂN**", "**KT. CHỦ TỊCH**", "**PHÓ CHỦ TỊCH**", "",
              f"**{rng.choice(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu', 'Phạm Quốc Dũng'])}**", ""]
    return "\n".join(lines)
