#pragma once
/// The 3D view: an osgViewer::Viewer (single-threaded, GraphicsWindowEmbedded) drawing into a
/// QOpenGLWidget. Qt input is forwarded to OSG's event queue; frames are drawn on demand.
/// Scene coordinates are the CityScene's local ones (project CRS minus origin). GUI thread only.
#include <functional>
#include <optional>
#include <string>

#include <QOpenGLWidget>
#include <QPoint>
#include <QPointF>
#include <QTimer>

class QPainter;

#include <osg/Group>
#include <osg/Vec3d>
#include <osg/ref_ptr>
#include <osgViewer/GraphicsWindow>
#include <osgViewer/Viewer>

#include "dothi/geo/geometry.hpp"
#include "dothi/render/city_scene.hpp"

namespace dothi::app::gui {

class OrbitManipulator;

class ViewerWidget : public QOpenGLWidget {
  Q_OBJECT

 public:
  /// What the ray under the mouse met first.
  struct Hit {
    const osg::Drawable* drawable = nullptr;  ///< owned by the scene graph
    unsigned primitiveIndex = 0;
    osg::Vec3d localPoint;  ///< scene-local metres
  };

  explicit ViewerWidget(QWidget* parent = nullptr);
  ~ViewerWidget() override;

  /// Shows a scene (null clears). Keeps OSG references to its nodes, not to `scene` itself.
  /// `resetView` places the camera with render::presetCamera.
  void setScene(const render::CityScene* scene, bool resetView = true);
  /// Replaces the highlight overlay (null clears). It is never hit by pick().
  void setHighlight(osg::ref_ptr<osg::Node> node);
  /// Replaces the overlay named `key` (null removes it): lasting layers of the view owned by a
  /// controller (the diff's changes, the legend), kept across highlights and scenes, never picked.
  void setOverlay(const std::string& key, osg::ref_ptr<osg::Node> node);
  [[nodiscard]] bool hasOverlay(const std::string& key) const;

  /// Draws on top of each frame (edit overlays: vertices, snapping cue), in widget pixels, on a
  /// transparent child widget; grab() (not grabFramebuffer()) shows it. Empty: no overlay.
  void setOverlayPainter(std::function<void(QPainter&)> painter);
  /// Top-down 2D mode: the camera looks straight down (north up) when framing; off: oblique 3D.
  void setTopView(bool top);
  [[nodiscard]] bool isTopView() const { return m_topView; }
  /// Scene-local position of a project-CRS point (the scene's origin subtracted).
  [[nodiscard]] osg::Vec3d toLocal(const geo::Point& projectPoint) const;
  /// Project-CRS point of a scene-local one.
  [[nodiscard]] geo::Point toProject(const osg::Vec3d& local) const;
  /// Replaces the live-feed markers (null clears); pickFeedMarker() hits them, pick() does not.
  void setFeedMarkers(osg::ref_ptr<osg::Node> node);
  /// The first feed-marker surface under a widget position.
  [[nodiscard]] std::optional<Hit> pickFeedMarker(const QPoint& pos) const;
  /// The shown scene's origin (project CRS of scene-local (0,0,0)); null without a scene.
  [[nodiscard]] std::optional<osg::Vec3d> sceneOrigin() const;

  /// Camera on the whole scene (also the manipulator's home).
  void zoomToAll();
  /// Camera on an extent in project-CRS metres.
  void zoomToExtent(const geo::Extent& projectExtent);

  /// The first scene surface under a widget position (logical pixels).
  [[nodiscard]] std::optional<Hit> pick(const QPoint& pos) const;
  /// The scene point under a widget position, else the ground plane (z = 0); scene-local.
  [[nodiscard]] std::optional<osg::Vec3d> pointUnder(const QPoint& pos) const;
  /// Widget position (logical pixels) of a scene-local point, with the camera of the last frame.
  [[nodiscard]] QPointF project(const osg::Vec3d& local) const;

  [[nodiscard]] osgViewer::Viewer* viewer() const { return m_viewer.get(); }
  [[nodiscard]] int framesDrawn() const { return m_frames; }

 signals:
  /// Left button pressed and released without dragging.
  void clicked(const QPoint& pos);
  void cursorMoved(const QPoint& pos);
  void cursorLeft();
  void frameDrawn();

 protected:
  void initializeGL() override;
  void resizeGL(int w, int h) override;
  void paintGL() override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  void setUpCamera();
  void setModifiers(Qt::KeyboardModifiers modifiers);
  [[nodiscard]] osg::Vec2d toWindow(const QPointF& pos) const;
  [[nodiscard]] std::optional<Hit> intersect(osg::Node& node, const QPoint& pos) const;
  [[nodiscard]] bool rayAt(const QPoint& pos, osg::Vec3d& start, osg::Vec3d& end) const;
  void applyCamera(const osg::Vec3d& eye, const osg::Vec3d& centre, const osg::Vec3d& up,
                   bool asHome);
  void frame(const geo::Extent& projectExtent, bool asHome);
  [[nodiscard]] double aspect() const;

  osg::ref_ptr<osgViewer::Viewer> m_viewer;
  osg::ref_ptr<osgViewer::GraphicsWindowEmbedded> m_window;
  osg::ref_ptr<OrbitManipulator> m_manipulator;
  osg::ref_ptr<osg::Group> m_root;       ///< scene + highlight; the viewer's scene data
  osg::ref_ptr<osg::Group> m_sceneHolder;
  osg::ref_ptr<osg::Group> m_highlight;
  osg::ref_ptr<osg::Group> m_overlays;  ///< one named child per setOverlay key
  osg::ref_ptr<osg::Group> m_feedMarkers;  ///< live-feed markers
  std::optional<render::CityScene> m_scene;  ///< shallow copy (OSG refs) for camera presets
  /// The extent the camera was last framed on, while the user has not moved it since: a resize
  /// then frames it again for the new aspect ratio.
  struct Framing {
    geo::Extent extent;  ///< project CRS
    bool home = false;   ///< also the manipulator's home (Zoom to all)
  };
  std::optional<Framing> m_framed;
  QPoint m_pressPos;
  bool m_leftDown = false;
  bool m_dragged = false;
  int m_frames = 0;
  QTimer m_frameTimer;
  QWidget* m_overlay = nullptr;  ///< owned by this widget (Qt parent); see setOverlayPainter
  bool m_topView = false;  ///< polls OSG for frames it asks for (manipulator animation)
};

}  // namespace dothi::app::gui
