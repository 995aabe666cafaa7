<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>dothi</name>
    <message>
        <source>Buildings</source>
        <translation>Công trình</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <source>Land use</source>
        <translation>Sử dụng đất</translation>
    </message>
    <message>
        <source>Zoning</source>
        <translation>Quy hoạch phân khu</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>Giao thông</translation>
    </message>
    <message>
        <source>Infrastructure</source>
        <translation>Hạ tầng kỹ thuật</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>(keep the colours)</source>
        <translation>(giữ nguyên màu)</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>(không có nhãn)</translation>
    </message>
    <message>
        <source>height (m)</source>
        <translation>chiều cao (m)</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::AnalysisController</name>
    <message>
        <source>empty geometry</source>
        <translation>hình học rỗng</translation>
    </message>
    <message>
        <source>ring not closed</source>
        <translation>vòng không khép kín</translation>
    </message>
    <message>
        <source>degenerate ring</source>
        <translation>vòng suy biến</translation>
    </message>
    <message>
        <source>duplicate vertex</source>
        <translation>đỉnh trùng lặp</translation>
    </message>
    <message>
        <source>spike</source>
        <translation>gai nhọn</translation>
    </message>
    <message>
        <source>self-intersection</source>
        <translation>tự cắt</translation>
    </message>
    <message>
        <source>hole outside shell</source>
        <translation>lỗ nằm ngoài vỏ</translation>
    </message>
    <message>
        <source>wrong orientation</source>
        <translation>sai chiều vòng</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>chồng lấn</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>khe hở</translation>
    </message>
    <message>
        <source>sliver</source>
        <translation>dải hẹp</translation>
    </message>
    <message>
        <source>duplicate id</source>
        <translation>trùng mã thửa</translation>
    </message>
    <message>
        <source>missing id</source>
        <translation>thiếu mã thửa</translation>
    </message>
    <message>
        <source>crosses boundary</source>
        <translation>cắt qua ranh giới</translation>
    </message>
    <message>
        <source>Validate layer</source>
        <translation>Kiểm tra lớp</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>fid (no id checks)</source>
        <translation>fid (không kiểm tra mã)</translation>
    </message>
    <message>
        <source>Parcel layer</source>
        <translation>Lớp thửa đất</translation>
    </message>
    <message>
        <source>Parcel id field</source>
        <translation>Trường mã thửa</translation>
    </message>
    <message>
        <source>Must not cross</source>
        <translation>Không được cắt qua</translation>
    </message>
    <message>
        <source>Gaps up to</source>
        <translation>Khe hở tối đa</translation>
    </message>
    <message>
        <source>Slivers thinner than</source>
        <translation>Dải hẹp mỏng hơn</translation>
    </message>
    <message>
        <source>Ignore overlaps/gaps up to</source>
        <translation>Bỏ qua chồng lấn/khe hở đến</translation>
    </message>
    <message>
        <source>Analysis &gt; Validate layer lists the defects of a parcel layer here.</source>
        <translation>Phân tích &gt; Kiểm tra lớp sẽ liệt kê các lỗi của lớp thửa đất tại đây.</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Lỗi phát hiện</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>Diện tích (m²)</translation>
    </message>
    <message>
        <source>Length (m)</source>
        <translation>Chiều dài (m)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Lưu báo cáo…</translation>
    </message>
    <message>
        <source>Create or open a project first (File &gt; New project…).</source>
        <translation>Hãy tạo hoặc mở một dự án trước (Tệp &gt; Dự án mới…).</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation>Đang kiểm tra %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Validation cancelled.</source>
        <translation>Đã hủy kiểm tra.</translation>
    </message>
    <message>
        <source>Validation failed</source>
        <translation>Kiểm tra thất bại</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) in %1.</source>
        <translation><numerusform>%n lỗi trong %1.</numerusform></translation>
    </message>
    <message>
        <source>(fid %1)</source>
        <translation>(fid %1)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n finding(s) in %2 parcels (%3 s). Click a finding to see it.</source>
        <translation><numerusform>%1: %n lỗi trong %2 thửa (%3 giây). Nhấn vào một lỗi để xem.</numerusform></translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Validate a layer first (Analysis &gt; Validate layer…).</source>
        <translation>Hãy kiểm tra một lớp trước (Phân tích &gt; Kiểm tra lớp…).</translation>
    </message>
    <message>
        <source>Save validation report</source>
        <translation>Lưu báo cáo kiểm tra</translation>
    </message>
    <message>
        <source>HTML report (*.html);;GeoJSON (*.geojson);;CSV (*.csv)</source>
        <translation>Báo cáo HTML (*.html);;GeoJSON (*.geojson);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::AttributeTableController</name>
    <message>
        <source>Query…</source>
        <translation>Truy vấn…</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Hiện tất cả</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Truy vấn</translation>
    </message>
    <message>
        <source>Cannot read the condition %1 %2 %3.</source>
        <translation>Không đọc được điều kiện %1 %2 %3.</translation>
    </message>
    <message>
        <source>Query %1</source>
        <translation>Truy vấn %1</translation>
    </message>
    <message>
        <source>matches a pattern (SQL LIKE: % any text, _ one character)</source>
        <translation>khớp mẫu (SQL LIKE: % chuỗi bất kỳ, _ một ký tự)</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Toán tử</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Search: parcel id or any value…</source>
        <translation>Tìm: mã thửa hoặc giá trị bất kỳ…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>fid</source>
        <translation>fid</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Bảng thuộc tính</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::CoordinateStatus</name>
    <message>
        <source>E %1  N %2  Z %3 m (%4)</source>
        <translation>Đ %1  B %2  Z %3 m (%4)</translation>
    </message>
    <message>
        <source>%1° %2, %3° %4 (WGS 84)</source>
        <translation>%1° %2, %3° %4 (WGS 84)</translation>
    </message>
    <message>
        <source>N</source>
        <translation>B</translation>
    </message>
    <message>
        <source>S</source>
        <translation>N</translation>
    </message>
    <message>
        <source>E</source>
        <translation>Đ</translation>
    </message>
    <message>
        <source>W</source>
        <translation>T</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::IdentifyController</name>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Cannot read feature</source>
        <translation>Không đọc được đối tượng</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Feature id</source>
        <translation>Mã đối tượng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>Diện tích (m²)</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::ImportController</name>
    <message>
        <source>Vector data (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.gml *.dxf *.fgb *.tab *.mif *.csv *.osm *.pbf *.dgn);;All files (*)</source>
        <translation>Dữ liệu vector (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.gml *.dxf *.fgb *.tab *.mif *.csv *.osm *.pbf *.dgn);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>Create or open a project first (File &gt; New project…).</source>
        <translation>Hãy tạo hoặc mở một dự án trước (Tệp &gt; Dự án mới…).</translation>
    </message>
    <message>
        <source>Import vector data</source>
        <translation>Nhập dữ liệu vector</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Đang nhập %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Import cancelled; the project is unchanged.</source>
        <translation>Đã hủy nhập; dự án không thay đổi.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Nhập dữ liệu thất bại</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n layer(s).</source>
        <translation><numerusform>Đã nhập %n lớp.</numerusform></translation>
    </message>
    <message>
        <source>Coordinate reference system</source>
        <translation>Hệ quy chiếu tọa độ</translation>
    </message>
    <message>
        <source>%1 (layer %2) does not say which CRS its coordinates are in.
