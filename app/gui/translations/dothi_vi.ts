<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>FeedController</name>
    <message>
        <source>connecting</source>
        <translation>đang kết nối</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>đã kết nối</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>không có dữ liệu mới</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>đã dừng</translation>
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
    <message>
        <source>The view shows no ground to search in.</source>
        <translation>Khung nhìn không có mặt đất nào để tìm.</translation>
    </message>
    <message>
        <source>Select a feature first (click it in the 3D view or in the table).</source>
        <translation>Hãy chọn một đối tượng trước (nhấn vào nó trong khung 3D hoặc trong bảng).</translation>
    </message>
    <message>
        <source>(any value)</source>
        <translation>(giá trị bất kỳ)</translation>
    </message>
    <message>
        <source>(none selected)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <source>%1 feature %2</source>
        <translation>%1 đối tượng %2</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Mọi nơi</translation>
    </message>
    <message>
        <source>Within the current view</source>
        <translation>Trong khung nhìn hiện tại</translation>
    </message>
    <message>
        <source>Sharing area with the selected feature (%1)</source>
        <translation>Có phần diện tích chung với đối tượng đang chọn (%1)</translation>
    </message>
    <message>
        <source>Within a distance of the selected feature (%1)</source>
        <translation>Trong phạm vi khoảng cách tới đối tượng đang chọn (%1)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Khoảng cách</translation>
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
    <name>dothi::app::gui::DiffController</name>
    <message>
        <source>Cadastre version</source>
        <translation>Phiên bản địa chính</translation>
    </message>
    <message>
        <source>DoThi projects and vector data (*.dothi *.shp *.gpkg *.geojson *.json *.tab *.mif *.dgn *.gml *.sqlite);;All files (*)</source>
        <translation>Dự án DoThi và dữ liệu vector (*.dothi *.shp *.gpkg *.geojson *.json *.tab *.mif *.dgn *.gml *.sqlite);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>Compare cadastre versions</source>
        <translation>So sánh các phiên bản địa chính</translation>
    </message>
    <message>
        <source>Old version</source>
        <translation>Phiên bản cũ</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Phiên bản mới</translation>
    </message>
    <message>
        <source>Parcel id field</source>
        <translation>Trường mã thửa</translation>
    </message>
    <message>
        <source>Reshaped beyond</source>
        <translation>Coi là đổi hình khi vượt</translation>
    </message>
    <message>
        <source>(fid %1)</source>
        <translation>(fid %1)</translation>
    </message>
    <message>
        <source>added</source>
        <translation>thêm mới</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>bị xóa</translation>
    </message>
    <message>
        <source>split</source>
        <translation>tách thửa</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>hợp thửa</translation>
    </message>
    <message>
        <source>reshaped</source>
        <translation>đổi hình dạng</translation>
    </message>
    <message>
        <source>attributes only</source>
        <translation>chỉ đổi thuộc tính</translation>
    </message>
    <message>
        <source>Analysis &gt; Compare cadastre versions lists the changes between two versions here.</source>
        <translation>Phân tích &gt; So sánh các phiên bản địa chính liệt kê tại đây các thay đổi giữa hai phiên bản.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Old parcels</source>
        <translation>Thửa cũ</translation>
    </message>
    <message>
        <source>New parcels</source>
        <translation>Thửa mới</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>Diện tích (m²)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Create or open a project first (File &gt; New project…).</source>
        <translation>Hãy tạo hoặc mở một dự án trước (Tệp &gt; Dự án mới…).</translation>
    </message>
    <message>
        <source>Comparing cadastre versions…</source>
        <translation>Đang so sánh các phiên bản địa chính…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Đã hủy so sánh.</translation>
    </message>
    <message>
        <source>Comparison failed</source>
        <translation>So sánh thất bại</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) between the versions.</source>
        <translation><numerusform>%n thay đổi giữa hai phiên bản.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2: %n change(s), %3 parcels unchanged (%4 s). Click a change to see it.</source>
        <translation><numerusform>%1 → %2: %n thay đổi, %3 thửa không đổi (%4 s). Nhấn vào một thay đổi để xem.</numerusform></translation>
    </message>
    <message>
        <source>Cadastre changes</source>
        <translation>Biến động địa chính</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::EditController</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Edit layer</source>
        <translation>&amp;Biên tập lớp</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Start or stop editing the selected polygon layer (zoning)</source>
        <translation>Bắt đầu hoặc dừng biên tập lớp vùng (quy hoạch phân khu)</translation>
    </message>
    <message>
        <source>There is no polygon layer to edit.</source>
        <translation>Không có lớp vùng nào để biên tập.</translation>
    </message>
    <message>
        <source>&amp;Save edits</source>
        <translation>&amp;Lưu chỉnh sửa</translation>
    </message>
    <message>
        <source>Se&amp;lect zones</source>
        <translation>&amp;Chọn khu</translation>
    </message>
    <message>
        <source>&amp;Draw zone</source>
        <translation>&amp;Vẽ khu</translation>
    </message>
    <message>
        <source>Add &amp;hole</source>
        <translation>Thêm &amp;lỗ</translation>
    </message>
    <message>
        <source>&amp;Vertex tool</source>
        <translation>Công cụ &amp;đỉnh</translation>
    </message>
    <message>
        <source>S&amp;plit zone</source>
        <translation>&amp;Tách khu</translation>
    </message>
    <message>
        <source>Drag a vertex (shared vertices move together); double-click an edge to add a vertex; Shift+click a vertex to delete it</source>
        <translation>Kéo một đỉnh (các đỉnh chung di chuyển cùng nhau); nhấn đúp vào cạnh để thêm đỉnh; Shift+nhấn vào đỉnh để xóa</translation>
    </message>
    <message>
        <source>Select &amp;by attribute…</source>
        <translation>Chọn &amp;theo thuộc tính…</translation>
    </message>
    <message>
        <source>Select by attribute</source>
        <translation>Chọn theo thuộc tính</translation>
    </message>
    <message>
        <source>Zones where (e.g. zoning_class = 'ODT' AND max_height &gt;= 30):</source>
        <translation>Các khu thỏa mãn (ví dụ zoning_class = 'ODT' AND max_height &gt;= 30):</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>&amp;Merge selected zones</source>
        <translation>&amp;Gộp các khu đã chọn</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>&amp;Delete selected zones</source>
        <translation>&amp;Xóa các khu đã chọn</translation>
    </message>
    <message>
        <source>&amp;Copy attributes</source>
        <translation>&amp;Sao chép thuộc tính</translation>
    </message>
    <message>
        <source>Attributes of zone %1 copied; select zones and paste them.</source>
        <translation>Đã sao chép thuộc tính của khu %1; hãy chọn các khu rồi dán.</translation>
    </message>
    <message>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <source>&amp;Paste attributes</source>
        <translation>&amp;Dán thuộc tính</translation>
    </message>
    <message>
        <source>Ctrl+Alt+V</source>
        <translation>Ctrl+Alt+V</translation>
    </message>
    <message>
        <source>&amp;Refuse invalid edits</source>
        <translation>&amp;Từ chối chỉnh sửa không hợp lệ</translation>
    </message>
    <message>
        <source>Refuse an edit that would make a zone cross itself or overlap a neighbour; when off, the edit is applied and the problem highlighted</source>
        <translation>Từ chối chỉnh sửa làm khu tự cắt hoặc chồng lấn khu bên cạnh; khi tắt, chỉnh sửa được áp dụng và lỗi được tô sáng</translation>
    </message>
    <message>
        <source>Edit refused: %1</source>
        <translation>Chỉnh sửa bị từ chối: %1</translation>
    </message>
    <message>
        <source>Cannot edit layer</source>
        <translation>Không thể biên tập lớp</translation>
    </message>
    <message>
        <source>Editing layer %1 (%2)</source>
        <translation>Đang biên tập lớp %1 (%2)</translation>
    </message>
    <message>
        <source>base plan</source>
        <translation>phương án gốc</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Chỉnh sửa chưa lưu</translation>
    </message>
    <message>
        <source>Save the edits of layer %1?</source>
        <translation>Lưu các chỉnh sửa của lớp %1?</translation>
    </message>
    <message>
        <source>Save the edits of layer %1 first?</source>
        <translation>Lưu các chỉnh sửa của lớp %1 trước?</translation>
    </message>
    <message>
        <source>Cannot save the edits</source>
        <translation>Không lưu được các chỉnh sửa</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n changed zone(s).</source>
        <translation><numerusform>Đã lưu %n khu thay đổi.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s) selected</source>
        <translation><numerusform>Đã chọn %n khu</numerusform></translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>Không có gì để thay đổi.</translation>
    </message>
    <message>
        <source>Applied with problems: %1</source>
        <translation>Đã áp dụng nhưng có lỗi: %1</translation>
    </message>
    <message>
        <source>A zone needs at least 3 points.</source>
        <translation>Một khu cần ít nhất 3 điểm.</translation>
    </message>
    <message>
        <source>A hole needs at least 3 points.</source>
        <translation>Một lỗ cần ít nhất 3 điểm.</translation>
    </message>
    <message>
        <source>Draw the hole inside a zone (or select the zone first).</source>
        <translation>Hãy vẽ lỗ bên trong một khu (hoặc chọn khu trước).</translation>
    </message>
    <message>
        <source>A split line needs at least 2 points.</source>
        <translation>Đường tách cần ít nhất 2 điểm.</translation>
    </message>
    <message>
        <source>Select the zone to split first.</source>
        <translation>Hãy chọn khu cần tách trước.</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::FeedController</name>
    <message>
        <source>Feed</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Số quan trắc</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Add feed…</source>
        <translation>Thêm nguồn…</translation>
    </message>
    <message>
        <source>Remove feed</source>
        <translation>Xóa nguồn</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Phát</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <source>Click a marker for its details.</source>
        <translation>Nhấn vào một điểm đánh dấu để xem chi tiết.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Cannot open the feeds of the project</source>
        <translation>Không mở được các nguồn dữ liệu của dự án</translation>
    </message>
    <message>
        <source>Cannot add a feed</source>
        <translation>Không thêm được nguồn dữ liệu</translation>
    </message>
    <message>
        <source>Cannot add feed %1</source>
        <translation>Không thêm được nguồn %1</translation>
    </message>
    <message>
        <source>Cannot remove feed %1</source>
        <translation>Không xóa được nguồn %1</translation>
    </message>
    <message>
        <source>Add feed</source>
        <translation>Thêm nguồn dữ liệu</translation>
    </message>
    <message>
        <source>URL, or a file for a replay</source>
        <translation>URL, hoặc tệp để phát lại</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation>Chu kỳ lấy dữ liệu</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4 is above %5 (%6)</source>
        <translation>%1: %2 %3 %4 vượt ngưỡng %5 (%6)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Phản ánh</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>%1, status %2</source>
        <translation>%1, trạng thái %2</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>lúc %1</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>tất cả</translation>
    </message>
    <message>
        <source>Observations older than this are deleted from the project as new ones arrive</source>
        <translation>Các quan trắc cũ hơn mốc này bị xóa khỏi dự án khi có dữ liệu mới</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Lưu giữ</translation>
    </message>
