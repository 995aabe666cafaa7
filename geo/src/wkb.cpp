// ISO WKB codec for the project store (SpatiaLite's GeomFromWKB/AsBinary speak it).
#include <cmath>
#include <cstring>

#include "dothi/geo/geometry.hpp"

namespace dothi::geo {
namespace {

class Writer {
 public:
  explicit Writer(bool z) : m_z(z) {}
  void header(std::uint32_t type) {
    m_out.push_back(1);  // little endian
    u32(m_z ? type + 1000 : type);
  }
  void u32(std::uint32_t v) { put(&v, 4); }
  void point(const Point& p) {
    put(&p.x, 8);
    put(&p.y, 8);
    if (m_z) put(&p.z, 8);
  }
  void points(const std::vector<Point>& pts) {
    u32(static_cast<std::uint32_t>(pts.size()));
    for (const auto& p : pts) point(p);
  }
  void polygon(const Polygon& poly) {
    header(3);
    u32(static_cast<std::uint32_t>(1 + poly.holes.size()));
    points(poly.outer);
    for (const auto& h : poly.holes) points(h);
  }
  std::vector<std::uint8_t> take() { return std::move(m_out); }

 private:
  void put(const void* p, std::size_t n) {
    const auto* b = static_cast<const std::uint8_t*>(p);
    m_out.insert(m_out.end(), b, b + n);
  }
  bool m_z;
  std::vector<std::uint8_t> m_out;
};

class Reader {
 public:
  Reader(const std::uint8_t* d, std::size_t n) : m_d(d), m_n(n) {}
  bool ok() const { return m_ok; }
  std::uint8_t byte() {
    if (m_pos + 1 > m_n) return fail(), 0;
    return m_d[m_pos++];
  }
  std::uint32_t u32(bool le) {
    std::uint8_t b[4] = {};
    read(b, 4, le);
    std::uint32_t v;
    std::memcpy(&v, b, 4);
    return v;
  }
  double f64(bool le) {
    std::uint8_t b[8] = {};
    read(b, 8, le);
    double v;
    std::memcpy(&v, b, 8);
    return v;
  }
  std::size_t remaining() const { return m_n - m_pos; }

 private:
  void fail() { m_ok = false; }
  void read(std::uint8_t* b, std::size_t k, bool le) {
    if (m_pos + k > m_n) return fail();
    for (std::size_t i = 0; i < k; ++i) b[i] = m_d[m_pos + (le ? i : k - 1 - i)];
    m_pos += k;
  }
  const std::uint8_t* m_d;
  std::size_t m_n;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

struct Decoder {
  Reader& r;
  bool hasZ = false;

  bool pointList(std::vector<Point>& out, bool le, int dims, bool z) {
    const std::uint32_t n = r.u32(le);
    if (!r.ok() || n > r.remaining() / (8u * dims)) return false;
    out.resize(n);
    for (auto& p : out) readPoint(p, le, dims, z);
    return r.ok();
  }
  void readPoint(Point& p, bool le, int dims, bool z) {
    p.x = r.f64(le);
    p.y = r.f64(le);
    double extra[2] = {0, 0};
    for (int i = 2; i < dims; ++i) extra[i - 2] = r.f64(le);
    p.z = z ? extra[0] : 0;
  }
  bool any(Geometry& g, int depth) {
    if (depth > 2) return false;
    const bool le = r.byte() == 1;
    std::uint32_t code = r.u32(le);
    if (!r.ok()) return false;
    const std::uint32_t flags = code & 0xE0000000u;  // EWKB flags, tolerated
    code &= 0x0FFFFFFFu;
    const std::uint32_t base = code % 1000, variant = code / 1000;
    bool z = variant == 1 || variant == 3 || (flags & 0x80000000u);
    bool m = variant == 2 || variant == 3 || (flags & 0x40000000u);
    hasZ = hasZ || z;
    const int dims = 2 + (z ? 1 : 0) + (m ? 1 : 0);
    switch (base) {
      case 1: {
        Point p;
        readPoint(p, le, dims, z);
        if (std::isnan(p.x)) return r.ok();  // POINT EMPTY
        g.points.push_back(p);
        return r.ok();
      }
      case 2: {
        LineString l;
        if (!pointList(l.points, le, dims, z)) return false;
        g.lines.push_back(std::move(l));
        return true;
      }
      case 3: {
        const std::uint32_t rings = r.u32(le);
        if (!r.ok() || rings > r.remaining() / 4) return false;
        if (rings == 0) return true;
        Polygon poly;
        if (!pointList(poly.outer, le, dims, z)) return false;
        for (std::uint32_t i = 1; i < rings; ++i) {
          poly.holes.emplace_back();
          if (!pointList(poly.holes.back(), le, dims, z)) return false;
        }
        g.polygons.push_back(std::move(poly));
        return true;
      }
      case 4:
      case 5:
      case 6:
      case 7: {
        const std::uint32_t n = r.u32(le);
        if (!r.ok() || n > r.remaining() / 5) return false;
        for (std::uint32_t i = 0; i < n; ++i)
          if (!any(g, depth + 1)) return false;
        return true;
      }
      default: return false;
    }
  }
};

GeometryType typeFromCode(std::uint32_t base) {
  switch (base) {
    case 1: return GeometryType::Point;
    case 2: return GeometryType::LineString;
    case 3: return GeometryType::Polygon;
    case 4: return GeometryType::MultiPoint;
    case 5: return GeometryType::MultiLineString;
    case 6: return GeometryType::MultiPolygon;
    default: return GeometryType::None;
  }
}

}  // namespace

std::vector<std::uint8_t> toWkb(const Geometry& g) {
  Writer w(g.hasZ);
  switch (g.type) {
    case GeometryType::Point:
      w.header(1);
      w.point(g.points.empty() ? Point{NAN, NAN, NAN} : g.points.front());
      break;
    case GeometryType::LineString:
      w.header(2);
      w.points(g.lines.empty() ? std::vector<Point>{} : g.lines.front().points);
      break;
    case GeometryType::Polygon:
      if (g.polygons.empty()) {
        w.header(3);
        w.u32(0);
      } else {
        w.polygon(g.polygons.front());
      }
      break;
    case GeometryType::MultiPoint:
      w.header(4);
      w.u32(static_cast<std::uint32_t>(g.points.size()));
      for (const auto& p : g.points) {
        w.header(1);
        w.point(p);
      }
      break;
    case GeometryType::MultiLineString:
      w.header(5);
      w.u32(static_cast<std::uint32_t>(g.lines.size()));
      for (const auto& l : g.lines) {
        w.header(2);
        w.points(l.points);
      }
      break;
    case GeometryType::MultiPolygon:
      w.header(6);
      w.u32(static_cast<std::uint32_t>(g.polygons.size()));
      for (const auto& p : g.polygons) w.polygon(p);
      break;
    case GeometryType::None: return {};
  }
  return w.take();
}

bool fromWkb(const std::uint8_t* data, std::size_t size, Geometry& out, std::string* error) {
  out = Geometry{};
  if (size < 5) {
    if (error) *error = "WKB too short";
    return false;
  }
  const bool le = data[0] == 1;
  std::uint32_t code;
  std::memcpy(&code, data + 1, 4);
  if (!le) code = __builtin_bswap32(code);
  Reader r(data, size);
  Decoder d{r};
  if (!d.any(out, 0)) {
    if (error) *error = "malformed WKB";
    out = Geometry{};
    return false;
  }
  out.type = typeFromCode((code & 0x0FFFFFFFu) % 1000);
  out.hasZ = d.hasZ;
  return true;
}

}  // namespace dothi::geo
