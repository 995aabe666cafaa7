// Pitched roofs from CGAL's straight skeleton: the only file of the renderer that includes CGAL
// (~17 s to compile). Exact predicates with inexact constructions are what the skeleton was
// designed for: its events are decided exactly, and the constructed points (doubles) are only
// drawn. Each footprint is moved to its own centre first so the doubles stay well conditioned.
#include <CGAL/Exact_predicates_inexact_constructions_kernel.h>
#include <CGAL/Polygon_2.h>
#include <CGAL/create_straight_skeleton_2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <unordered_map>

#include "detail/roof.hpp"

namespace dothi::render::detail {
namespace {

using Kernel = CGAL::Exact_predicates_inexact_constructions_kernel;
using Point2 = Kernel::Point_2;
using Polygon2 = CGAL::Polygon_2<Kernel>;
using Skeleton = CGAL::Straight_skeleton_2<Kernel>;
using Halfedge = Skeleton::Halfedge_const_handle;
using Vertex = Skeleton::Vertex_const_handle;

// Past this a footprint is not a building outline but a traced area; its skeleton would cost
// seconds. It gets a flat roof and is counted.
constexpr std::size_t kMaxVertices = 2000;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Near-duplicate and collinear points make zero-length skeleton events: drop them.
std::vector<osg::Vec2d> cleaned(const std::vector<osg::Vec2d>& ring, const osg::Vec2d& shift) {
  std::vector<osg::Vec2d> pts;
  for (const auto& p : ring) {
    const osg::Vec2d q = p - shift;
    if (pts.empty() || (q - pts.back()).length2() > 1e-6) pts.push_back(q);
  }
  while (pts.size() > 1 && (pts.front() - pts.back()).length2() <= 1e-6) pts.pop_back();
  for (bool changed = true; changed && pts.size() >= 3;) {
    changed = false;
    for (std::size_t i = 0; i < pts.size() && pts.size() >= 3; ++i) {
      const osg::Vec2d& a = pts[(i + pts.size() - 1) % pts.size()];
      const osg::Vec2d& b = pts[i];
      const osg::Vec2d& c = pts[(i + 1) % pts.size()];
      const osg::Vec2d u = b - a, v = c - b;
      const double cross = u.x() * v.y() - u.y() * v.x();
      if (std::abs(cross) <= 1e-4 * u.length() * v.length()) {  // under ~0.006 degrees off a line
        pts.erase(pts.begin() + static_cast<std::ptrdiff_t>(i));
        changed = true;
      }
    }
  }
  return pts;
}

Polygon2 toPolygon(const std::vector<osg::Vec2d>& pts) {
  Polygon2 poly;
  for (const auto& p : pts) poly.push_back(Point2(p.x(), p.y()));
  return poly;
}

osg::Vec2d at(const Vertex& v) { return {CGAL::to_double(v->point().x()), CGAL::to_double(v->point().y())}; }

double cross(const osg::Vec2d& a, const osg::Vec2d& b) { return a.x() * b.y() - a.y() * b.x(); }

/// One skeleton face: the contour edge a→b it belongs to (interior on its left) and its cycle.
struct FaceRing {
  osg::Vec2d a, b, inward;  // inward: unit normal of a→b pointing into the footprint
  std::vector<Vertex> cycle;
  bool gable = false;
};

/// Where a ridge end was moved to make a gable, with its new height (in skeleton time units).
struct Moved {
  osg::Vec2d p;
  double time = 0;
};

std::optional<FaceRing> faceRing(const Skeleton::Face_const_handle& face) {
  FaceRing ring;
  Halfedge start = face->halfedge(), h = start;
  std::optional<Halfedge> contour;
  do {
    ring.cycle.push_back(h->vertex());
    if (!contour && h->opposite()->is_border()) contour = h;
    h = h->next();
    if (ring.cycle.size() > 100000) return std::nullopt;  // a broken structure: never loop forever
  } while (h != start);
  if (!contour || ring.cycle.size() < 3) return std::nullopt;
  ring.a = at((*contour)->opposite()->vertex());
  ring.b = at((*contour)->vertex());
  osg::Vec2d u = ring.b - ring.a;
  if (u.length2() < 1e-12) return std::nullopt;
  u.normalize();
  ring.inward.set(-u.y(), u.x());
  return ring;
}

/// A triangle face whose apex sits over the middle of its edge at half the edge's length is the
/// end of a ridge between two near-parallel walls: the place for a gable.
std::optional<Moved> gableEnd(const FaceRing& f) {
  if (f.cycle.size() != 3) return std::nullopt;
  Vertex apex;
  int skeletonCount = 0;
  for (const Vertex& v : f.cycle)
    if (v->is_skeleton()) apex = v, ++skeletonCount;
  if (skeletonCount != 1) return std::nullopt;
  const osg::Vec2d edge = f.b - f.a;
  const double length = edge.length();
  const osg::Vec2d v = at(apex);
  const double along = ((v - f.a) * edge) / (length * length);
  const double height = (v - f.a) * f.inward;
  if (std::abs(along - 0.5) > 0.1 || std::abs(height / length - 0.5) > 0.15) return std::nullopt;
  // The ridge: the apex's one neighbour inside the skeleton.
  std::optional<Vertex> ridge;
  int contourNeighbours = 0;
  auto h = apex->halfedge_around_vertex_begin(), end = h;
  do {
    Vertex n = (*h)->opposite()->vertex();
    if (n->is_skeleton()) {
      if (ridge) return std::nullopt;  // more than one: a junction, not a ridge end
      ridge = n;
    } else {
      ++contourNeighbours;
    }
  } while (++h != end);
  if (!ridge || contourNeighbours != 2) return std::nullopt;
  const osg::Vec2d w = at(*ridge);
  const osg::Vec2d d = v - w;
  const double towardsEdge = d * f.inward;
  if (d.length2() < 1e-10 || towardsEdge >= -1e-9) return std::nullopt;
  const double s = -((v - f.a) * f.inward) / towardsEdge;  // v + s d lies on the eaves line
  const osg::Vec2d p = v + d * s;
  const double t = ((p - f.a) * edge) / (length * length);
  if (t < 0.05 || t > 0.95) return std::nullopt;
  const double vt = CGAL::to_double(apex->time()), wt = CGAL::to_double((*ridge)->time());
  return Moved{p, vt + s * (vt - wt)};
}

osg::Vec3f unitNormal(const osg::Vec3f& a, const osg::Vec3f& b, const osg::Vec3f& c) {
  osg::Vec3f n = (b - a) ^ (c - a);
  n.normalize();
  return n;
}

double triangleArea(const osg::Vec3f& a, const osg::Vec3f& b, const osg::Vec3f& c) {
  return 0.5 * ((b - a) ^ (c - a)).length();
}

/// A sloped face: triangulated in plan, lifted onto the plane z = slope * (distance to its edge).
bool addSlopedFace(Roof& roof, const FaceRing& f, const std::unordered_map<int, Moved>& moved, double slope,
                   const osg::Vec2d& shift, Tessellator& tess) {
  std::vector<osg::Vec2d> plan;
  for (const Vertex& v : f.cycle) {
    auto it = moved.find(v->id());
    plan.push_back(it != moved.end() ? it->second.p : at(v));
  }
  Triangulation t;
  if (!tess.triangulate({plan}, t)) return false;
  Roof::Face face;
  const osg::Vec3d n(-slope * f.inward.x(), -slope * f.inward.y(), 1.0);
  face.normal = osg::Vec3f(n / n.length());
  for (std::uint32_t index : t.triangles) {
    const osg::Vec2d& p = t.points[index];
    const double z = std::max(0.0, slope * ((p - f.a) * f.inward));
    face.triangles.emplace_back(static_cast<float>(p.x() + shift.x()), static_cast<float>(p.y() + shift.y()),
                                static_cast<float>(z));
  }
  roof.faces.push_back(std::move(face));
  return true;
}

void addGableFace(Roof& roof, const FaceRing& f, const Moved& apex, double slope, const osg::Vec2d& shift) {
  Roof::Face face;
  face.gable = true;
  const osg::Vec3f a(static_cast<float>(f.a.x() + shift.x()), static_cast<float>(f.a.y() + shift.y()), 0);
  const osg::Vec3f b(static_cast<float>(f.b.x() + shift.x()), static_cast<float>(f.b.y() + shift.y()), 0);
  const osg::Vec3f p(static_cast<float>(apex.p.x() + shift.x()), static_cast<float>(apex.p.y() + shift.y()),
                     static_cast<float>(slope * apex.time));
  face.triangles = {a, p, b};  // seen from outside (-inward) this runs counter-clockwise
  face.normal = osg::Vec3f(static_cast<float>(-f.inward.x()), static_cast<float>(-f.inward.y()), 0);
  if (unitNormal(a, p, b) * face.normal < 0) std::swap(face.triangles[1], face.triangles[2]);
  roof.faces.push_back(std::move(face));
}

std::optional<Roof> skeletonRoof(const std::vector<std::vector<osg::Vec2d>>& rings, bool gabled, double slope,
                                 const osg::Vec2d& shift, Tessellator& tess) {
  Polygon2 outer = toPolygon(rings.front());
  if (!outer.is_simple() || !outer.is_counterclockwise_oriented()) return std::nullopt;
  std::vector<Polygon2> holes;
  for (std::size_t i = 1; i < rings.size(); ++i) {
    Polygon2 hole = toPolygon(rings[i]);
    if (!hole.is_simple() || !hole.is_clockwise_oriented()) return std::nullopt;
    holes.push_back(std::move(hole));
  }
  auto skeleton = CGAL::create_interior_straight_skeleton_2(outer.vertices_begin(), outer.vertices_end(),
                                                            holes.begin(), holes.end(), Kernel());
  if (!skeleton) return std::nullopt;
  std::vector<FaceRing> faces;
  for (auto f = skeleton->faces_begin(); f != skeleton->faces_end(); ++f) {
    auto ring = faceRing(f);
    if (!ring) return std::nullopt;
    for (const Vertex& v : ring->cycle)
      if (v->has_infinite_time() || !std::isfinite(CGAL::to_double(v->time()))) return std::nullopt;
    faces.push_back(std::move(*ring));
  }
  std::unordered_map<int, Moved> moved;
  if (gabled) {
    for (FaceRing& f : faces) {
      auto end = gableEnd(f);
      if (!end) continue;
      for (const Vertex& v : f.cycle)
        if (v->is_skeleton()) moved[v->id()] = *end;
      f.gable = true;
    }
  }
  Roof roof;
  for (const FaceRing& f : faces) {
    if (f.gable) {
      for (const Vertex& v : f.cycle)
        if (v->is_skeleton()) addGableFace(roof, f, moved.at(v->id()), slope, shift);
    } else if (!addSlopedFace(roof, f, moved, slope, shift, tess)) {
      return std::nullopt;
    }
  }
  return roof;
}

/// Convex outline without holes: every edge rises to one apex over the centroid.
std::optional<Roof> pyramidRoof(const std::vector<osg::Vec2d>& ring, double slope, const osg::Vec2d& shift) {
  double area2 = 0;
  osg::Vec2d centroid;
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
    const osg::Vec2d& p = ring[i];
    const osg::Vec2d& q = ring[(i + 1) % n];
    const osg::Vec2d& r = ring[(i + 2) % n];
    if (cross(q - p, r - q) <= 0) return std::nullopt;  // not strictly convex
    const double c = cross(p, q);
    area2 += c;
    centroid += (p + q) * c;
  }
  centroid /= 3 * area2;
  double inset = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
    osg::Vec2d u = ring[(i + 1) % n] - ring[i];
    u.normalize();
    inset = std::min(inset, cross(u, centroid - ring[i]));
  }
  if (!(inset > 0)) return std::nullopt;
  Roof roof;
  const osg::Vec3f apex(static_cast<float>(centroid.x() + shift.x()), static_cast<float>(centroid.y() + shift.y()),
                        static_cast<float>(slope * inset));
  for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
    const osg::Vec3f a(static_cast<float>(ring[i].x() + shift.x()), static_cast<float>(ring[i].y() + shift.y()), 0);
    const osg::Vec2d& q = ring[(i + 1) % n];
    const osg::Vec3f b(static_cast<float>(q.x() + shift.x()), static_cast<float>(q.y() + shift.y()), 0);
    roof.faces.push_back({{a, b, apex}, unitNormal(a, b, apex), false});
  }
  return roof;
}

