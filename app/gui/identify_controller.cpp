#include "gui/identify_controller.hpp"

#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

#include "dothi/geo/geometry.hpp"
#include "gui/error_reporter.hpp"
#include "gui/labels.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"

namespace dothi::app::gui {

IdentifyController::IdentifyController(ProjectDocument& document, ViewerWidget& viewer,
                                       QTableWidget& table, ErrorReporter& errors,
                                       QObject* parent)
    : QObject(parent), m_document(document), m_viewer(viewer), m_table(table), m_errors(errors) {
  m_table.setColumnCount(2);
  m_table.setHorizontalHeaderLabels({tr("Field"), tr("Value")});
  m_table.horizontalHeader()->setStretchLastSection(true);
  m_table.verticalHeader()->setVisible(false);
  m_table.setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table.setSelectionBehavior(QAbstractItemView::SelectRows);
  connect(&m_viewer, &ViewerWidget::clicked, this, &IdentifyController::identifyAt);
  // A new scene invalidates the highlight and the feature shown.
  connect(&m_document, &ProjectDocument::changed, this, &IdentifyController::clear);
}

void IdentifyController::identifyAt(const QPoint& pos) {
  const render::CityScene* scene = m_document.scene();
  const auto hit = scene ? m_viewer.pick(pos) : std::nullopt;
  const auto picked = hit ? render::pickFeature(*scene, hit->drawable, hit->primitiveIndex,
                                                hit->localPoint)
                          : std::nullopt;
  if (!picked) {
    clear();
    return;
  }
  select(picked->layer, picked->featureId);
}

bool IdentifyController::select(const std::string& layer, std::int64_t featureId) {
  const geo::Project* project = m_document.project();
  const render::CityScene* scene = m_document.scene();
  if (!project || !scene) return false;
  auto feature = project->feature(layer, featureId);
  if (!feature) {
    m_errors.report(tr("Cannot read feature"), feature.error());
    return false;
  }
  const auto info = project->layer(layer);
  if (!*feature || !info) {
    clear();
    return false;
  }
  m_table.setRowCount(0);
  addRow(tr("Layer"), QString::fromStdString(layer));
  addRow(tr("Feature id"), QString::number(featureId));
  addRow(tr("Kind"), layerKindLabel(info->kind));
  const geo::Geometry& geometry = (*feature)->geometry;
  if (geo::dimensionOf(geometry.type) == 2)
    addRow(tr("Area (m²)"), QLocale().toString(geo::area(geometry), 'f', 1));
  for (std::size_t i = 0; i < info->fields.size() && i < (*feature)->attributes.size(); ++i)
    addRow(QString::fromStdString(info->fields[i].name),
           QString::fromStdString(geo::valueToString((*feature)->attributes[i])));
  m_table.resizeColumnToContents(0);
  m_viewer.setHighlight(
      render::buildHighlight(*scene, *project, layer, featureId, m_document.sceneOptions()));
  emit selectionChanged(QString::fromStdString(layer), featureId);
  return true;
}

void IdentifyController::clear() {
  const bool hadSelection = m_table.rowCount() > 0;
  m_table.setRowCount(0);
  m_viewer.setHighlight(nullptr);
  if (hadSelection) emit selectionChanged({}, 0);
}

void IdentifyController::addRow(const QString& name, const QString& value) {
  const int row = m_table.rowCount();
  m_table.insertRow(row);
  m_table.setItem(row, 0, new QTableWidgetItem(name));
  m_table.setItem(row, 1, new QTableWidgetItem(value));
}

}  // namespace dothi::app::gui
