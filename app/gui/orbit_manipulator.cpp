#include "gui/orbit_manipulator.hpp"

#include <osgGA/GUIEventAdapter>

namespace dothi::app::gui {

OrbitManipulator::OrbitManipulator() {
  setAllowThrow(false);
  setVerticalAxisFixed(true);
  // Zoom towards the scene but never through the centre: keep a small minimum distance.
  setMinimumDistance(1.0, false);
  setWheelZoomFactor(0.15);
}

bool OrbitManipulator::performMovementLeftMouseButton(double eventTimeDelta, double dx, double dy) {
  const bool shift = _ga_t0.valid() &&
                     (_ga_t0->getModKeyMask() & osgGA::GUIEventAdapter::MODKEY_SHIFT) != 0;
  if (shift) return performMovementMiddleMouseButton(eventTimeDelta, dx, dy);
  return osgGA::OrbitManipulator::performMovementLeftMouseButton(eventTimeDelta, dx, dy);
}

bool OrbitManipulator::performMovementRightMouseButton(double eventTimeDelta, double dx, double dy) {
  return performMovementMiddleMouseButton(eventTimeDelta, dx, dy);
}

}  // namespace dothi::app::gui