void measure(Roof& roof) {
  roof.height = 0;
  roof.area = 0;
  for (const auto& face : roof.faces) {
    for (std::size_t i = 0; i + 2 < face.triangles.size(); i += 3) {
      if (!face.gable) roof.area += triangleArea(face.triangles[i], face.triangles[i + 1], face.triangles[i + 2]);
      for (int k = 0; k < 3; ++k) roof.height = std::max(roof.height, static_cast<double>(face.triangles[i + k].z()));
    }
  }
}

}  // namespace

std::optional<RoofShape> roofShapeFromName(const std::string& name) {
  const std::string n = lower(name);
  if (n == "flat") return RoofShape::Flat;
  if (n == "hipped" || n == "half-hipped" || n == "half_hipped" || n == "mansard" || n == "hip") return RoofShape::Hipped;
  if (n == "gabled" || n == "gambrel" || n == "saltbox" || n == "gable") return RoofShape::Gabled;
  if (n == "pyramidal" || n == "dome" || n == "onion" || n == "cone" || n == "round" || n == "pyramid")
    return RoofShape::Pyramidal;
  return std::nullopt;
}

const char* roofShapeName(RoofShape shape) {
  switch (shape) {
    case RoofShape::Hipped: return "hipped";
    case RoofShape::Gabled: return "gabled";
    case RoofShape::Pyramidal: return "pyramidal";
    case RoofShape::Flat: break;
  }
  return "flat";
}

