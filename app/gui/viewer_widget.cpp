#include "gui/viewer_widget.hpp"

#include <cmath>

#include <QKeyEvent>
#include <QPainter>
#include <QMouseEvent>
#include <QWheelEvent>

#include <osg/Camera>
#include <osg/Plane>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

#include "dothi/render/snapshot.hpp"
#include "gui/orbit_manipulator.hpp"

namespace dothi::app::gui {
namespace {

constexpr int kClickSlop = 4;             ///< pixels a click may move and still be a click

int osgButton(Qt::MouseButton button) {
  switch (button) {
    case Qt::LeftButton: return 1;
    case Qt::MiddleButton: return 2;
    case Qt::RightButton: return 3;
    default: return 0;
  }
}

int osgKey(const QKeyEvent* event) {
  using K = osgGA::GUIEventAdapter::KeySymbol;
  switch (event->key()) {
    case Qt::Key_Left: return K::KEY_Left;
    case Qt::Key_Right: return K::KEY_Right;
    case Qt::Key_Up: return K::KEY_Up;
    case Qt::Key_Down: return K::KEY_Down;
    case Qt::Key_Home: return K::KEY_Home;
    case Qt::Key_Space: return K::KEY_Space;
    case Qt::Key_Escape: return K::KEY_Escape;
    default: break;
  }
  const QString text = event->text();
  return text.isEmpty() ? 0 : static_cast<int>(text.at(0).unicode());
}

}  // namespace

ViewerWidget::ViewerWidget(QWidget* parent)
    : QOpenGLWidget(parent),
      m_viewer(new osgViewer::Viewer),
      m_manipulator(new OrbitManipulator),
      m_root(new osg::Group),
      m_sceneHolder(new osg::Group),
      m_highlight(new osg::Group),
      m_overlays(new osg::Group),
      m_feedMarkers(new osg::Group) {
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(200, 150);
  m_root->addChild(m_sceneHolder);
  m_root->addChild(m_highlight);
  m_root->addChild(m_overlays);
  m_root->addChild(m_feedMarkers);
  m_window = m_viewer->setUpViewerAsEmbeddedInWindow(0, 0, width(), height());
  m_viewer->setThreadingModel(osgViewer::ViewerBase::SingleThreaded);
  m_viewer->setKeyEventSetsDone(0);  // Escape must not end the viewer
  m_viewer->setQuitEventSetsDone(false);
  m_viewer->setCameraManipulator(m_manipulator.get(), false);
  m_viewer->setSceneData(m_root.get());
  setUpCamera();
  connect(&m_frameTimer, &QTimer::timeout, this, [this] {
    if (m_viewer->checkNeedToDoFrame()) update();
  });
  m_frameTimer.start(16);
}

ViewerWidget::~ViewerWidget() {
  // Let OSG release its GL objects while our context is current.
  makeCurrent();
  m_viewer = nullptr;
  doneCurrent();
}

void ViewerWidget::setUpCamera() {
  osg::Camera* camera = m_viewer->getCamera();
  camera->setClearColor(render::skyColour());  // sky blue, as in snapshots
  camera->setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  camera->setViewport(0, 0, std::max(1, width()), std::max(1, height()));
  camera->setProjectionMatrixAsPerspective(render::kViewFovYDegrees, aspect(), 1.0, 100000.0);
  // Near/far follow the scene's bounds: city extents range from metres to tens of kilometres.
  camera->setComputeNearFarMode(osg::CullSettings::COMPUTE_NEAR_FAR_USING_BOUNDING_VOLUMES);
  camera->setNearFarRatio(1e-4);
}

double ViewerWidget::aspect() const {
  return height() > 0 ? static_cast<double>(width()) / height() : 1.0;
}

void ViewerWidget::initializeGL() {
  m_viewer->realize();
}

void ViewerWidget::resizeGL(int w, int h) {
  if (m_overlay) m_overlay->setGeometry(rect());
  const qreal ratio = devicePixelRatioF();
  const int pw = std::max(1, static_cast<int>(std::lround(w * ratio)));
  const int ph = std::max(1, static_cast<int>(std::lround(h * ratio)));
  m_window->getEventQueue()->windowResize(0, 0, pw, ph);
  m_window->resized(0, 0, pw, ph);
  osg::Camera* camera = m_viewer->getCamera();
  camera->setViewport(0, 0, pw, ph);
  camera->setProjectionMatrixAsPerspective(render::kViewFovYDegrees,
                                           static_cast<double>(pw) / ph, 1.0, 100000.0);
  if (m_framed && m_scene) frame(m_framed->extent, m_framed->home);
}

void ViewerWidget::paintGL() {
  // QOpenGLWidget draws into its own FBO, not into framebuffer 0.
  m_window->setDefaultFboId(defaultFramebufferObject());
  m_viewer->frame();
  if (m_overlay) m_overlay->update();
  ++m_frames;
  emit frameDrawn();
}

void ViewerWidget::setScene(const render::CityScene* scene, bool resetView) {
  m_sceneHolder->removeChildren(0, m_sceneHolder->getNumChildren());
  m_highlight->removeChildren(0, m_highlight->getNumChildren());
  m_scene.reset();
  if (scene) {
    m_scene = *scene;
    if (scene->root) m_sceneHolder->addChild(scene->root.get());
  }
  if (resetView) zoomToAll();
  update();
}

void ViewerWidget::setHighlight(osg::ref_ptr<osg::Node> node) {
  m_highlight->removeChildren(0, m_highlight->getNumChildren());
  if (node) m_highlight->addChild(node.get());
  update();
}

void ViewerWidget::setOverlay(const std::string& key, osg::ref_ptr<osg::Node> node) {
  for (unsigned i = m_overlays->getNumChildren(); i-- > 0;)
    if (m_overlays->getChild(i)->getName() == key) m_overlays->removeChild(i);
  if (node) {
    osg::ref_ptr<osg::Group> named = new osg::Group;  // the caller's node keeps its own name
    named->setName(key);
    named->addChild(node.get());
    m_overlays->addChild(named.get());
  }
  update();
}

bool ViewerWidget::hasOverlay(const std::string& key) const {
  for (unsigned i = 0; i < m_overlays->getNumChildren(); ++i)
    if (m_overlays->getChild(i)->getName() == key) return true;
  return false;
}

void ViewerWidget::zoomToAll() {
  if (!m_scene || m_scene->extent.isEmpty()) {
    m_framed.reset();
    applyCamera({0, -200, 150}, {0, 0, 0}, {0, 0, 1}, true);  // an empty project: look at origin
    return;
  }
  frame(m_scene->extent, true);
}

namespace {
/// A transparent widget over the GL view, painted with QPainter after each frame: Qt composes
/// it over the GL image, so OSG's GL state and QPainter's never meet.
class OverlayWidget : public QWidget {
 public:
  OverlayWidget(QWidget* parent, std::function<void(QPainter&)> painter) : QWidget(parent), m_painter(std::move(painter)) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setAttribute(Qt::WA_TranslucentBackground);
    setObjectName(QStringLiteral("viewerOverlay"));
  }

