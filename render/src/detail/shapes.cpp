#include "detail/shapes.hpp"

#include <algorithm>
#include <cmath>

namespace dothi::render::detail {
namespace {

// Drops repeated points (and the closing one): zero-length edges would give NaN normals.
std::vector<osg::Vec2d> cleanRing(const geo::Ring& ring, const osg::Vec3d& origin) {
  std::vector<osg::Vec2d> out = localPath(ring, origin);
  while (out.size() > 1 && (out.front() - out.back()).length2() < 1e-8) out.pop_back();
  return out;
}

osg::Vec3f at(const osg::Vec2d& p, float z) { return {static_cast<float>(p.x()), static_cast<float>(p.y()), z}; }

osg::Vec4 shade(const osg::Vec4& c, float f) { return {c.r() * f, c.g() * f, c.b() * f, c.a()}; }

// Counter-clockwise, turning left at every corner (collinear corners allowed) and turning
// once in all (a pentagram turns left everywhere too, but twice round).
bool isConvex(const std::vector<osg::Vec2d>& ring) {
  if (ring.size() < 3) return false;
  double turning = 0;
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
    const osg::Vec2d u = ring[(i + 1) % n] - ring[i], v = ring[(i + 2) % n] - ring[(i + 1) % n];
    const double cross = u.x() * v.y() - u.y() * v.x();
    if (cross < 0) return false;
    turning += std::atan2(cross, u * v);
  }
  return turning < 2 * 3.14159265358979 + 0.01;
}

}  // namespace

void addWalls(MeshBuilder& mesh, const Rings& rings, float z0, float z1, const osg::Vec4& colour, bool grounded) {
  // Darker feet fake the ambient occlusion that makes walls read as standing on the ground.
  const osg::Vec4 foot = shade(colour, grounded ? 0.8f : 1.0f);
  for (const auto& ring : rings) {
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
      const osg::Vec2d& p = ring[i];
      const osg::Vec2d& q = ring[(i + 1) % n];
      osg::Vec2d d = q - p;
      osg::Vec3f normal(static_cast<float>(d.y()), static_cast<float>(-d.x()), 0);  // right side
      normal.normalize();
      const auto a = mesh.vertex(at(p, z0), foot, normal);
      const auto b = mesh.vertex(at(q, z0), foot, normal);
      const auto c = mesh.vertex(at(q, z1), colour, normal);
      const auto e = mesh.vertex(at(p, z1), colour, normal);
      mesh.triangle(a, b, c);
      mesh.triangle(a, c, e);
    }
  }
}

void addCap(MeshBuilder& mesh, Tessellator& tess, const Rings& rings, float z, const osg::Vec4& colour,
            bool facingUp) {
  const osg::Vec3f up(0, 0, facingUp ? 1.0f : -1.0f);
  if (rings.size() == 1 && isConvex(rings.front())) {
    // Most footprints are convex quadrilaterals: a fan, without the GLU tessellator's cost.
    const auto& ring = rings.front();
    const auto first = mesh.vertex(at(ring[0], z), colour, up);
    auto previous = mesh.vertex(at(ring[1], z), colour, up);
    for (std::size_t i = 2; i < ring.size(); ++i) {
      const auto v = mesh.vertex(at(ring[i], z), colour, up);
      if (facingUp) mesh.triangle(first, previous, v);
      else mesh.triangle(first, v, previous);
      previous = v;
    }
    return;
  }
  Triangulation t;
  if (!tess.triangulate(rings, t)) return;
  const osg::Vec3f normal(0, 0, facingUp ? 1.0f : -1.0f);
  std::vector<std::uint32_t> index(t.points.size());
  for (std::size_t i = 0; i < t.points.size(); ++i) index[i] = mesh.vertex(at(t.points[i], z), colour, normal);
  for (std::size_t i = 0; i + 2 < t.triangles.size(); i += 3) {
    const auto a = index[t.triangles[i]], b = index[t.triangles[i + 1]], c = index[t.triangles[i + 2]];
    if (facingUp) mesh.triangle(a, b, c);
    else mesh.triangle(a, c, b);
  }
}


