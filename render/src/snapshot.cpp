#include "dothi/render/snapshot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <limits>
#include <vector>

#include <osg/ComputeBoundsVisitor>
#include <osg/GLExtensions>
#include <osg/GraphicsContext>
#include <osg/Image>
#include <osgDB/WriteFile>
#include <osgViewer/Viewer>

#include "dothi/render/legend.hpp"

namespace dothi::render {
namespace {

constexpr double kObliqueElevationDegrees = 50.0;
constexpr int kMaxSide = 16384;

// Boxes to frame, in scene-local coordinates: one per tile of every visible layer (drawable
// bounds are cached by OSG, so this is cheap). Tiles follow the data, so an elongated or
// diagonal city is framed by where it is, not by the empty corners of its bounding box.
std::vector<osg::BoundingBox> frameBoxes(const CityScene& scene) {
  std::vector<osg::BoundingBox> boxes;
  for (const auto& [name, layerSwitch] : scene.layerNodes) {
    if (!layerSwitch) continue;
    osg::ComputeBoundsVisitor bounds;
    // Child 0 holds the tiles (child 1, when there is one, the labels: no fixed size).
    for (unsigned i = 0; i < std::min(1u, layerSwitch->getNumChildren()); ++i) {
      auto* content = layerSwitch->getValue(i) ? layerSwitch->getChild(i)->asGroup() : nullptr;
      for (unsigned t = 0; content != nullptr && t < content->getNumChildren(); ++t) {
        bounds.reset();
        content->getChild(t)->accept(bounds);
        if (bounds.getBoundingBox().valid()) boxes.push_back(bounds.getBoundingBox());
      }
    }
  }
  if (boxes.empty() && !scene.extent.isEmpty()) {
    osg::BoundingBox box;
    box.expandBy(scene.extent.minX - scene.origin.x(), scene.extent.minY - scene.origin.y(), 0);
    box.expandBy(scene.extent.maxX - scene.origin.x(), scene.extent.maxY - scene.origin.y(), 0);
    boxes.push_back(box);
  }
  if (boxes.empty()) boxes.emplace_back(-50, -50, 0, 50, 50, 10);
  return boxes;
}

// Interval of (a - t*d) and (a + t*d) over points: the frustum side planes in one direction.
struct Slab {
  double low = -std::numeric_limits<double>::infinity();   // max of a - t*d
  double high = std::numeric_limits<double>::infinity();   // min of a + t*d
  void add(double a, double d, double t) {
    low = std::max(low, a - t * d);
    high = std::min(high, a + t * d);
  }
};

// An X window is only a host for the GL context: drawing goes to an FBO, so the window stays
// small whatever the image size (a pbuffer spams BadMatch on llvmpipe, see STACK.md).
osg::ref_ptr<osg::GraphicsContext> openContext() {
  osg::ref_ptr<osg::GraphicsContext::Traits> traits = new osg::GraphicsContext::Traits;
  traits->readDISPLAY();
  traits->setUndefinedScreenDetailsToDefaultScreen();
  traits->x = 0;
  traits->y = 0;
  traits->width = 64;
  traits->height = 64;
  traits->windowDecoration = false;
  traits->doubleBuffer = true;
  traits->pbuffer = false;
  traits->windowName = "DoThi snapshot";
  osg::ref_ptr<osg::GraphicsContext> gc = osg::GraphicsContext::createGraphicsContext(traits.get());
  if (!gc || !gc->valid()) return nullptr;
  return gc;
}

void setUpCamera(osg::Camera& camera, osg::GraphicsContext* gc, osg::Image* image, const CityScene& scene,
                 const SnapshotOptions& options) {
  camera.setGraphicsContext(gc);
  camera.setViewport(0, 0, options.width, options.height);
  camera.setProjectionResizePolicy(osg::Camera::FIXED);
  camera.setRenderTargetImplementation(osg::Camera::FRAME_BUFFER_OBJECT);
  camera.attach(osg::Camera::COLOR_BUFFER, image, 4, 0);  // 4x MSAA, resolved into the image
  camera.setClearColor(skyColour());
  camera.setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  const double aspect = static_cast<double>(options.width) / options.height;
  osg::Vec3d eye, centre, up;
  snapshotCamera(scene, options, eye, centre, up);
  camera.setProjectionMatrixAsPerspective(kViewFovYDegrees, aspect, 1.0, 1.0e6);
  camera.setViewMatrixAsLookAt(eye, centre, up);
  // A snapshot is one frame: five times the detail an interactive view of the same size keeps.
  camera.setLODScale(0.2f);
}

// Mesa's glXGetProcAddress returns a stub for any name, so OSG believes NV coverage sampling
// exists, calls the no-op stub, and the multisample FBO ends up with empty renderbuffers
// (status 0x8cd6). Forgetting the pointer makes OSG use plain glRenderbufferStorageMultisample.
// The extension table is (re)built on the first makeCurrent, hence the explicit one here.
void disableCoverageSampling(osg::GraphicsContext& gc) {
  if (!gc.makeCurrent()) return;
  if (osg::State* state = gc.getState()) {
    if (auto* extensions = state->get<osg::GLExtensions>()) extensions->glRenderbufferStorageMultisampleCoverageNV = nullptr;
  }
  gc.releaseContext();
}

// One frame without event traversal: window events (a resize of the helper window) would
// otherwise rescale the FBO viewport.
void renderOnce(const CityScene& scene, osg::GraphicsContext* gc, osg::Image* image,
                const SnapshotOptions& options) {
  osg::ref_ptr<osgViewer::Viewer> viewer = new osgViewer::Viewer;
  viewer->setThreadingModel(osgViewer::ViewerBase::SingleThreaded);
  viewer->setLightingMode(osg::View::NO_LIGHT);  // the scene carries its own sun
  viewer->setKeyEventSetsDone(0);
  setUpCamera(*viewer->getCamera(), gc, image, scene, options);
  osg::ref_ptr<osg::Group> root = new osg::Group;
  root->addChild(scene.root.get());
  if (options.legend)
    if (auto legend = buildLegendOverlay(scene, options.width, options.height)) root->addChild(legend.get());
  viewer->setSceneData(root.get());
  viewer->realize();
  disableCoverageSampling(*gc);
  viewer->advance();
  viewer->updateTraversal();
  viewer->renderingTraversals();
  // Closing releases this context's GL objects from the (shared) scene graph, so the next
  // snapshot's context, which may reuse the same context id, does not see stale buffer ids.
  gc->close();
}

}  // namespace

void presetCamera(const CityScene& scene, ViewPreset view, double aspect, osg::Vec3d& eye, osg::Vec3d& centre,
                  osg::Vec3d& up) {
  const double elevation = osg::DegreesToRadians(view == ViewPreset::Top ? 90.0 : kObliqueElevationDegrees);
  // Looking north and down: forward has no east component, so the view comes from the south.
  const osg::Vec3d forward(0, std::cos(elevation), -std::sin(elevation));
  up = osg::Vec3d(0, std::sin(elevation), std::cos(elevation));
  const osg::Vec3d right = forward ^ up;
  const double tanV = std::tan(osg::DegreesToRadians(kViewFovYDegrees) / 2);
  const double tanH = tanV * std::max(aspect, 1e-3);
  // In the camera basis a point (r, u, d) is in view from (cr, cu, cd) when |r - cr| <= tanH
  // (d - cd) and likewise for u: each direction bounds cd, and the tighter one sets the distance.
  std::vector<osg::BoundingBox> boxes = frameBoxes(scene);
  if (view == ViewPreset::Top && !scene.extent.isEmpty()) {
    // A map view shows the whole extent; the oblique one frames the data only, as the empty
    // corners of a diagonal city's bounding box would otherwise shrink it to a strip.
    boxes.emplace_back(scene.extent.minX - scene.origin.x(), scene.extent.minY - scene.origin.y(), 0,
                       scene.extent.maxX - scene.origin.x(), scene.extent.maxY - scene.origin.y(), 0);
  }
  Slab horizontal, vertical;
  for (const osg::BoundingBox& box : boxes) {
    for (unsigned i = 0; i < 8; ++i) {
      const osg::Vec3d p(box.corner(i));
      horizontal.add(p * right, p * forward, tanH);
      vertical.add(p * up, p * forward, tanV);
    }
  }
  const double depthH = (horizontal.high - horizontal.low) / (2 * tanH);
  const double depthV = (vertical.high - vertical.low) / (2 * tanV);
  const double along = std::min(depthH, depthV);
  const double span = std::abs(along) * 0.04 + 1.0;  // a thin margin so edge buildings are not cut
  eye = right * ((horizontal.low + horizontal.high) / 2) + up * ((vertical.low + vertical.high) / 2) +
        forward * (along - span);
  // Aim at the ground point on the view axis (the orbit centre a viewer wants).
  centre = eye + forward * (eye.z() / std::sin(elevation));
}

void snapshotCamera(const CityScene& scene, const SnapshotOptions& options, osg::Vec3d& eye, osg::Vec3d& centre,
                    osg::Vec3d& up) {
  presetCamera(scene, options.view, static_cast<double>(options.width) / options.height, eye, centre, up);
  if (options.lookAt) {
    const double x = options.lookAt->x() - scene.origin.x(), y = options.lookAt->y() - scene.origin.y();
    const osg::Vec3d target(x, y, scene.groundHeight(x, y));
    eye += target - centre;
    centre = target;
  }
  if (options.zoom > 0 && options.zoom != 1.0) eye = centre + (eye - centre) / options.zoom;
}

geo::Result<void> renderSnapshot(const CityScene& scene, const SnapshotOptions& options,
                                 const std::string& pngPath) {
  if (options.width <= 0 || options.height <= 0 || options.width > kMaxSide || options.height > kMaxSide)
    return geo::fail(geo::ErrorCode::InvalidArgument, "snapshot size must be 1 to 16384 pixels per side");
  if (!scene.root) return geo::fail(geo::ErrorCode::InvalidArgument, "the scene has not been built");
  const char* display = std::getenv("DISPLAY");
  if (display == nullptr || *display == '\0')
    return geo::fail(geo::ErrorCode::InvalidArgument,
                     "offscreen rendering needs an X display and DISPLAY is not set (run under xvfb-run)");
  try {
    osg::ref_ptr<osg::GraphicsContext> gc = openContext();
    if (!gc)
      return geo::fail(geo::ErrorCode::Internal, std::string("cannot open an OpenGL context on display ") + display);
    osg::ref_ptr<osg::Image> image = new osg::Image;
    // RGB: translucent layers blend into destination alpha too, which would make an RGBA PNG
    // partly see-through.
    image->allocateImage(options.width, options.height, 1, GL_RGB, GL_UNSIGNED_BYTE);
    image->setInternalTextureFormat(GL_RGB8);
    renderOnce(scene, gc.get(), image.get(), options);
    if (!osgDB::writeImageFile(*image, pngPath))
      return geo::fail(geo::ErrorCode::Io, "cannot write the PNG image", pngPath);
    return {};
  } catch (const std::exception& e) {
    return geo::fail(geo::ErrorCode::Internal, std::string("offscreen rendering failed: ") + e.what());
  }
}

}  // namespace dothi::render
