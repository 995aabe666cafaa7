#pragma once
/// Small value types for geometry. Coordinates are doubles in the CRS of the layer that holds
/// them (metres in a project CRS; degrees only at import boundaries). No CRS per geometry.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace dothi::geo {

struct Point {
  double x = 0, y = 0, z = 0;
};

using Ring = std::vector<Point>;  ///< closed ring: first point repeated at the end

struct LineString {
  std::vector<Point> points;
};

struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

enum class GeometryType { None, Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon };

/// One geometry: a (multi)point, (multi)line string or (multi)polygon. The single types hold
/// exactly one element in the matching vector; the multi types hold any number.
struct Geometry {
  GeometryType type = GeometryType::None;
  bool hasZ = false;
  std::vector<Point> points;
  std::vector<LineString> lines;
  std::vector<Polygon> polygons;

  [[nodiscard]] bool isEmpty() const { return points.empty() && lines.empty() && polygons.empty(); }
  /// Calls f(Point&) for every vertex (used by reprojection).
  template <class F>
  void forEachPoint(F&& f) {
    for (auto& p : points) f(p);
    for (auto& l : lines)
      for (auto& p : l.points) f(p);
    for (auto& poly : polygons) {
      for (auto& p : poly.outer) f(p);
      for (auto& h : poly.holes)
        for (auto& p : h) f(p);
    }
  }
  template <class F>
  void forEachPoint(F&& f) const {
    const_cast<Geometry*>(this)->forEachPoint([&](Point& p) { f(static_cast<const Point&>(p)); });
  }
};

/// Axis-aligned 2D box; empty when minX > maxX.
struct Extent {
  double minX = std::numeric_limits<double>::infinity();
  double minY = std::numeric_limits<double>::infinity();
  double maxX = -std::numeric_limits<double>::infinity();
  double maxY = -std::numeric_limits<double>::infinity();

  [[nodiscard]] bool isEmpty() const { return minX > maxX || minY > maxY; }
  void include(const Point& p);
  void include(const Extent& e);
  [[nodiscard]] double width() const { return isEmpty() ? 0 : maxX - minX; }
  [[nodiscard]] double height() const { return isEmpty() ? 0 : maxY - minY; }
  [[nodiscard]] Point center() const { return {(minX + maxX) / 2, (minY + maxY) / 2, 0}; }
  [[nodiscard]] bool contains(const Point& p) const {
    return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY;
  }
};

Extent extentOf(const Geometry& g);

/// "Point", "MultiPolygon"... and back (case-insensitive; unknown gives None).
const char* geometryTypeName(GeometryType t);
GeometryType geometryTypeFromName(const std::string& name);
/// Polygon/MultiPolygon → MultiPolygon and so on: the type a layer column stores.
GeometryType multiTypeOf(GeometryType t);
/// 0 points, 1 lines, 2 polygons, -1 none.
int dimensionOf(GeometryType t);

/// Signed area of a ring by the shoelace formula (positive when counter-clockwise).
double signedRingArea(const Ring& ring);
/// Planar area of polygons (outer minus holes) in squared CRS units; 0 for other types.
double area(const Geometry& g);
/// Planar length of lines (and polygon perimeters) in CRS units.
double length(const Geometry& g);
/// True when point lies inside the polygon (even-odd over outer ring and holes).
bool contains(const Polygon& poly, const Point& p);
bool contains(const Geometry& g, const Point& p);
/// Distance from p to the nearest segment/vertex of the geometry (CRS units).
double distanceTo(const Geometry& g, const Point& p);

/// ISO WKB (little endian, Z types as 1000+ codes). Used by the project store.
std::vector<std::uint8_t> toWkb(const Geometry& g);
/// Parses ISO or EWKB-free OGC WKB (either byte order, 2D/Z/M/ZM). Empty optional on error.
bool fromWkb(const std::uint8_t* data, std::size_t size, Geometry& out, std::string* error = nullptr);

}  // namespace dothi::geo
