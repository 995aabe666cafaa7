#pragma once
/// Orbit camera for the city: left drag orbits, shift+left, middle or right drag pans, the wheel
/// zooms. No throwing (a released drag stops), so frames are drawn only on input.
#include <osgGA/OrbitManipulator>

namespace dothi::app::gui {

class OrbitManipulator : public osgGA::OrbitManipulator {
 public:
  OrbitManipulator();

 protected:
  bool performMovementLeftMouseButton(double eventTimeDelta, double dx, double dy) override;
  bool performMovementRightMouseButton(double eventTimeDelta, double dx, double dy) override;
};

}  // namespace dothi::app::gui