std::optional<Roof> buildRoof(const Rings& rings, RoofShape shape, double slope, Tessellator& tess) {
  if (shape == RoofShape::Flat || rings.empty() || !(slope > 0)) return std::nullopt;
  try {
    std::size_t total = 0;
    osg::Vec2d lo(1e300, 1e300), hi(-1e300, -1e300);
    for (const auto& ring : rings) {
      total += ring.size();
      for (const auto& p : ring) {
        lo.set(std::min(lo.x(), p.x()), std::min(lo.y(), p.y()));
        hi.set(std::max(hi.x(), p.x()), std::max(hi.y(), p.y()));
      }
    }
    if (total > kMaxVertices) return std::nullopt;
    const osg::Vec2d shift = (lo + hi) * 0.5;
    std::vector<std::vector<osg::Vec2d>> local;
    for (const auto& ring : rings) {
      auto c = cleaned(ring, shift);
      if (c.size() < 3) {
        if (local.empty()) return std::nullopt;  // the outline itself collapsed
        continue;                                // a sliver hole: ignore it
      }
      local.push_back(std::move(c));
    }
    std::optional<Roof> roof;
    if (shape == RoofShape::Pyramidal && local.size() == 1) roof = pyramidRoof(local.front(), slope, shift);
    if (!roof) roof = skeletonRoof(local, shape == RoofShape::Gabled, slope, shift, tess);
    if (!roof || roof->faces.empty()) return std::nullopt;
    measure(*roof);
    if (!(roof->height > 0)) return std::nullopt;
    return roof;
  } catch (const std::exception&) {
    return std::nullopt;  // CGAL precondition or construction failure: flat roof, counted
  }
}

void scaleRoofHeight(Roof& roof, double factor) {
  if (!(factor > 0)) return;
  for (auto& face : roof.faces) {
    for (auto& p : face.triangles) p.z() *= static_cast<float>(factor);
    if (!face.gable && face.triangles.size() >= 3)
      face.normal = unitNormal(face.triangles[0], face.triangles[1], face.triangles[2]);
  }
  measure(roof);
}

}  // namespace dothi::render::detail
