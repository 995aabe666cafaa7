#include "gui/legend_controller.hpp"

#include <cmath>

#include <QEvent>

#include "dothi/render/legend.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"

namespace dothi::app::gui {

namespace {
constexpr const char* kOverlayKey = "legend";
}

LegendController::LegendController(ProjectDocument& document, ViewerWidget& viewer, QObject* parent)
    : QObject(parent), m_document(document), m_viewer(viewer) {
  connect(&m_document, &ProjectDocument::changed, this, &LegendController::refresh);
  connect(&m_document, &ProjectDocument::layerVisibilityChanged, this, &LegendController::refresh);
  m_viewer.installEventFilter(this);  // the legend is laid out in pixels: rebuild on resize
  refresh();
}

void LegendController::setExtraLegend(const std::string& key, render::Legend legend) {
  if (legend.entries.empty()) m_extra.erase(key);
  else m_extra[key] = std::move(legend);
  refresh();
}

bool LegendController::eventFilter(QObject* watched, QEvent* event) {
  if (watched == &m_viewer && event->type() == QEvent::Resize) refresh();
  return QObject::eventFilter(watched, event);
}

void LegendController::refresh() {
  m_shown.clear();
  render::CityScene legends;  // only what buildLegendOverlay reads: the legends
  if (const render::CityScene* scene = m_document.scene())
    for (const auto& l : scene->legends)
      if (m_document.isLayerVisible(l.layer)) m_shown.push_back(l);
  for (const auto& [key, l] : m_extra) m_shown.push_back(l);
  legends.legends = m_shown;
  const double ratio = m_viewer.devicePixelRatioF();
  const int w = static_cast<int>(std::lround(m_viewer.width() * ratio));
  const int h = static_cast<int>(std::lround(m_viewer.height() * ratio));
  m_viewer.setOverlay(kOverlayKey, render::buildLegendOverlay(legends, w, h));
}

}  // namespace dothi::app::gui