 protected:
  void paintEvent(QPaintEvent*) override {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    m_painter(painter);
  }

 private:
  std::function<void(QPainter&)> m_painter;
};
}  // namespace

void ViewerWidget::setOverlayPainter(std::function<void(QPainter&)> painter) {
  delete m_overlay;
  m_overlay = nullptr;
  if (painter) {
    m_overlay = new OverlayWidget(this, std::move(painter));
    m_overlay->setGeometry(rect());
    m_overlay->show();
  }
  update();
}

void ViewerWidget::setTopView(bool top) {
  if (top == m_topView) return;
  m_topView = top;
  if (!m_scene) return;
  frame(m_framed ? m_framed->extent : m_scene->extent, m_framed ? m_framed->home : true);
}

osg::Vec3d ViewerWidget::toLocal(const geo::Point& p) const {
  const osg::Vec3d origin = m_scene ? m_scene->origin : osg::Vec3d();
  return {p.x - origin.x(), p.y - origin.y(), p.z - origin.z()};
}

geo::Point ViewerWidget::toProject(const osg::Vec3d& local) const {
  const osg::Vec3d origin = m_scene ? m_scene->origin : osg::Vec3d();
  return {local.x() + origin.x(), local.y() + origin.y(), local.z() + origin.z()};
}

void ViewerWidget::zoomToExtent(const geo::Extent& projectExtent) {
  if (!m_scene || projectExtent.isEmpty()) return;
  frame(projectExtent, false);
}

