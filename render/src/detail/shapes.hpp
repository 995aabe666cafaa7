#pragma once
/// Turns geo geometry (project CRS, double) into mesh pieces in scene-local float coordinates:
/// extruded buildings, draped fills, outlines, road ribbons, lines and points.
#include <vector>

#include <osg/Vec3d>
#include <osg/Vec4>

#include "detail/mesh_builder.hpp"
#include "detail/tessellator.hpp"
#include "dothi/geo/geometry.hpp"

namespace dothi::render::detail {

/// Rings in local coordinates: duplicates and closing points removed, the outer ring
/// counter-clockwise and holes clockwise (so "outward" is always to the right of an edge).
/// Empty when the outer ring has fewer than 3 distinct points.
Rings localRings(const geo::Polygon& polygon, const osg::Vec3d& origin);
std::vector<osg::Vec2d> localPath(const std::vector<geo::Point>& points, const osg::Vec3d& origin);

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
/// A flat fill at height z.
void addFill(MeshBuilder& mesh, Tessellator& tess, const Rings& rings, float z, const osg::Vec4& colour);
/// Every ring as line segments at height z.
void addOutline(MeshBuilder& mesh, const Rings& rings, float z, const osg::Vec4& colour);
/// A polyline as GL line segments at height z.
void addPolyline(MeshBuilder& mesh, const std::vector<osg::Vec2d>& path, float z, const osg::Vec4& colour);
/// A polyline as a flat ribbon `width` metres wide (mitred joins), visible from far away.
void addRibbon(MeshBuilder& mesh, const std::vector<osg::Vec2d>& path, float width, float z,
               const osg::Vec4& colour);
/// The building's edges (base, top and corners) as lines, for outlines and highlights.
void addExtrusionEdges(MeshBuilder& mesh, const Rings& rings, float z0, float z1, const osg::Vec4& colour);

}  // namespace dothi::render::detail