std::vector<osg::Vec2d> localPath(const std::vector<geo::Point>& points, const osg::Vec3d& origin) {
  std::vector<osg::Vec2d> out;
  out.reserve(points.size());
  for (const auto& p : points) {
    osg::Vec2d v(p.x - origin.x(), p.y - origin.y());
    if (out.empty() || (v - out.back()).length2() > 1e-8) out.push_back(v);
  }
  return out;
}

Rings localRings(const geo::Polygon& polygon, const osg::Vec3d& origin) {
  Rings rings;
  auto outer = cleanRing(polygon.outer, origin);
  if (outer.size() < 3) return rings;
  if (signedArea(outer) < 0) std::reverse(outer.begin(), outer.end());
  rings.push_back(std::move(outer));
  for (const auto& hole : polygon.holes) {
    auto h = cleanRing(hole, origin);
    if (h.size() < 3) continue;
    if (signedArea(h) > 0) std::reverse(h.begin(), h.end());
    rings.push_back(std::move(h));
  }
  return rings;
}

std::size_t extrusionVertexCount(const Rings& rings) {
  std::size_t n = 0;
  for (const auto& r : rings) n += r.size();
  return n * 6 + 16;  // 4 per wall quad, one roof and maybe one floor cap, some GLU crossings
}

void addExtrusion(MeshBuilder& mesh, Tessellator& tess, const Rings& rings, float z0, float z1,
                  const ExtrusionColours& colours) {
  if (rings.empty() || z1 <= z0) return;
  addWalls(mesh, rings, z0, z1, colours.wall, z0 <= 0);
  addCap(mesh, tess, rings, z1, colours.roof, true);
  if (z0 > 0) addCap(mesh, tess, rings, z0, shade(colours.wall, 0.7f), false);
}

std::vector<osg::Vec2d> densify(const std::vector<osg::Vec2d>& path, double step, bool closed) {
  if (!(step > 0) || path.size() < 2) return path;
  std::vector<osg::Vec2d> out;
  const std::size_t segments = closed ? path.size() : path.size() - 1;
  for (std::size_t i = 0; i < segments; ++i) {
    const osg::Vec2d& p = path[i];
    const osg::Vec2d& q = path[(i + 1) % path.size()];
    const int pieces = std::max(1, static_cast<int>(std::ceil((q - p).length() / step)));
    for (int k = 0; k < pieces; ++k) out.push_back(p + (q - p) * (static_cast<double>(k) / pieces));
  }
  if (!closed) out.push_back(path.back());
  return out;
}

namespace {

// Splits a draped triangle along its longest edge until every edge is under `step`, so the
// fill follows the terrain; each piece is then lifted vertex by vertex.
void addDrapedTriangle(MeshBuilder& mesh, const Elevation& z, const osg::Vec4& colour, const osg::Vec2d& a,
                       const osg::Vec2d& b, const osg::Vec2d& c, double step, int depth) {
  const double ab = (b - a).length2(), bc = (c - b).length2(), ca = (a - c).length2();
  const double longest = std::max({ab, bc, ca});
  if (longest > step * step && depth < 12) {
    if (longest == ab) {
      const osg::Vec2d m = (a + b) * 0.5;
      addDrapedTriangle(mesh, z, colour, a, m, c, step, depth + 1);
      addDrapedTriangle(mesh, z, colour, m, b, c, step, depth + 1);
    } else if (longest == bc) {
      const osg::Vec2d m = (b + c) * 0.5;
      addDrapedTriangle(mesh, z, colour, a, b, m, step, depth + 1);
      addDrapedTriangle(mesh, z, colour, a, m, c, step, depth + 1);
    } else {
      const osg::Vec2d m = (c + a) * 0.5;
      addDrapedTriangle(mesh, z, colour, a, b, m, step, depth + 1);
      addDrapedTriangle(mesh, z, colour, m, b, c, step, depth + 1);
    }
    return;
  }
  mesh.triangle(mesh.vertex(at(a, z.at(a)), colour), mesh.vertex(at(b, z.at(b)), colour),
                mesh.vertex(at(c, z.at(c)), colour));
}

}  // namespace