void ViewerWidget::frame(const geo::Extent& projectExtent, bool asHome) {
  render::CityScene framed = *m_scene;  // shallow: only the extent differs
  framed.extent = projectExtent;
  osg::Vec3d eye, centre, up;
  render::presetCamera(framed, m_topView ? render::ViewPreset::Top : render::ViewPreset::Oblique, aspect(), eye, centre,
                       up);
  applyCamera(eye, centre, up, asHome);
  m_framed = Framing{projectExtent, asHome};
}

void ViewerWidget::applyCamera(const osg::Vec3d& eye, const osg::Vec3d& centre,
                               const osg::Vec3d& up, bool asHome) {
  if (asHome) m_manipulator->setHomePosition(eye, centre, up);
  m_manipulator->setTransformation(eye, centre, up);
  // Also set the camera now, so pick() and project() agree with the view before the next frame.
  m_viewer->getCamera()->setViewMatrixAsLookAt(eye, centre, up);
  update();
}

osg::Vec2d ViewerWidget::toWindow(const QPointF& pos) const {
  const qreal ratio = devicePixelRatioF();
  const osg::Viewport* viewport = m_viewer->getCamera()->getViewport();
  const double h = viewport ? viewport->height() : height() * ratio;
  return {pos.x() * ratio, h - pos.y() * ratio};  // OSG windows count y upwards
}

bool ViewerWidget::rayAt(const QPoint& pos, osg::Vec3d& start, osg::Vec3d& end) const {
  const osg::Camera* camera = m_viewer->getCamera();
  if (!camera->getViewport()) return false;
  osg::Matrixd vpw = camera->getViewMatrix() * camera->getProjectionMatrix() *
                     camera->getViewport()->computeWindowMatrix();
  osg::Matrixd inverse;
  if (!inverse.invert(vpw)) return false;
  const osg::Vec2d w = toWindow(QPointF(pos) + QPointF(0.5, 0.5));
  start = osg::Vec3d(w.x(), w.y(), 0.0) * inverse;
  osg::Vec3d direction = osg::Vec3d(w.x(), w.y(), 1.0) * inverse - start;
  direction.normalize();
  // The projection's far plane may be nearer than the scene: reach well beyond its bounds.
  const double reach = 10.0 * m_root->getBound().radius() + 1e5;
  end = start + direction * reach;
  return true;
}

std::optional<ViewerWidget::Hit> ViewerWidget::pick(const QPoint& pos) const {
  // Intersect the scene only, never the highlight (its surfaces belong to no layer).
  return intersect(*m_sceneHolder, pos);
}

std::optional<ViewerWidget::Hit> ViewerWidget::pickFeedMarker(const QPoint& pos) const {
  return intersect(*m_feedMarkers, pos);
}

void ViewerWidget::setFeedMarkers(osg::ref_ptr<osg::Node> node) {
  m_feedMarkers->removeChildren(0, m_feedMarkers->getNumChildren());
  if (node) m_feedMarkers->addChild(node.get());
  update();
}

std::optional<osg::Vec3d> ViewerWidget::sceneOrigin() const {
  if (!m_scene) return std::nullopt;
  return m_scene->origin;
}

std::optional<ViewerWidget::Hit> ViewerWidget::intersect(osg::Node& node, const QPoint& pos) const {
  osg::Vec3d start, end;
  if (!rayAt(pos, start, end)) return std::nullopt;
  osg::ref_ptr<osgUtil::LineSegmentIntersector> intersector =
      new osgUtil::LineSegmentIntersector(osgUtil::Intersector::MODEL, start, end);
  osgUtil::IntersectionVisitor visitor(intersector.get());
  node.accept(visitor);
  if (!intersector->containsIntersections()) return std::nullopt;
  const auto& first = intersector->getFirstIntersection();
  return Hit{first.drawable.get(), first.primitiveIndex, first.getWorldIntersectPoint()};
}

std::optional<osg::Vec3d> ViewerWidget::pointUnder(const QPoint& pos) const {
  if (auto hit = pick(pos)) return hit->localPoint;
  osg::Vec3d start, end;
  if (!rayAt(pos, start, end)) return std::nullopt;
  const osg::Vec3d direction = end - start;
  if (std::abs(direction.z()) < 1e-12) return std::nullopt;
  const double t = -start.z() / direction.z();
  if (t <= 0 || t > 1) return std::nullopt;  // the ground is behind the eye or beyond reach
  return start + direction * t;
}

