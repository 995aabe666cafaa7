#!/usr/bin/env python3
"""Fills the Vietnamese translations of dothi_vi.ts from the table below (run after lupdate:
translations/update.sh does both). Strings missing here stay unfinished, shown in English."""
import sys
import xml.etree.ElementTree as ET

VI = {
    "Coordinate reference system": "Hệ quy chiếu tọa độ",
    "%1 (layer %2) does not say which CRS its coordinates are in.\n"
    "Enter it, e.g. EPSG:2100 (Greek Grid), EPSG:9210 (VN-2000 / TM-3 105°45'), EPSG:32648:":
        "%1 (lớp %2) không cho biết tọa độ thuộc hệ quy chiếu nào.\n"
        "Hãy nhập, ví dụ EPSG:2100 (lưới Hy Lạp), EPSG:9210 (VN-2000 / TM-3 105°45'), EPSG:32648:",
    "PROJ does not know the CRS '%1'.": "PROJ không nhận ra hệ quy chiếu '%1'.",
    "E %1  N %2  Z %3 m (%4)": "Đ %1  B %2  Z %3 m (%4)",
    "%1° %2, %3° %4 (WGS 84)": "%1° %2, %3° %4 (WGS 84)",
    "N": "B", "S": "N", "E": "Đ", "W": "T",
    "Field": "Trường", "Value": "Giá trị",
    "Cannot read feature": "Không đọc được đối tượng",
    "Layer": "Lớp", "Feature id": "Mã đối tượng", "Kind": "Loại", "Area (m²)": "Diện tích (m²)",
    "Vector data (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.gml *.dxf *.fgb *.tab *.mif "
    "*.csv *.osm *.pbf *.dgn);;All files (*)":
        "Dữ liệu vector (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.gml *.dxf *.fgb *.tab "
        "*.mif *.csv *.osm *.pbf *.dgn);;Tất cả tệp (*)",
    # Style layer (View > Style layer…)
    "Style layer": "Kiểu hiển thị lớp", "&Style layer…": "&Kiểu hiển thị lớp…",
    "Colour by": "Tô màu theo", "Classification": "Cách phân loại", "Classes": "Số cấp",
    "Colour ramp": "Dải màu", "Labels": "Nhãn", "Default roof": "Mái mặc định",
    "Automatic (numbers: classes, text: categories)": "Tự động (số: phân cấp, chữ: theo loại)",
    "Categories": "Theo loại", "Graduated classes": "Phân cấp", "(default)": "(mặc định)",
    "(project default)": "(mặc định của dự án)", "Flat": "Mái bằng", "Hipped": "Mái bốn dốc",
    "Gabled": "Mái hai dốc", "Pyramidal": "Mái chóp", "Automatic (hipped on houses)": "Tự động (mái bốn dốc cho nhà ở)",
    "(keep the colours)": "(giữ nguyên màu)", "(no labels)": "(không có nhãn)", "height (m)": "chiều cao (m)",
    "Import": "Nhập dữ liệu",
    "Create or open a project first (File > New project…).":
        "Hãy tạo hoặc mở một dự án trước (Tệp > Dự án mới…).",
    "Import vector data": "Nhập dữ liệu vector",
    "Cancelling…": "Đang hủy…",
    "Importing %1…": "Đang nhập %1…",
    "Cancel": "Hủy",
    "Import cancelled; the project is unchanged.": "Đã hủy nhập; dự án không thay đổi.",
    "Import failed": "Nhập dữ liệu thất bại",
    "Imported %n layer(s).": "Đã nhập %n lớp.",
    "Features": "Đối tượng",
    "%1: %2 features from %3": "%1: %2 đối tượng từ %3",
    "Zoom to layer": "Thu phóng tới lớp",
    "Hide layer": "Ẩn lớp", "Show layer": "Hiện lớp",
    "DoThi projects (*.dothi);;All files (*)": "Dự án DoThi (*.dothi);;Tất cả tệp (*)",
    "Layers": "Các lớp",
    "Feature attributes": "Thuộc tính đối tượng",
    "&File": "&Tệp", "&New project…": "Dự án &mới…", "&Open…": "&Mở…",
    "&Import…": "&Nhập dữ liệu…", "&Quit": "&Thoát",
    "&View": "&Xem", "Zoom to &all": "Xem &toàn bộ",
    "&Help": "Trợ &giúp", "&About DoThi": "&Giới thiệu DoThi", "About DoThi": "Giới thiệu DoThi",
    "DoThi %1 — a 3D digital twin of the city.": "DoThi %1 — bản sao số 3D của đô thị.",
    "Open project": "Mở dự án", "New project": "Dự án mới",
    "Cannot create project": "Không tạo được dự án",
    "%1 cannot be replaced.": "Không thể thay thế %1.",
    "no project": "chưa có dự án",
    "DoThi — %1": "DoThi — %1",
    "Cannot open project": "Không mở được dự án",
    "Cannot display project": "Không hiển thị được dự án",
    "Buildings": "Công trình", "Parcels": "Thửa đất", "Land use": "Sử dụng đất",
    "Zoning": "Quy hoạch phân khu", "Roads": "Giao thông", "Infrastructure": "Hạ tầng kỹ thuật",
    "Other": "Khác",
    "DoThi: 3D city digital twin": "DoThi: bản sao số 3D của đô thị",
    "Save a picture of the window to FILE and quit.": "Lưu ảnh cửa sổ vào FILE rồi thoát.",
    "Interface language (vi, en).": "Ngôn ngữ giao diện (vi, en).",
    "Project file to open.": "Tệp dự án cần mở.",
    # Parcel review (Analysis > Validate layer, findings, parcel card, attribute table)
    "empty geometry": "hình học rỗng", "ring not closed": "vòng không khép kín",
    "degenerate ring": "vòng suy biến", "duplicate vertex": "đỉnh trùng lặp", "spike": "gai nhọn",
    "self-intersection": "tự cắt", "hole outside shell": "lỗ nằm ngoài vỏ",
    "wrong orientation": "sai chiều vòng", "overlap": "chồng lấn", "gap": "khe hở",
    "sliver": "dải hẹp", "duplicate id": "trùng mã thửa", "missing id": "thiếu mã thửa",
    "crosses boundary": "cắt qua ranh giới",
    "Validate layer": "Kiểm tra lớp", "(none)": "(không có)",
    "fid (no id checks)": "fid (không kiểm tra mã)", "Parcel layer": "Lớp thửa đất",
    "Parcel id field": "Trường mã thửa", "Must not cross": "Không được cắt qua",
    "Gaps up to": "Khe hở tối đa", "Slivers thinner than": "Dải hẹp mỏng hơn",
    "Ignore overlaps/gaps up to": "Bỏ qua chồng lấn/khe hở đến",
    "Analysis > Validate layer lists the defects of a parcel layer here.":
        "Phân tích > Kiểm tra lớp sẽ liệt kê các lỗi của lớp thửa đất tại đây.",
    "Finding": "Lỗi phát hiện", "Length (m)": "Chiều dài (m)", "Details": "Chi tiết",
    "Save report…": "Lưu báo cáo…", "Validating %1…": "Đang kiểm tra %1…",
    "Validation cancelled.": "Đã hủy kiểm tra.", "Validation failed": "Kiểm tra thất bại",
    "%n finding(s) in %1.": "%n lỗi trong %1.", "(fid %1)": "(fid %1)",
    "%1: %n finding(s) in %2 parcels (%3 s). Click a finding to see it.":
        "%1: %n lỗi trong %2 thửa (%3 giây). Nhấn vào một lỗi để xem.",
    "Save report": "Lưu báo cáo",
    "Validate a layer first (Analysis > Validate layer…).":
        "Hãy kiểm tra một lớp trước (Phân tích > Kiểm tra lớp…).",
    "Save validation report": "Lưu báo cáo kiểm tra",
    "HTML report (*.html);;GeoJSON (*.geojson);;CSV (*.csv)":
        "Báo cáo HTML (*.html);;GeoJSON (*.geojson);;CSV (*.csv)",
    "Parcel card": "Phiếu thửa đất", "Parcel fid %1": "Thửa fid %1",
    "Parcel %1 = %2 (fid %3)": "Thửa %1 = %2 (fid %3)", "Area, planar (%1)": "Diện tích phẳng (%1)",
    "%1 m²": "%1 m²", "Area, on the ellipsoid": "Diện tích trên ellipsoid", "Perimeter": "Chu vi",
    "%1 m (on the ellipsoid %2 m)": "%1 m (trên ellipsoid %2 m)", "Location": "Vị trí",
    "Ellipsoidal area: %1": "Diện tích ellipsoid tính trên: %1",
    "Neighbours sharing an edge (%1)": "Thửa liền kề chung cạnh (%1)", "fid %1": "fid %1",
    "%1 m": "%1 m", "Land use and zoning": "Sử dụng đất và quy hoạch",
    "No land-use or zoning layer covers it.": "Không có lớp sử dụng đất hay quy hoạch nào phủ thửa này.",
    "Click a parcel (or pick one in the attribute table) to see its card.":
        "Nhấn vào một thửa (hoặc chọn trong bảng thuộc tính) để xem phiếu thửa.",
    "Search: parcel id or any value…": "Tìm: mã thửa hoặc giá trị bất kỳ…", "%1 of %2": "%1 / %2",
    "fid": "fid", "Attribute table": "Bảng thuộc tính", "Findings": "Lỗi phát hiện",
    "&Analysis": "&Phân tích", "&Validate layer…": "&Kiểm tra lớp…",
    "Query…": "Truy vấn…",
    "Show all": "Hiện tất cả",
    "Query": "Truy vấn",
    "Cannot read the condition %1 %2 %3.": "Không đọc được điều kiện %1 %2 %3.",
    "Query %1": "Truy vấn %1",
    "matches a pattern (SQL LIKE: % any text, _ one character)": "khớp mẫu (SQL LIKE: % chuỗi bất kỳ, _ một ký tự)",
    "Operator": "Toán tử",
}


def main(path):
    tree = ET.parse(path)
    missing = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        text = VI.get(source)
        if text is None:
            missing += 1
            continue
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            ET.SubElement(translation, "numerusform").text = text
            translation.text = None
        else:
            translation.text = text
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    print(f"{path}: {missing} string(s) without a Vietnamese translation")


if __name__ == "__main__":
    main(sys.argv[1])
