#pragma once
/// Snapping for editors: the nearest vertex within the tolerance, else the nearest point on an
/// edge. Coordinates in the project CRS; the tolerance in metres (the GUI converts pixels).
#include <optional>
#include <vector>

#include "dothi/geo/geometry.hpp"

namespace dothi::app {

struct Snap {
  enum class Kind { Vertex, Edge } kind = Kind::Vertex;
  geo::Point point;
};

/// Vertices win over edges (a corner is what the user aims at); null when nothing is near.
std::optional<Snap> snapTo(const geo::Point& p, double tolerance, const std::vector<const geo::Geometry*>& geometries);

}  // namespace dothi::app