QPointF ViewerWidget::project(const osg::Vec3d& local) const {
  const osg::Camera* camera = m_viewer->getCamera();
  if (!camera->getViewport()) return {};
  const osg::Vec3d w = local * camera->getViewMatrix() * camera->getProjectionMatrix() *
                       camera->getViewport()->computeWindowMatrix();
  const qreal ratio = devicePixelRatioF();
  return {w.x() / ratio, (camera->getViewport()->height() - w.y()) / ratio};
}

void ViewerWidget::setModifiers(Qt::KeyboardModifiers modifiers) {
  unsigned mask = 0;
  if (modifiers & Qt::ShiftModifier) mask |= osgGA::GUIEventAdapter::MODKEY_SHIFT;
  if (modifiers & Qt::ControlModifier) mask |= osgGA::GUIEventAdapter::MODKEY_CTRL;
  if (modifiers & Qt::AltModifier) mask |= osgGA::GUIEventAdapter::MODKEY_ALT;
  m_window->getEventQueue()->getCurrentEventState()->setModKeyMask(mask);
}

void ViewerWidget::mousePressEvent(QMouseEvent* event) {
  setModifiers(event->modifiers());
  const qreal ratio = devicePixelRatioF();
  const QPointF p = event->position() * ratio;
  m_window->getEventQueue()->mouseButtonPress(p.x(), p.y(), osgButton(event->button()));
  if (event->button() == Qt::LeftButton) {
    m_leftDown = true;
    m_dragged = false;
    m_pressPos = event->position().toPoint();
  }
  update();
}

void ViewerWidget::mouseReleaseEvent(QMouseEvent* event) {
  setModifiers(event->modifiers());
  const qreal ratio = devicePixelRatioF();
  const QPointF p = event->position() * ratio;
  m_window->getEventQueue()->mouseButtonRelease(p.x(), p.y(), osgButton(event->button()));
  if (event->button() == Qt::LeftButton) {
    const bool click = m_leftDown && !m_dragged;
    m_leftDown = false;
    if (click) emit clicked(event->position().toPoint());
  }
  update();
}

void ViewerWidget::mouseMoveEvent(QMouseEvent* event) {
  const QPoint pos = event->position().toPoint();
  if (m_leftDown && (pos - m_pressPos).manhattanLength() > kClickSlop) m_dragged = true;
  // Hover moves only update the status bar; OSG needs them (and a frame) only while dragging.
  if (event->buttons() != Qt::NoButton) {
    m_framed.reset();  // the user moves the camera: a resize keeps it where it is
    setModifiers(event->modifiers());
    const QPointF p = event->position() * devicePixelRatioF();
    m_window->getEventQueue()->mouseMotion(p.x(), p.y());
    update();
  }
  emit cursorMoved(pos);
}

void ViewerWidget::mouseDoubleClickEvent(QMouseEvent* event) {
  // Treated as a second press: OSG's manipulators do nothing special with double clicks.
  mousePressEvent(event);
}

void ViewerWidget::wheelEvent(QWheelEvent* event) {
  const int delta = event->angleDelta().y();
  if (delta == 0) return;
  m_framed.reset();
  m_window->getEventQueue()->mouseScroll(delta > 0 ? osgGA::GUIEventAdapter::SCROLL_UP
                                                   : osgGA::GUIEventAdapter::SCROLL_DOWN);
  update();
  emit cursorMoved(event->position().toPoint());
}

void ViewerWidget::keyPressEvent(QKeyEvent* event) {
  m_framed.reset();
  if (const int key = osgKey(event)) m_window->getEventQueue()->keyPress(key);
  update();
}

void ViewerWidget::keyReleaseEvent(QKeyEvent* event) {
  if (event->isAutoRepeat()) return;
  if (const int key = osgKey(event)) m_window->getEventQueue()->keyRelease(key);
  update();
}

void ViewerWidget::leaveEvent(QEvent* event) {
  QOpenGLWidget::leaveEvent(event);
  emit cursorLeft();
}

}  // namespace dothi::app::gui
