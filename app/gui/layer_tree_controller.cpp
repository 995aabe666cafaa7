#include "gui/layer_tree_controller.hpp"

#include <QColor>
#include <QHeaderView>
#include <QIcon>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QTreeWidget>

#include "gui/labels.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"

namespace dothi::app::gui {
namespace {

constexpr int kLayerRole = Qt::UserRole + 1;

QIcon swatch(const osg::Vec4& colour) {
  QPixmap pixmap(16, 16);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setPen(QColor(60, 60, 60));
  painter.setBrush(QColor::fromRgbF(colour.r(), colour.g(), colour.b(), 1.0f));
  painter.drawRect(1, 1, 13, 13);
  return QIcon(pixmap);
}

}  // namespace

LayerTreeController::LayerTreeController(ProjectDocument& document, ViewerWidget& viewer,
                                         QTreeWidget& tree, QObject* parent)
    : QObject(parent), m_document(document), m_viewer(viewer), m_tree(tree) {
  m_tree.setColumnCount(3);
  m_tree.setHeaderLabels({tr("Layer"), tr("Kind"), tr("Features")});
  m_tree.setRootIsDecorated(false);
  m_tree.setContextMenuPolicy(Qt::CustomContextMenu);
  m_tree.header()->setStretchLastSection(false);
  m_tree.header()->setSectionResizeMode(0, QHeaderView::Stretch);
  m_tree.header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  m_tree.header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
  connect(&m_document, &ProjectDocument::changed, this, &LayerTreeController::rebuild);
  connect(&m_tree, &QTreeWidget::itemChanged, this, &LayerTreeController::onItemChanged);
  connect(&m_tree, &QTreeWidget::itemDoubleClicked, this,
          [this](QTreeWidgetItem* item) { zoomToLayer(item->data(0, kLayerRole).toString()); });
  connect(&m_tree, &QTreeWidget::customContextMenuRequested, this,
          &LayerTreeController::showContextMenu);
  rebuild();
}

void LayerTreeController::rebuild() {
  m_rebuilding = true;
  m_tree.clear();
  if (const geo::Project* project = m_document.project()) {
    for (const geo::LayerInfo& info : project->layers())
      m_tree.addTopLevelItem(makeItem(QString::fromStdString(info.name)));
  }
  m_rebuilding = false;
}

QTreeWidgetItem* LayerTreeController::makeItem(const QString& layer) const {
  const std::string name = layer.toStdString();
  const auto info = m_document.project()->layer(name);
  auto* item = new QTreeWidgetItem;
  item->setText(0, layer);
  item->setData(0, kLayerRole, layer);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
  item->setCheckState(0, m_document.isLayerVisible(name) ? Qt::Checked : Qt::Unchecked);
  if (const render::CityScene* scene = m_document.scene()) {
    if (auto it = scene->layerColours.find(name); it != scene->layerColours.end())
      item->setIcon(0, swatch(it->second));
  }
  if (info) {
    item->setText(1, layerKindLabel(info->kind));
    item->setText(2, QLocale().toString(static_cast<qlonglong>(info->featureCount)));
    item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    item->setToolTip(0, tr("%1: %2 features from %3")
                            .arg(layer)
                            .arg(info->featureCount)
                            .arg(QString::fromStdString(info->source)));
  }
  return item;
}

void LayerTreeController::onItemChanged(QTreeWidgetItem* item, int column) {
  if (m_rebuilding || column != 0) return;
  const QString layer = item->data(0, kLayerRole).toString();
  m_document.setLayerVisible(layer.toStdString(), item->checkState(0) == Qt::Checked);
  m_viewer.update();
}

void LayerTreeController::showContextMenu(const QPoint& pos) {
  QTreeWidgetItem* item = m_tree.itemAt(pos);
  if (!item) return;
  const QString layer = item->data(0, kLayerRole).toString();
  QMenu menu(&m_tree);
  menu.addAction(tr("Zoom to layer"), this, [this, layer] { zoomToLayer(layer); });
  const bool visible = item->checkState(0) == Qt::Checked;
  menu.addAction(visible ? tr("Hide layer") : tr("Show layer"), this, [item, visible] {
    item->setCheckState(0, visible ? Qt::Unchecked : Qt::Checked);
  });
  menu.exec(m_tree.viewport()->mapToGlobal(pos));
}

void LayerTreeController::zoomToLayer(const QString& layer) {
  const geo::Project* project = m_document.project();
  if (!project) return;
  if (const auto info = project->layer(layer.toStdString()))
    m_viewer.zoomToExtent(info->extent);
}

}  // namespace dothi::app::gui
