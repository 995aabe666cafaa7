#pragma once
/// Turns geo geometry (project CRS, double) into mesh pieces in scene-local float coordinates:
/// extruded buildings, draped fills, outlines, road ribbons, lines and points.
#include <vector>

#include <osg/Vec3d>
#include <osg/Vec4>

#include "detail/ground.hpp"
#include "detail/mesh_builder.hpp"
#include "detail/tessellator.hpp"
#include "dothi/geo/geometry.hpp"

namespace dothi::render::detail {

/// Rings in local coordinates: duplicates and closing points removed, the outer ring
/// counter-clockwise and holes clockwise (so "outward" is always to the right of an edge).
/// Empty when the outer ring has fewer than 3 distinct points.
Rings localRings(const geo::Polygon& polygon, const osg::Vec3d& origin);
std::vector<osg::Vec2d> localPath(const std::vector<geo::Point>& points, const osg::Vec3d& origin);

/// Height of draped geometry: `offset` metres above the ground (above z = 0 without terrain).
/// Converts from a plain float, so flat callers pass a height.
struct Elevation {
  Elevation(float offsetMetres) : offset(offsetMetres) {}  // NOLINT: implicit on purpose
  Elevation(const GroundModel* model, float offsetMetres) : ground(model), offset(offsetMetres) {}
  const GroundModel* ground = nullptr;
  float offset = 0;
  [[nodiscard]] bool flat() const { return ground == nullptr || ground->flat(); }
  [[nodiscard]] float at(const osg::Vec2d& p) const { return offset + (flat() ? 0.0f : ground->at(p)); }
};

/// Inserts points so no segment is longer than `step` (the terrain's resolution): draped lines
/// then bend with the ground. A closed ring gets its closing segment densified too.
/// Signed area of a local ring (positive counter-clockwise), m².
double signedArea(const std::vector<osg::Vec2d>& ring);

std::vector<osg::Vec2d> densify(const std::vector<osg::Vec2d>& path, double step, bool closed);

/// Vertices an extrusion of these rings adds (walls and caps), for batch sizing.
std::size_t extrusionVertexCount(const Rings& rings);

struct ExtrusionColours {
  osg::Vec4 wall;
  osg::Vec4 roof;
};

/// Walls (flat-shaded quads with outward normals) and a roof cap from z0 to z1 metres; a
/// bottom cap too when the part floats (z0 > 0).
void addExtrusion(MeshBuilder& mesh, Tessellator& tess, const Rings& rings, float z0, float z1,
                  const ExtrusionColours& colours);
/// Walls (flat-shaded quads, outward normals) of every ring from z0 to z1; `grounded` walls get
/// darker feet.
void addWalls(MeshBuilder& mesh, const Rings& rings, float z0, float z1, const osg::Vec4& colour, bool grounded);
/// A horizontal cap over the rings at z, facing up or down.
void addCap(MeshBuilder& mesh, Tessellator& tess, const Rings& rings, float z, const osg::Vec4& colour, bool facingUp);
/// A fill draped at `z` (flat, or following the terrain: triangles split to the ground's step).
void addFill(MeshBuilder& mesh, Tessellator& tess, const Rings& rings, const Elevation& z, const osg::Vec4& colour);
/// Every ring as line segments at `z` (densified along the terrain when there is one).
void addOutline(MeshBuilder& mesh, const Rings& rings, const Elevation& z, const osg::Vec4& colour);
/// A polyline as GL line segments at `z`.
void addPolyline(MeshBuilder& mesh, const std::vector<osg::Vec2d>& path, const Elevation& z, const osg::Vec4& colour);
/// A polyline as a ribbon `width` metres wide (mitred joins) at `z`, visible from far away.
void addRibbon(MeshBuilder& mesh, const std::vector<osg::Vec2d>& path, float width, const Elevation& z,
               const osg::Vec4& colour);
/// The building's edges (base, top and corners) as lines, for outlines and highlights.
void addExtrusionEdges(MeshBuilder& mesh, const Rings& rings, float z0, float z1, const osg::Vec4& colour);

}  // namespace dothi::render::detail