</context>
<context>
    <name>dothi::app::gui::HistoryChart</name>
    <message>
        <source>No history</source>
        <translation>Chưa có lịch sử</translation>
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
    <message>
        <source>Live feeds</source>
        <translation>Dữ liệu trực tuyến</translation>
    </message>
    <message>
        <source>F&amp;eeds</source>
        <translation>&amp;Nguồn dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Add feed…</source>
        <translation>&amp;Thêm nguồn dữ liệu…</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Cảnh báo: %1</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Biên tập</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Biên tập</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>&amp;Phương án</translation>
    </message>
    <message>
        <source>Zone attributes</source>
        <translation>Thuộc tính khu</translation>
    </message>
    <message>
        <source>&lt;no edits&gt;</source>
        <translation>&lt;chưa có chỉnh sửa&gt;</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Lịch sử hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Top view (2D)</source>
        <translation>Nhìn từ &amp;trên (2D)</translation>
    </message>
    <message>
        <source>Look straight down on the plan (for drawing and editing zones); off: 3D</source>
        <translation>Nhìn thẳng xuống bản đồ (để vẽ và sửa khu); tắt: 3D</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>&amp;Compare cadastre versions…</source>
        <translation>&amp;So sánh các phiên bản địa chính…</translation>
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
    <name>dothi::app::gui::ScenarioController</name>
    <message>
        <source>Plan: </source>
        <translation>Phương án: </translation>
    </message>
    <message>
        <source>The version of the plan shown and edited: the base plan or a scenario</source>
        <translation>Phiên bản quy hoạch đang xem và biên tập: phương án gốc hoặc một kịch bản</translation>
    </message>
    <message>
        <source>&amp;New scenario…</source>
        <translation>Kịch bản &amp;mới…</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>Kịch bản mới</translation>
    </message>
    <message>
        <source>Name of the scenario (a copy of the base plan):</source>
        <translation>Tên kịch bản (bản sao của phương án gốc):</translation>
    </message>
    <message>
        <source>&amp;Duplicate scenario…</source>
        <translation>&amp;Nhân bản kịch bản…</translation>
    </message>
    <message>
        <source>Duplicate scenario</source>
        <translation>Nhân bản kịch bản</translation>
    </message>
    <message>
        <source>Name of the copy of %1:</source>
        <translation>Tên bản sao của %1:</translation>
    </message>
    <message>
        <source>the base plan</source>
        <translation>phương án gốc</translation>
    </message>
    <message>
        <source> (copy)</source>
        <translation> (bản sao)</translation>
    </message>
    <message>
        <source>&amp;Rename scenario…</source>
        <translation>Đổi &amp;tên kịch bản…</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>Đổi tên kịch bản</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Tên mới:</translation>
    </message>
    <message>
        <source>Cannot rename the scenario</source>
        <translation>Không đổi tên được kịch bản</translation>
    </message>
    <message>
        <source>De&amp;lete scenario</source>
        <translation>&amp;Xóa kịch bản</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>Xóa kịch bản</translation>
    </message>
    <message>
        <source>Delete scenario %1? The base plan is not changed.</source>
        <translation>Xóa kịch bản %1? Phương án gốc không thay đổi.</translation>
    </message>
    <message>
        <source>Cannot delete the scenario</source>
        <translation>Không xóa được kịch bản</translation>
    </message>
    <message>
        <source>&amp;Compare with…</source>
        <translation>&amp;So sánh với…</translation>
    </message>
    <message>
        <source>&amp;Promote to base plan</source>
        <translation>&amp;Nâng thành phương án gốc</translation>
    </message>
    <message>
        <source>Promote scenario</source>
        <translation>Nâng kịch bản</translation>
    </message>
    <message>
        <source>Make scenario %1 the base plan? Its changes are written into the base plan and the scenario is removed.</source>
        <translation>Đưa kịch bản %1 thành phương án gốc? Các thay đổi được ghi vào phương án gốc và kịch bản bị xóa.</translation>
    </message>
    <message>
        <source>Cannot promote the scenario</source>
        <translation>Không nâng được kịch bản</translation>
    </message>
    <message>
        <source>Edit &amp;log…</source>
        <translation>&amp;Nhật ký chỉnh sửa…</translation>
    </message>
    <message>
        <source>Base plan</source>
        <translation>Phương án gốc</translation>
    </message>
    <message>
        <source>Cannot create the scenario</source>
        <translation>Không tạo được kịch bản</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <source>Compare %1 with:</source>
        <translation>So sánh %1 với:</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Không so sánh được</translation>
    </message>
    <message>
        <source>Differences: %1 → %2</source>
        <translation>Khác biệt: %1 → %2</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Khu</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Nội dung thay đổi</translation>
    </message>
    <message>
        <source>added</source>
        <translation>thêm mới</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>bị xóa</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>thay đổi</translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s) differ.</source>
        <translation><numerusform>%n khu khác nhau.</numerusform></translation>
    </message>
    <message>
        <source>Cannot read the edit log</source>
        <translation>Không đọc được nhật ký chỉnh sửa</translation>
    </message>
    <message>
        <source>Edit log</source>
        <translation>Nhật ký chỉnh sửa</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Thời gian (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Phương án</translation>
    </message>
    <message>
        <source>Feature id</source>
        <translation>Mã đối tượng</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Xuất CSV…</translation>
    </message>
    <message>
        <source>Export edit log</source>
        <translation>Xuất nhật ký chỉnh sửa</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export the edit log</source>
        <translation>Không xuất được nhật ký chỉnh sửa</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>Không ghi được %1.</translation>
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
    <name>dothi::app::gui::ZoneForm</name>
    <message>
        <source>Zoning class</source>
        <translation>Loại đất quy hoạch</translation>
    </message>
    <message>
        <source>Max height</source>
        <translation>Chiều cao tối đa</translation>
    </message>
    <message>
        <source>Max floors</source>
        <translation>Số tầng tối đa</translation>
    </message>
    <message>
        <source>Max FAR</source>
        <translation>Hệ số sử dụng đất tối đa</translation>
    </message>
    <message>
        <source>Max site coverage</source>
        <translation>Mật độ xây dựng tối đa</translation>
    </message>
    <message>
        <source>Front setback</source>
        <translation>Khoảng lùi trước</translation>
    </message>
    <message>
        <source>Side setback</source>
        <translation>Khoảng lùi bên</translation>
    </message>
    <message>
        <source>Rear setback</source>
        <translation>Khoảng lùi sau</translation>
    </message>
    <message>
        <source>Min green ratio</source>
        <translation>Tỷ lệ cây xanh tối thiểu</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&amp;Apply to selected zones</source>
        <translation>Á&amp;p dụng cho các khu đã chọn</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Start editing a zoning layer (Edit &gt; Edit layer) to edit its zones.</source>
        <translation>Hãy bắt đầu biên tập một lớp quy hoạch (Biên tập &gt; Biên tập lớp) để sửa các khu.</translation>
    </message>
    <message>
        <source>Select zones to see and edit their rules.</source>
        <translation>Chọn các khu để xem và sửa chỉ tiêu quy hoạch.</translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s) selected</source>
        <translation><numerusform>Đã chọn %n khu</numerusform></translation>
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
    <message>
        <source>Show this scenario of the plan.</source>
        <translation>Hiển thị kịch bản này của quy hoạch.</translation>
    </message>
    <message>
        <source>Start editing this layer.</source>
        <translation>Bắt đầu biên tập lớp này.</translation>
    </message>
    <message>
        <source>Start in the top (2D) view.</source>
        <translation>Mở ở chế độ nhìn từ trên (2D).</translation>
    </message>
</context>
</TS>