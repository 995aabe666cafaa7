#include "core/geometry_text.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace dothi::app {

using nlohmann::json;

namespace {
json coords(const std::vector<geo::Point>& pts) {
  json a = json::array();
  for (const auto& p : pts) a.push_back(json::array({p.x, p.y}));
  return a;
}
json polygonCoords(const geo::Polygon& p) {
  json rings = json::array({coords(p.outer)});
  for (const auto& h : p.holes) rings.push_back(coords(h));
  return rings;
}

std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}
std::string wktPoints(const std::vector<geo::Point>& pts) {
  std::string s = "(";
  for (std::size_t i = 0; i < pts.size(); ++i) s += (i ? ", " : "") + num(pts[i].x) + " " + num(pts[i].y);
  return s + ")";
}
std::string wktPolygon(const geo::Polygon& p) {
  std::string s = "(" + wktPoints(p.outer);
  for (const auto& h : p.holes) s += ", " + wktPoints(h);
  return s + ")";
}
}  // namespace

json geometryToGeoJson(const geo::Geometry& g) {
  using T = geo::GeometryType;
  if (g.isEmpty()) return nullptr;
  switch (g.type) {
    case T::Point: return {{"type", "Point"}, {"coordinates", {g.points[0].x, g.points[0].y}}};
    case T::MultiPoint: return {{"type", "MultiPoint"}, {"coordinates", coords(g.points)}};
    case T::LineString: return {{"type", "LineString"}, {"coordinates", coords(g.lines[0].points)}};
    case T::MultiLineString: {
      json a = json::array();
      for (const auto& l : g.lines) a.push_back(coords(l.points));
      return {{"type", "MultiLineString"}, {"coordinates", a}};
    }
    case T::Polygon:
      if (g.polygons.size() == 1) return {{"type", "Polygon"}, {"coordinates", polygonCoords(g.polygons[0])}};
      [[fallthrough]];
    case T::MultiPolygon: {
      json a = json::array();
      for (const auto& p : g.polygons) a.push_back(polygonCoords(p));
      return {{"type", "MultiPolygon"}, {"coordinates", a}};
    }
    case T::None: break;
  }
  return nullptr;
}

std::string geometryToWkt(const geo::Geometry& g) {
  using T = geo::GeometryType;
  switch (g.type) {
    case T::Point: return g.points.empty() ? "POINT EMPTY" : "POINT (" + num(g.points[0].x) + " " + num(g.points[0].y) + ")";
    case T::MultiPoint: return g.points.empty() ? "MULTIPOINT EMPTY" : "MULTIPOINT " + wktPoints(g.points);
    case T::LineString: return g.lines.empty() ? "LINESTRING EMPTY" : "LINESTRING " + wktPoints(g.lines[0].points);
    case T::MultiLineString: {
      if (g.lines.empty()) return "MULTILINESTRING EMPTY";
      std::string s = "MULTILINESTRING (";
      for (std::size_t i = 0; i < g.lines.size(); ++i) s += (i ? ", " : "") + wktPoints(g.lines[i].points);
      return s + ")";
    }
    case T::Polygon:
      if (g.polygons.empty()) return "POLYGON EMPTY";
      if (g.polygons.size() == 1) return "POLYGON " + wktPolygon(g.polygons[0]);
      [[fallthrough]];
    case T::MultiPolygon: {
      if (g.polygons.empty()) return "MULTIPOLYGON EMPTY";
      std::string s = "MULTIPOLYGON (";
      for (std::size_t i = 0; i < g.polygons.size(); ++i) s += (i ? ", " : "") + wktPolygon(g.polygons[i]);
      return s + ")";
    }
    case T::None: break;
  }
  return "GEOMETRYCOLLECTION EMPTY";
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string htmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string formatNumber(double v) {
  char buf[48];
  if (v == 0) return "0";
  std::snprintf(buf, sizeof buf, std::abs(v) >= 0.01 ? "%.2f" : "%.3g", v);
  return buf;
}

}  // namespace dothi::app