void addFill(MeshBuilder& mesh, Tessellator& tess, const Rings& rings, const Elevation& z, const osg::Vec4& colour) {
  if (rings.empty()) return;
  if (z.flat()) {
    addCap(mesh, tess, rings, z.offset, colour, true);
    return;
  }
  Triangulation t;
  if (!tess.triangulate(rings, t)) return;
  for (std::size_t i = 0; i + 2 < t.triangles.size(); i += 3)
    addDrapedTriangle(mesh, z, colour, t.points[t.triangles[i]], t.points[t.triangles[i + 1]],
                      t.points[t.triangles[i + 2]], z.ground->step(), 0);
}

void addOutline(MeshBuilder& mesh, const Rings& rings, const Elevation& z, const osg::Vec4& colour) {
  for (const auto& input : rings) {
    const auto ring = z.flat() ? input : densify(input, z.ground->step(), true);
    const auto first = mesh.vertex(at(ring.front(), z.at(ring.front())), colour);
    auto previous = first;
    for (std::size_t i = 1; i < ring.size(); ++i) {
      const auto v = mesh.vertex(at(ring[i], z.at(ring[i])), colour);
      mesh.line(previous, v);
      previous = v;
    }
    mesh.line(previous, first);
  }
}

void addPolyline(MeshBuilder& mesh, const std::vector<osg::Vec2d>& input, const Elevation& z, const osg::Vec4& colour) {
  if (input.size() < 2) return;
  const auto path = z.flat() ? input : densify(input, z.ground->step(), false);
  auto previous = mesh.vertex(at(path.front(), z.at(path.front())), colour);
  for (std::size_t i = 1; i < path.size(); ++i) {
    const auto v = mesh.vertex(at(path[i], z.at(path[i])), colour);
    mesh.line(previous, v);
    previous = v;
  }
}

void addRibbon(MeshBuilder& mesh, const std::vector<osg::Vec2d>& input, float width, const Elevation& z,
               const osg::Vec4& colour) {
  const auto path = z.flat() || input.size() < 2 ? input : densify(input, z.ground->step(), false);
  const std::size_t n = path.size();
  if (n < 2) return;
  auto leftNormal = [&](std::size_t i) {  // of segment i → i+1
    osg::Vec2d d = path[i + 1] - path[i];
    d.normalize();
    return osg::Vec2d(-d.y(), d.x());
  };
  std::uint32_t previousLeft = 0, previousRight = 0;
  for (std::size_t i = 0; i < n; ++i) {
    osg::Vec2d normal = i == 0 ? leftNormal(0) : i + 1 == n ? leftNormal(n - 2) : leftNormal(i - 1) + leftNormal(i);
    normal.normalize();
    // Mitre: widen at bends so the ribbon keeps its width; clamp so hairpins do not spike.
    const double cosHalf = i == 0 || i + 1 == n ? 1.0 : std::max(0.4, normal * leftNormal(i));
    const osg::Vec2d offset = normal * (width / 2 / cosHalf);
    const osg::Vec2d l = path[i] + offset, r = path[i] - offset;
    const auto left = mesh.vertex(at(l, z.at(l)), colour);
    const auto right = mesh.vertex(at(r, z.at(r)), colour);
    if (i > 0) {
      mesh.triangle(previousRight, right, left);
      mesh.triangle(previousRight, left, previousLeft);
    }
    previousLeft = left;
    previousRight = right;
  }
}

void addExtrusionEdges(MeshBuilder& mesh, const Rings& rings, float z0, float z1, const osg::Vec4& colour) {
  addOutline(mesh, rings, z0, colour);
  addOutline(mesh, rings, z1, colour);
  for (const auto& ring : rings)
    for (const auto& p : ring) mesh.line(mesh.vertex(at(p, z0), colour), mesh.vertex(at(p, z1), colour));
}

double signedArea(const std::vector<osg::Vec2d>& ring) {
  double a = 0;
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
    const auto& p = ring[i];
    const auto& q = ring[(i + 1) % n];
    a += p.x() * q.y() - q.x() * p.y();
  }
  return a / 2;
}

}  // namespace dothi::render::detail