Enter it, e.g. EPSG:2100 (Greek Grid), EPSG:9210 (VN-2000 / TM-3 105°45'), EPSG:32648:</source>
        <translation>%1 (lớp %2) không cho biết tọa độ thuộc hệ quy chiếu nào.
Hãy nhập, ví dụ EPSG:2100 (lưới Hy Lạp), EPSG:9210 (VN-2000 / TM-3 105°45'), EPSG:32648:</translation>
    </message>
    <message>
        <source>PROJ does not know the CRS '%1'.</source>
        <translation>PROJ không nhận ra hệ quy chiếu '%1'.</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::LayerTreeController</name>
    <message>
        <source>Layer</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>%1: %2 features from %3</source>
        <translation>%1: %2 đối tượng từ %3</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Thu phóng tới lớp</translation>
    </message>
    <message>
        <source>Hide layer</source>
        <translation>Ẩn lớp</translation>
    </message>
    <message>
        <source>Show layer</source>
        <translation>Hiện lớp</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::MainWindow</name>
    <message>
        <source>DoThi projects (*.dothi);;All files (*)</source>
        <translation>Dự án DoThi (*.dothi);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Các lớp</translation>
    </message>
    <message>
        <source>Feature attributes</source>
        <translation>Thuộc tính đối tượng</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>Dự án &amp;mới…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Mở…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập dữ liệu…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Zoom to &amp;all</source>
        <translation>Xem &amp;toàn bộ</translation>
    </message>
    <message>
        <source>&amp;Style layer…</source>
        <translation>&amp;Kiểu hiển thị lớp…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About DoThi</source>
        <translation>&amp;Giới thiệu DoThi</translation>
    </message>
    <message>
        <source>About DoThi</source>
        <translation>Giới thiệu DoThi</translation>
    </message>
    <message>
        <source>DoThi %1 — a 3D digital twin of the city.</source>
        <translation>DoThi %1 — bản sao số 3D của đô thị.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Mở dự án</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Dự án mới</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Không tạo được dự án</translation>
    </message>
    <message>
        <source>%1 cannot be replaced.</source>
        <translation>Không thể thay thế %1.</translation>
    </message>
    <message>
        <source>no project</source>
        <translation>chưa có dự án</translation>
    </message>
    <message>
        <source>DoThi — %1</source>
        <translation>DoThi — %1</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Lỗi phát hiện</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Bảng thuộc tính</translation>
    </message>
    <message>
        <source>Parcel card</source>
        <translation>Phiếu thửa đất</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Phân tích</translation>
    </message>
    <message>
        <source>&amp;Validate layer…</source>
        <translation>&amp;Kiểm tra lớp…</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::ParcelCardController</name>
    <message>
        <source>Parcel card</source>
        <translation>Phiếu thửa đất</translation>
    </message>
    <message>
        <source>Parcel fid %1</source>
        <translation>Thửa fid %1</translation>
    </message>
    <message>
        <source>Parcel %1 = %2 (fid %3)</source>
        <translation>Thửa %1 = %2 (fid %3)</translation>
    </message>
    <message>
        <source>Area, planar (%1)</source>
        <translation>Diện tích phẳng (%1)</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 m²</translation>
    </message>
    <message>
        <source>Area, on the ellipsoid</source>
        <translation>Diện tích trên ellipsoid</translation>
    </message>
    <message>
        <source>Perimeter</source>
        <translation>Chu vi</translation>
    </message>
    <message>
        <source>%1 m (on the ellipsoid %2 m)</source>
        <translation>%1 m (trên ellipsoid %2 m)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Ellipsoidal area: %1</source>
        <translation>Diện tích ellipsoid tính trên: %1</translation>
    </message>
    <message>
        <source>Neighbours sharing an edge (%1)</source>
        <translation>Thửa liền kề chung cạnh (%1)</translation>
    </message>
    <message>
        <source>fid %1</source>
        <translation>fid %1</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>Land use and zoning</source>
        <translation>Sử dụng đất và quy hoạch</translation>
    </message>
    <message>
        <source>No land-use or zoning layer covers it.</source>
        <translation>Không có lớp sử dụng đất hay quy hoạch nào phủ thửa này.</translation>
    </message>
    <message>
        <source>Click a parcel (or pick one in the attribute table) to see its card.</source>
        <translation>Nhấn vào một thửa (hoặc chọn trong bảng thuộc tính) để xem phiếu thửa.</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::ProjectDocument</name>
    <message>
        <source>Cannot open project</source>
        <translation>Không mở được dự án</translation>
    </message>
    <message>
        <source>Cannot display project</source>
        <translation>Không hiển thị được dự án</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Không tạo được dự án</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::StyleController</name>
    <message>
        <source>Style layer</source>
        <translation>Kiểu hiển thị lớp</translation>
    </message>
    <message>
        <source>Automatic (numbers: classes, text: categories)</source>
        <translation>Tự động (số: phân cấp, chữ: theo loại)</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Theo loại</translation>
    </message>
    <message>
        <source>Graduated classes</source>
        <translation>Phân cấp</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(mặc định)</translation>
    </message>
    <message>
        <source>(project default)</source>
        <translation>(mặc định của dự án)</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Mái bằng</translation>
    </message>
    <message>
        <source>Hipped</source>
        <translation>Mái bốn dốc</translation>
    </message>
    <message>
        <source>Gabled</source>
        <translation>Mái hai dốc</translation>
    </message>
    <message>
        <source>Pyramidal</source>
        <translation>Mái chóp</translation>
    </message>
    <message>
        <source>Automatic (hipped on houses)</source>
        <translation>Tự động (mái bốn dốc cho nhà ở)</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Tô màu theo</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Cách phân loại</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Số cấp</translation>
    </message>
    <message>
        <source>Colour ramp</source>
        <translation>Dải màu</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <source>Default roof</source>
        <translation>Mái mặc định</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>DoThi: 3D city digital twin</source>
        <translation>DoThi: bản sao số 3D của đô thị</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>Lưu ảnh cửa sổ vào FILE rồi thoát.</translation>
    </message>
    <message>
        <source>Interface language (vi, en).</source>
        <translation>Ngôn ngữ giao diện (vi, en).</translation>
    </message>
    <message>
        <source>Project file to open.</source>
        <translation>Tệp dự án cần mở.</translation>
    </message>
</context>
</TS>