#pragma once
/// Pitched roofs over building footprints (hipped, gabled, pyramidal), from CGAL's straight
/// skeleton. CGAL-free: the CGAL code lives only in roof_skeleton.cpp.
#include <optional>
#include <string>
#include <vector>

#include <osg/Vec2d>
#include <osg/Vec3d>
#include <osg/Vec3f>

#include "detail/tessellator.hpp"

namespace dothi::render::detail {

enum class RoofShape { Flat, Hipped, Gabled, Pyramidal };

/// OSM `roof:shape` values (and a few synonyms) to the shapes drawn: hipped, half-hipped and
/// mansard → Hipped; gabled, gambrel, saltbox → Gabled; pyramidal, dome, onion, cone, round →
/// Pyramidal; flat → Flat. Nothing for "" or a shape not drawn (skillion...): the caller decides.
std::optional<RoofShape> roofShapeFromName(const std::string& name);
const char* roofShapeName(RoofShape shape);

/// One roof in metres, x/y in the footprint's coordinates, z above the eaves (0 = eaves).
struct Roof {
  struct Face {
    std::vector<osg::Vec3f> triangles;  ///< 3 points per triangle, counter-clockwise from outside
    osg::Vec3f normal;                  ///< outward, unit
    bool gable = false;                 ///< a vertical gable end (drawn like a wall)
  };
  std::vector<Face> faces;
  double height = 0;  ///< ridge above the eaves
  double area = 0;    ///< sloped roof surface (gable ends excluded), m²
};

/// Builds a roof of `shape` (not Flat) over rings (outer counter-clockwise first, holes
/// clockwise; see localRings) with faces rising at `slope` (tan of the pitch). Gabled: the
/// straight skeleton (a hipped roof) with each end triangle whose corners are near-right angles
/// turned into a vertical gable, its ridge end moved along the ridge onto the eaves line.
/// Pyramidal: one apex at the centroid of a convex outline (else hipped). Nothing when CGAL
/// cannot build the skeleton (self-intersecting rings, holes crossing the outline, too many
/// vertices): the caller then draws a flat roof and counts it. Never throws. Thread-safe with
/// one Tessellator per thread.
std::optional<Roof> buildRoof(const Rings& rings, RoofShape shape, double slope, Tessellator& tess);

/// Scales the roof's heights by `factor` (> 0): a roof:height or a cap instead of the pitch.
void scaleRoofHeight(Roof& roof, double factor);

}  // namespace dothi::render::detail
