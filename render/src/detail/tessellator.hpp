#pragma once
/// Triangulation of polygons with holes in the xy plane, through the GLU tessellator that OSG
/// ships (osg/GLU): it copes with concave outlines, courtyards, touching and self-intersecting
/// rings (odd winding), which real cadastral and OSM footprints contain.
#include <cstdint>
#include <vector>

#include <osg/Vec2d>

namespace dothi::render::detail {

/// Rings without the closing point: the first is the outer one, the others holes.
using Rings = std::vector<std::vector<osg::Vec2d>>;

struct Triangulation {
  std::vector<osg::Vec2d> points;        ///< ring points in order, then points made at crossings
  std::vector<std::uint32_t> triangles;  ///< counter-clockwise seen from +z, 3 per triangle
};

/// One GLU tessellator object, reused for many polygons (one per thread).
class Tessellator {
 public:
  Tessellator();
  ~Tessellator();
  Tessellator(const Tessellator&) = delete;
  Tessellator& operator=(const Tessellator&) = delete;

  /// Fills `out`; false when GLU reports an error (the polygon then gets no cap).
  bool triangulate(const Rings& rings, Triangulation& out);

 private:
  struct Impl;
  Impl* m_impl;
};

}  // namespace dothi::render::detail
