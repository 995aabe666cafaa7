// CGAL translation unit #2: the exact overlay behind analysis::overlay(). All ring edges go into
// one Arrangement_2 of segments over the exact kernel (Epeck: intersection points of nearly
// parallel cadastral edges must be constructed exactly, or tiny overlaps and gaps appear and
// vanish with rounding). Each edge carries the owners whose ring it belongs to; overlapping edges
// merge their owner lists, so crossing an edge toggles each owner listed (even-odd rule, which
// also gives a meaning to invalid rings). A breadth-first walk from the unbounded face (covered
// by nobody) then gives every face the exact set of owners covering it.
#include <CGAL/Arr_curve_data_traits_2.h>
#include <CGAL/Arr_extended_dcel.h>
#include <CGAL/Arr_segment_traits_2.h>
#include <CGAL/Arrangement_2.h>
#include <CGAL/Exact_predicates_exact_constructions_kernel.h>

#include <algorithm>
#include <boost/container/small_vector.hpp>
#include <deque>
#include <exception>
#include <tuple>

#include "dothi/geo/analysis/overlay.hpp"

namespace dothi::geo::analysis {

namespace {

using Kernel = CGAL::Exact_predicates_exact_constructions_kernel;
using ExactFT = Kernel::Exact_kernel::FT;
using Owners = std::vector<std::uint32_t>;
/// The owners of one edge: almost always one or two, kept inline (the sweep copies them a lot).
using EdgeOwners = boost::container::small_vector<std::uint32_t, 2>;

/// Overlapping edges keep every owner, repeats included (a repeat toggles twice: no change).
struct MergeOwners {
  EdgeOwners operator()(const EdgeOwners& a, const EdgeOwners& b) const {
    EdgeOwners r = a;
    r.insert(r.end(), b.begin(), b.end());
    return r;
  }
};

using SegmentTraits = CGAL::Arr_segment_traits_2<Kernel>;
using Traits = CGAL::Arr_curve_data_traits_2<SegmentTraits, EdgeOwners, MergeOwners>;
using Dcel = CGAL::Arr_face_extended_dcel<Traits, std::size_t>;
using Arrangement = CGAL::Arrangement_2<Traits, Dcel>;
using Curve = Traits::X_monotone_curve_2;

/// An input edge, endpoints in lexicographic order so that shared edges compare equal.
struct RawEdge {
  double x0, y0, x1, y1;
  std::uint32_t owner;
  [[nodiscard]] auto key() const { return std::tie(x0, y0, x1, y1); }
};

void addRing(const Ring& ring, std::uint32_t owner, std::vector<RawEdge>& edges) {
  std::size_t n = ring.size();
  if (n >= 2 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) --n;  // closing vertex
  if (n < 2) return;
  for (std::size_t i = 0; i < n; ++i) {
    const Point& a = ring[i];
    const Point& b = ring[(i + 1) % n];
    if (a.x == b.x && a.y == b.y) continue;  // duplicate vertex: no edge
    if (std::tie(a.x, a.y) < std::tie(b.x, b.y)) edges.push_back({a.x, a.y, b.x, b.y, owner});
    else edges.push_back({b.x, b.y, a.x, a.y, owner});
  }
}

/// One curve per distinct edge: neighbours digitised on shared vertices give identical edges,
/// merged here (exactly: equal doubles) instead of by the sweep's far costlier overlap handling.
std::vector<Curve> curvesOf(std::vector<RawEdge>& edges) {
  std::sort(edges.begin(), edges.end(), [](const RawEdge& a, const RawEdge& b) {
    return std::tie(a.x0, a.y0, a.x1, a.y1, a.owner) < std::tie(b.x0, b.y0, b.x1, b.y1, b.owner);
  });
  std::vector<Curve> curves;
  curves.reserve(edges.size());
  for (std::size_t i = 0; i < edges.size();) {
    EdgeOwners owners;
    std::size_t j = i;
    for (; j < edges.size() && edges[j].key() == edges[i].key(); ++j) owners.push_back(edges[j].owner);
    const RawEdge& e = edges[i];
    curves.emplace_back(SegmentTraits::X_monotone_curve_2(Kernel::Point_2(e.x0, e.y0), Kernel::Point_2(e.x1, e.y1)),
                        owners);
    i = j;
  }
  return curves;
}

/// Owner of the edges of a cut line: separates faces, covers nothing. (UINT32_MAX is taken:
/// overlay_checks.cpp frames its tiles with it.)
constexpr std::uint32_t kCut = 0xFFFFFFFEu;

/// a XOR toggles: each owner in `toggles` flips membership (a is sorted, result sorted).
Owners toggled(const Owners& a, const EdgeOwners& toggles) {
  Owners r = a;
  for (std::uint32_t o : toggles) {
    if (o == kCut) continue;
    auto it = std::lower_bound(r.begin(), r.end(), o);
    if (it != r.end() && *it == o) r.erase(it);
    else r.insert(it, o);
  }
  return r;
}

Point toPoint(const Kernel::Point_2& p) { return {CGAL::to_double(p.x()), CGAL::to_double(p.y()), 0}; }

/// Exact twice-signed-area contribution of one boundary cycle.
ExactFT cycleCross(Arrangement::Ccb_halfedge_const_circulator start) {
  ExactFT sum = 0;
  auto h = start;
  do {
    const auto& p = CGAL::exact(h->source()->point());
    const auto& q = CGAL::exact(h->target()->point());
    sum += p.x() * q.y() - q.x() * p.y();
  } while (++h != start);
  return sum;
}

Ring cycleRing(Arrangement::Ccb_halfedge_const_circulator start, Owners& boundary, Extent* box) {
  Ring ring;
  auto h = start;
  do {
    ring.push_back(toPoint(h->source()->point()));
    if (box) box->include(ring.back());
    const EdgeOwners& d = h->curve().data();
    boundary.insert(boundary.end(), d.begin(), d.end());
  } while (++h != start);
  ring.push_back(ring.front());
  return ring;
}

OverlayFace describeFace(Arrangement::Face_const_handle f, const Owners& cover, FaceNeed need) {
  OverlayFace face;
  face.owners = cover;
  face.bounded = !f->is_unbounded();
  ExactFT twiceArea = 0;
  for (auto it = f->outer_ccbs_begin(); it != f->outer_ccbs_end(); ++it) {
    Ring r = cycleRing(*it, face.boundaryOwners, &face.box);
    if (need == FaceNeed::Geometry) face.polygon.outer = std::move(r);
    twiceArea += cycleCross(*it);
  }
  for (auto it = f->inner_ccbs_begin(); it != f->inner_ccbs_end(); ++it) {
    Ring r = cycleRing(*it, face.boundaryOwners, nullptr);
    if (need == FaceNeed::Geometry) face.polygon.holes.push_back(std::move(r));
    if (face.bounded) twiceArea += cycleCross(*it);
  }
  std::sort(face.boundaryOwners.begin(), face.boundaryOwners.end());
  face.boundaryOwners.erase(std::unique(face.boundaryOwners.begin(), face.boundaryOwners.end()),
                            face.boundaryOwners.end());
  face.area = face.bounded ? CGAL::to_double(twiceArea) / 2 : 0;
  return face;
}

/// The arrangement of the edges, each face's data its index into `cover` (who covers it).
void buildOverlay(std::vector<RawEdge>& edges, Arrangement& arr, std::vector<Owners>& cover) {
  std::vector<Curve> curves = curvesOf(edges);
  edges = {};
  CGAL::insert(arr, curves.begin(), curves.end());
  curves.clear();
  std::size_t count = 0;
  for (auto f = arr.faces_begin(); f != arr.faces_end(); ++f) f->set_data(count++);
  cover.assign(count, {});
  std::vector<char> seen(count, 0);
  std::deque<Arrangement::Face_const_handle> queue;
  const Arrangement::Face_const_handle outside = arr.unbounded_face();
  seen[outside->data()] = 1;
  queue.push_back(outside);
  auto walk = [&](Arrangement::Face_const_handle f, Arrangement::Ccb_halfedge_const_circulator start) {
    auto h = start;
    do {
      const auto g = h->twin()->face();
      if (!seen[g->data()]) {
        seen[g->data()] = 1;
        cover[g->data()] = toggled(cover[f->data()], h->curve().data());
        queue.push_back(g);
      }
    } while (++h != start);
  };
  while (!queue.empty()) {
    const auto f = queue.front();
    queue.pop_front();
    for (auto it = f->outer_ccbs_begin(); it != f->outer_ccbs_end(); ++it) walk(f, *it);
    for (auto it = f->inner_ccbs_begin(); it != f->inner_ccbs_end(); ++it) walk(f, *it);
  }
}

/// Removes the edges `drop` selects (given the covers of their two sides), merging faces.
void removeEdges(Arrangement& arr, const std::vector<Owners>& cover,
                 const std::function<bool(const Owners&, const Owners&, bool sameFace)>& drop) {
  std::vector<Arrangement::Halfedge_handle> doomed;
  for (auto e = arr.edges_begin(); e != arr.edges_end(); ++e)
    if (drop(cover[e->face()->data()], cover[e->twin()->face()->data()], e->face() == e->twin()->face()))
      doomed.push_back(e);
  for (auto e : doomed) arr.remove_edge(e);
}

std::vector<Polygon> coveredFaces(const Arrangement& arr, const std::vector<Owners>& cover) {
  std::vector<Polygon> out;
  for (auto f = arr.faces_begin(); f != arr.faces_end(); ++f)
    if (!f->is_unbounded() && !cover[f->data()].empty())
      out.push_back(describeFace(f, cover[f->data()], FaceNeed::Geometry).polygon);
  return out;
}

}  // namespace

Result<void> overlay(const std::vector<OverlayInput>& inputs, const FaceNeedFn& need, const FaceSinkFn& sink,
                     const std::atomic<bool>* cancel) {
  try {
    std::vector<RawEdge> edges;
    for (const auto& in : inputs) {
      if (!in.polygon) continue;
      addRing(in.polygon->outer, in.owner, edges);
      for (const auto& h : in.polygon->holes) addRing(h, in.owner, edges);
    }
    Arrangement arr;
    std::vector<Owners> cover;
    buildOverlay(edges, arr, cover);
    if (cancel && cancel->load()) return fail(ErrorCode::Cancelled, "cancelled");
    for (auto f = arr.faces_begin(); f != arr.faces_end(); ++f) {
      const Owners& c = cover[f->data()];
      const FaceNeed n = need(c, !f->is_unbounded());
      if (n == FaceNeed::Skip) continue;
      sink(describeFace(f, c, n));
    }
    return {};
  } catch (const std::exception& e) {
    return fail(ErrorCode::Geometry, std::string("exact overlay failed: ") + e.what());
  }
}

Result<std::vector<Polygon>> splitPolygon(const Polygon& polygon, const std::vector<Point>& line) {
  try {
    std::vector<RawEdge> edges;
    addRing(polygon.outer, 0, edges);
    for (const auto& h : polygon.holes) addRing(h, 0, edges);
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const Point& a = line[i];
      const Point& b = line[i + 1];
      if (a.x == b.x && a.y == b.y) continue;
      if (std::tie(a.x, a.y) < std::tie(b.x, b.y)) edges.push_back({a.x, a.y, b.x, b.y, kCut});
      else edges.push_back({b.x, b.y, a.x, a.y, kCut});
    }
    Arrangement arr;
    std::vector<Owners> cover;
    buildOverlay(edges, arr, cover);
    // Dangling ends of the line inside the polygon cut nothing: drop them.
    removeEdges(arr, cover, [](const Owners&, const Owners&, bool sameFace) { return sameFace; });
    return coveredFaces(arr, cover);
  } catch (const std::exception& e) {
    return fail(ErrorCode::Geometry, std::string("exact split failed: ") + e.what());
  }
}

Result<std::vector<Polygon>> unionPolygons(const std::vector<const Polygon*>& polygons) {
  try {
    std::vector<RawEdge> edges;
    std::uint32_t owner = 0;
    for (const Polygon* p : polygons) {
      addRing(p->outer, owner, edges);
      for (const auto& h : p->holes) addRing(h, owner, edges);
      ++owner;
    }
    Arrangement arr;
    std::vector<Owners> cover;
    buildOverlay(edges, arr, cover);
    removeEdges(arr, cover, [](const Owners& a, const Owners& b, bool) { return !a.empty() && !b.empty(); });
    return coveredFaces(arr, cover);
  } catch (const std::exception& e) {
    return fail(ErrorCode::Geometry, std::string("exact union failed: ") + e.what());
  }
}

}  // namespace dothi::geo::analysis
