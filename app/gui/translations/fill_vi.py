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
    # Zoning editor (Edit and Scenario menus, zone form)
    "&Undo": "&Hoàn tác", "&Redo": "&Làm lại", "&Edit layer": "&Biên tập lớp", "Ctrl+E": "Ctrl+E",
    "Start or stop editing the selected polygon layer (zoning)": "Bắt đầu hoặc dừng biên tập lớp vùng (quy hoạch phân khu)",
    "There is no polygon layer to edit.": "Không có lớp vùng nào để biên tập.",
    "&Save edits": "&Lưu chỉnh sửa", "Se&lect zones": "&Chọn khu", "&Draw zone": "&Vẽ khu",
    "Add &hole": "Thêm &lỗ", "&Vertex tool": "Công cụ &đỉnh", "S&plit zone": "&Tách khu",
    "Drag a vertex (shared vertices move together); double-click an edge to add a vertex; Shift+click a vertex to delete it":
        "Kéo một đỉnh (các đỉnh chung di chuyển cùng nhau); nhấn đúp vào cạnh để thêm đỉnh; Shift+nhấn vào đỉnh để xóa",
    "&Merge selected zones": "&Gộp các khu đã chọn", "M": "M", "&Delete selected zones": "&Xóa các khu đã chọn",
    "&Copy attributes": "&Sao chép thuộc tính",
    "Attributes of zone %1 copied; select zones and paste them.": "Đã sao chép thuộc tính của khu %1; hãy chọn các khu rồi dán.",
    "Ctrl+Alt+C": "Ctrl+Alt+C", "&Paste attributes": "&Dán thuộc tính", "Ctrl+Alt+V": "Ctrl+Alt+V",
    "&Refuse invalid edits": "&Từ chối chỉnh sửa không hợp lệ",
    "Refuse an edit that would make a zone cross itself or overlap a neighbour; when off, the edit is applied and the problem highlighted":
        "Từ chối chỉnh sửa làm khu tự cắt hoặc chồng lấn khu bên cạnh; khi tắt, chỉnh sửa được áp dụng và lỗi được tô sáng",
    "Edit refused: %1": "Chỉnh sửa bị từ chối: %1", "Cannot edit layer": "Không thể biên tập lớp",
    "Editing layer %1 (%2)": "Đang biên tập lớp %1 (%2)", "base plan": "phương án gốc",
    "Unsaved edits": "Chỉnh sửa chưa lưu", "Save the edits of layer %1?": "Lưu các chỉnh sửa của lớp %1?",
    "Save the edits of layer %1 first?": "Lưu các chỉnh sửa của lớp %1 trước?",
    "Cannot save the edits": "Không lưu được các chỉnh sửa", "Saved %n changed zone(s).": "Đã lưu %n khu thay đổi.",
    "Nothing to change.": "Không có gì để thay đổi.", "Applied with problems: %1": "Đã áp dụng nhưng có lỗi: %1",
    "A zone needs at least 3 points.": "Một khu cần ít nhất 3 điểm.", "A hole needs at least 3 points.": "Một lỗ cần ít nhất 3 điểm.",
    "Draw the hole inside a zone (or select the zone first).": "Hãy vẽ lỗ bên trong một khu (hoặc chọn khu trước).",
    "A split line needs at least 2 points.": "Đường tách cần ít nhất 2 điểm.", "Select the zone to split first.": "Hãy chọn khu cần tách trước.",
    "Editing": "Biên tập", "&Edit": "&Biên tập", "&Scenario": "&Phương án", "Zone attributes": "Thuộc tính khu",
    "<no edits>": "<chưa có chỉnh sửa>", "Undo history": "Lịch sử hoàn tác", "&Top view (2D)": "Nhìn từ &trên (2D)",
    "Look straight down on the plan (for drawing and editing zones); off: 3D": "Nhìn thẳng xuống bản đồ (để vẽ và sửa khu); tắt: 3D",
    "Plan: ": "Phương án: ",
    "The version of the plan shown and edited: the base plan or a scenario": "Phiên bản quy hoạch đang xem và biên tập: phương án gốc hoặc một kịch bản",
    "&New scenario…": "Kịch bản &mới…", "New scenario": "Kịch bản mới",
    "Name of the scenario (a copy of the base plan):": "Tên kịch bản (bản sao của phương án gốc):",
    "&Duplicate scenario…": "&Nhân bản kịch bản…", "Duplicate scenario": "Nhân bản kịch bản",
    "Name of the copy of %1:": "Tên bản sao của %1:", "the base plan": "phương án gốc", " (copy)": " (bản sao)",
    "&Rename scenario…": "Đổi &tên kịch bản…", "Rename scenario": "Đổi tên kịch bản", "New name:": "Tên mới:",
    "Cannot rename the scenario": "Không đổi tên được kịch bản", "De&lete scenario": "&Xóa kịch bản", "Delete scenario": "Xóa kịch bản",
    "Delete scenario %1? The base plan is not changed.": "Xóa kịch bản %1? Phương án gốc không thay đổi.",
    "Cannot delete the scenario": "Không xóa được kịch bản", "&Compare with…": "&So sánh với…",
    "&Promote to base plan": "&Nâng thành phương án gốc", "Promote scenario": "Nâng kịch bản",
    "Make scenario %1 the base plan? Its changes are written into the base plan and the scenario is removed.":
        "Đưa kịch bản %1 thành phương án gốc? Các thay đổi được ghi vào phương án gốc và kịch bản bị xóa.",
    "Cannot promote the scenario": "Không nâng được kịch bản", "Edit &log…": "&Nhật ký chỉnh sửa…", "Base plan": "Phương án gốc",
    "Cannot create the scenario": "Không tạo được kịch bản", "Compare": "So sánh", "Compare %1 with:": "So sánh %1 với:",
    "Cannot compare": "Không so sánh được", "Differences: %1 → %2": "Khác biệt: %1 → %2", "Zone": "Khu", "Change": "Thay đổi",
    "What changed": "Nội dung thay đổi", "added": "thêm mới", "removed": "bị xóa", "changed": "thay đổi",
    "%n zone(s) differ.": "%n khu khác nhau.", "Cannot read the edit log": "Không đọc được nhật ký chỉnh sửa",
    "Edit log": "Nhật ký chỉnh sửa", "Time (UTC)": "Thời gian (UTC)", "User": "Người dùng", "Plan": "Phương án", "Action": "Thao tác",
    "&Export CSV…": "&Xuất CSV…", "Export edit log": "Xuất nhật ký chỉnh sửa", "CSV (*.csv)": "CSV (*.csv)",
    "Cannot export the edit log": "Không xuất được nhật ký chỉnh sửa", "%1 cannot be written.": "Không ghi được %1.",
    "Zoning class": "Loại đất quy hoạch", "Max height": "Chiều cao tối đa", "Max floors": "Số tầng tối đa",
    "Max FAR": "Hệ số sử dụng đất tối đa", "Max site coverage": "Mật độ xây dựng tối đa", "Front setback": "Khoảng lùi trước",
    "Side setback": "Khoảng lùi bên", "Rear setback": "Khoảng lùi sau", "Min green ratio": "Tỷ lệ cây xanh tối thiểu",
    "Notes": "Ghi chú", "—": "—", "&Apply to selected zones": "Á&p dụng cho các khu đã chọn", "Ctrl+Return": "Ctrl+Return",
    "Start editing a zoning layer (Edit > Edit layer) to edit its zones.":
        "Hãy bắt đầu biên tập một lớp quy hoạch (Biên tập > Biên tập lớp) để sửa các khu.",
    "Select zones to see and edit their rules.": "Chọn các khu để xem và sửa chỉ tiêu quy hoạch.",
    "%n zone(s) selected": "Đã chọn %n khu", "(none)": "(không có)",
    "Select &by attribute…": "Chọn &theo thuộc tính…", "Select by attribute": "Chọn theo thuộc tính",
    "Zones where (e.g. zoning_class = 'ODT' AND max_height >= 30):": "Các khu thỏa mãn (ví dụ zoning_class = 'ODT' AND max_height >= 30):",
    "Ctrl+Shift+F": "Ctrl+Shift+F",
    " days": " ngày", "everything": "tất cả", "Keep": "Lưu giữ",
    "Observations older than this are deleted from the project as new ones arrive": "Các quan trắc cũ hơn mốc này bị xóa khỏi dự án khi có dữ liệu mới",
    "Show this scenario of the plan.": "Hiển thị kịch bản này của quy hoạch.", "Start editing this layer.": "Bắt đầu biên tập lớp này.",
    "Start in the top (2D) view.": "Mở ở chế độ nhìn từ trên (2D).",
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
    # Spatial filters of the query builder
    "(any value)": "(giá trị bất kỳ)", "Location": "Vị trí", "Distance": "Khoảng cách",
    "Anywhere": "Mọi nơi", "Within the current view": "Trong khung nhìn hiện tại",
    "(none selected)": "(chưa chọn)", "%1 feature %2": "%1 đối tượng %2",
    "Sharing area with the selected feature (%1)": "Có phần diện tích chung với đối tượng đang chọn (%1)",
    "Within a distance of the selected feature (%1)": "Trong phạm vi khoảng cách tới đối tượng đang chọn (%1)",
    "The view shows no ground to search in.": "Khung nhìn không có mặt đất nào để tìm.",
    "Select a feature first (click it in the 3D view or in the table).":
        "Hãy chọn một đối tượng trước (nhấn vào nó trong khung 3D hoặc trong bảng).",
    # Cadastre diff (Analysis > Compare cadastre versions)
    "&Compare cadastre versions…": "&So sánh các phiên bản địa chính…",
    "Compare cadastre versions": "So sánh các phiên bản địa chính",
    "Cadastre version": "Phiên bản địa chính",
    "DoThi projects and vector data (*.dothi *.shp *.gpkg *.geojson *.json *.tab *.mif *.dgn *.gml *.sqlite);;All files (*)":
        "Dự án DoThi và dữ liệu vector (*.dothi *.shp *.gpkg *.geojson *.json *.tab *.mif *.dgn *.gml *.sqlite);;Tất cả tệp (*)",
    "Old version": "Phiên bản cũ", "New version": "Phiên bản mới", "Reshaped beyond": "Coi là đổi hình khi vượt",
    "(fid %1)": "(fid %1)",
    "added": "thêm mới", "removed": "bị xóa", "split": "tách thửa", "merged": "hợp thửa",
    "reshaped": "đổi hình dạng", "attributes only": "chỉ đổi thuộc tính",
    "Analysis > Compare cadastre versions lists the changes between two versions here.":
        "Phân tích > So sánh các phiên bản địa chính liệt kê tại đây các thay đổi giữa hai phiên bản.",
    "Change": "Thay đổi", "Old parcels": "Thửa cũ", "New parcels": "Thửa mới",
    "Clear": "Xóa", "Changes": "Thay đổi",
    "Comparing cadastre versions…": "Đang so sánh các phiên bản địa chính…",
    "Comparison cancelled.": "Đã hủy so sánh.", "Comparison failed": "So sánh thất bại",
    "%n change(s) between the versions.": "%n thay đổi giữa hai phiên bản.",
    "%1 → %2: %n change(s), %3 parcels unchanged (%4 s). Click a change to see it.":
        "%1 → %2: %n thay đổi, %3 thửa không đổi (%4 s). Nhấn vào một thay đổi để xem.",
    "Cadastre changes": "Biến động địa chính",
    # Live feeds (Feeds menu, Live feeds dock)
    "Live feeds": "Dữ liệu trực tuyến", "F&eeds": "&Nguồn dữ liệu", "&Add feed…": "&Thêm nguồn dữ liệu…",
    "Alert: %1": "Cảnh báo: %1",
    "connecting": "đang kết nối", "connected": "đã kết nối", "stale": "không có dữ liệu mới",
    "error": "lỗi", "stopped": "đã dừng",
    "Feed": "Nguồn", "Status": "Trạng thái", "Observations": "Số quan trắc", "Message": "Thông báo",
    "Add feed…": "Thêm nguồn…", "Remove feed": "Xóa nguồn",
    "All categories": "Mọi loại", "All statuses": "Mọi trạng thái",
    "Play": "Phát", "Pause": "Tạm dừng", "Live": "Trực tiếp",
    "Click a marker for its details.": "Nhấn vào một điểm đánh dấu để xem chi tiết.",
    "Alerts": "Cảnh báo", "Reports": "Phản ánh",
    "Cannot open the feeds of the project": "Không mở được các nguồn dữ liệu của dự án",
    "Cannot add a feed": "Không thêm được nguồn dữ liệu",
    "Cannot add feed %1": "Không thêm được nguồn %1",
    "Cannot remove feed %1": "Không xóa được nguồn %1",
    "Add feed": "Thêm nguồn dữ liệu", "URL, or a file for a replay": "URL, hoặc tệp để phát lại",
    "Name": "Tên", "Source": "Nguồn", "Poll interval": "Chu kỳ lấy dữ liệu",
    "%1: %2 %3 %4 is above %5 (%6)": "%1: %2 %3 %4 vượt ngưỡng %5 (%6)",
    "%1: %2 %3": "%1: %2 %3", "%1, status %2": "%1, trạng thái %2", "at %1": "lúc %1",
    "No history": "Chưa có lịch sử",
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
