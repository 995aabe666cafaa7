#pragma once
/// The OpenGL surface format for OSG in a QOpenGLWidget.

namespace dothi::app::gui {

/// Sets QSurfaceFormat's default: no profile (Debian's OSG draws with the fixed-function
/// pipeline, a core context renders blank), depth 24, stencil 8, 4 samples.
/// Call before constructing QApplication.
void setDefaultGlFormat();

}  // namespace dothi::app::gui
