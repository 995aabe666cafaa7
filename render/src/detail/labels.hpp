#pragma once
/// Labels from a field (street names, parcel numbers): screen-aligned text of constant pixel
/// size, decluttered each frame (the most important label wins a place on screen; overlapping
/// ones wait until the view gives them room). Never intersected: labels do not hide features
/// from picking.
#include <cstdint>
#include <string>
#include <vector>

#include <osg/Node>
#include <osg/Referenced>
#include <osg/Vec3>

#include "dothi/geo/feature.hpp"

namespace dothi::render::detail {

struct LabelAnchor {
  std::string text;
  osg::Vec3 position;     ///< scene-local, where the label's bottom centre goes
  float priority = 0;     ///< larger wins (area of a polygon, length of a line)
  std::int64_t featureId = 0;
};

/// The screen space labels compete for, shared by every label layer of a scene: cleared at each
/// new frame (or camera), so one layer's labels keep clear of another's.
class LabelSpace : public osg::Referenced {
 public:
  /// Starts a frame for this camera and viewport size if it is not the current one.
  void begin(unsigned frame, const void* camera, int width, int height);
  /// Takes the cells of a rectangle (pixels from the viewport's corner) if all are free.
  bool claim(float x0, float y0, float x1, float y1);

 private:
  static constexpr int kCell = 8;
  unsigned m_frame = ~0u;
  const void* m_camera = nullptr;
  int m_cols = 0, m_rows = 0;
  std::vector<bool> m_taken;
};

/// Duplicates (a street cut into many ways) are thinned to the most important anchor of each
/// name per ~400 m cell before building.
osg::ref_ptr<osg::Node> buildLabelNode(std::vector<LabelAnchor> anchors, geo::LayerKind kind,
                                       osg::ref_ptr<LabelSpace> space);

/// The DejaVu Sans font the labels and the legend use (loaded once; null when missing, then
/// OSG's built-in font is used).
osg::ref_ptr<osg::Referenced> labelFont();

}  // namespace dothi::render::detail
