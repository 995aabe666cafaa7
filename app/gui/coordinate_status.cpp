#include "gui/coordinate_status.hpp"

#include <QLabel>
#include <QLocale>

#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"

namespace dothi::app::gui {

CoordinateStatus::CoordinateStatus(ProjectDocument& document, ViewerWidget& viewer,
                                   QLabel& label, QObject* parent)
    : QObject(parent), m_document(document), m_viewer(viewer), m_label(label) {
  m_label.setMinimumWidth(420);
  m_label.setTextInteractionFlags(Qt::TextSelectableByMouse);
  connect(&m_document, &ProjectDocument::changed, this, &CoordinateStatus::resetTransformer);
  m_throttle.setSingleShot(true);
  m_throttle.setInterval(30);
  connect(&m_throttle, &QTimer::timeout, this, [this] { showAt(m_pending); });
  connect(&m_viewer, &ViewerWidget::cursorMoved, this, [this](const QPoint& pos) {
    m_pending = pos;
    if (!m_throttle.isActive()) m_throttle.start();
  });
  connect(&m_viewer, &ViewerWidget::cursorLeft, this, [this] {
    m_throttle.stop();
    m_label.clear();
  });
  resetTransformer();
}

void CoordinateStatus::resetTransformer() {
  m_toWgs84.reset();
  m_label.clear();
  const geo::Project* project = m_document.project();
  if (!project || project->crs().empty()) return;
  if (auto transformer = geo::Transformer::create(project->crs(), "EPSG:4326"))
    m_toWgs84 = std::move(*transformer);
}

void CoordinateStatus::showAt(const QPoint& pos) {
  const render::CityScene* scene = m_document.scene();
  const geo::Project* project = m_document.project();
  const auto local = scene ? m_viewer.pointUnder(pos) : std::nullopt;
  if (!local || !project) {
    m_label.clear();
    return;
  }
  const osg::Vec3d world = *local + scene->origin;
  const QLocale c = QLocale::c();
  QString text = tr("E %1  N %2  Z %3 m (%4)")
                     .arg(c.toString(world.x(), 'f', 2), c.toString(world.y(), 'f', 2),
                          c.toString(world.z(), 'f', 1),
                          QString::fromStdString(project->crs()));
  geo::Point p{world.x(), world.y(), world.z()};
  if (m_toWgs84 && m_toWgs84->transform(p)) {
    text += QStringLiteral("   ") + tr("%1° %2, %3° %4 (WGS 84)")
                                         .arg(c.toString(std::abs(p.y), 'f', 6),
                                              p.y >= 0 ? tr("N") : tr("S"),
                                              c.toString(std::abs(p.x), 'f', 6),
                                              p.x >= 0 ? tr("E") : tr("W"));
  }
  m_label.setText(text);
}

QString CoordinateStatus::text() const {
  return m_label.text();
}

}  // namespace dothi::app::gui
