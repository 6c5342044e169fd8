"""Error messages of the web page in Vietnamese.

The people who upload plans read Vietnamese; the readers and the command
line speak English (one line, stable wording that scripts and tests rely
on). The page shows a Vietnamese sentence chosen by the error's ``code``,
with the English line below it as the detail (it names the file and the
exact cause, which helps whoever is asked for support).
"""

from __future__ import annotations

from typing import Optional

from ..errors import InputError

#: one sentence per error code: what went wrong and what to do
VI: dict[str, str] = {
    "empty": "Tệp trống: hãy chọn một văn bản có nội dung.",
    "no_file": "Hãy chọn một tệp để tải lên (PDF, DOCX hoặc tệp văn bản).",
    "encrypted": "Tệp có mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.",
    "corrupt": "Tệp bị hỏng hoặc không đọc được: hãy mở tệp, lưu lại thành PDF hoặc DOCX mới rồi tải lên.",
    "unsupported": "Không đọc được loại tệp này: hãy tải lên PDF, DOCX, HTML hoặc tệp văn bản (.txt, .md).",
    "binary": "Tệp không phải văn bản: hãy tải lên PDF, DOCX hoặc tệp văn bản UTF-8.",
    "encoding": "Không nhận ra bảng mã của tệp văn bản: hãy lưu lại với bảng mã UTF-8 (Unicode).",
    "scanned": "Văn bản là ảnh quét, không có lớp chữ để đọc: hãy tải bản PDF có chữ hoặc tệp DOCX.",
    "ocr_unavailable": "Văn bản có trang là ảnh quét nhưng máy chủ chưa cài phần mềm nhận dạng chữ "
                       "(Tesseract OCR): hãy tải bản PDF có chữ hoặc tệp DOCX.",
    "not_vietnamese": "Văn bản không phải tiếng Việt hoặc có quá ít chữ: công cụ chỉ đọc văn bản chỉ đạo, "
                      "điều hành bằng tiếng Việt.",
    "too_large": "Tệp quá lớn (vượt dung lượng hoặc số trang cho phép): hãy tách văn bản thành nhiều phần "
                 "hoặc chỉ tải phần chữ.",
    "page_data": "Trang đã mất dữ liệu: hãy tải văn bản lên lại.",
    "table": "Bảng nhiệm vụ trên trang không đầy đủ: hãy tải lại trang rồi thử lại.",
    "date": "Ngày không hợp lệ: hãy chọn lại ngày bằng ô chọn ngày.",
    "frequency": "Tần suất không hợp lệ: hãy chọn một tần suất trong danh sách.",
    "download_format": "Không có định dạng tải về này: hãy bấm một trong các nút tải về.",
    "form": "Không đọc được biểu mẫu gửi lên: hãy tải lại trang rồi thử lại.",
    "no_graph": "Không có nhiệm vụ nào nêu cơ quan thực hiện nên chưa vẽ được sơ đồ.",
    "graph_off": "Máy chủ này đã tắt chức năng vẽ sơ đồ.",
    "empty_program": "Văn bản thứ nhất không có nhiệm vụ nào để đối chiếu: hãy kiểm tra lại tệp chương trình.",
    "same_document": "Hai tệp là cùng một văn bản: hãy tải chương trình trước, kế hoạch sơ kết/tổng kết sau.",
}
#: when the code names nothing more precise
GENERIC = "Không đọc được văn bản này."
UNEXPECTED = "Đã có lỗi khi xử lý tệp. Hãy thử một tệp khác hoặc báo lỗi này cho người quản trị."
NOT_FOUND = "Không tìm thấy trang."
SERVER_ERROR = "Đã có lỗi; hãy thử lại hoặc báo lỗi này cho người quản trị."
#: status codes that are not a page of ours (405 etc.)
HTTP = {404: NOT_FOUND, 405: "Trang này không nhận kiểu yêu cầu đó; hãy quay lại trang chủ.",
        413: VI["too_large"]}


def vietnamese(err: Exception) -> tuple[str, Optional[str]]:
    """(the Vietnamese sentence, the English detail) for an error shown on the page."""
    if isinstance(err, InputError):
        return VI.get(err.code, GENERIC), str(err)
    return UNEXPECTED, (f"Something went wrong while processing the file ({type(err).__name__}). "
                        "Please try another file or report this.")


def http_message(status: int, detail: str) -> tuple[str, Optional[str]]:
    """The Vietnamese sentence for an HTTP error page (404, 405 ...)."""
    if status == 404:
        return NOT_FOUND, "Page not found."
    return HTTP.get(status, SERVER_ERROR), detail
