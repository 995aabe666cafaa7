#pragma once
/// The layer tree: one row per project layer with a visibility check box and its legend colour.
/// Toggling shows/hides the layer in the scene; double-click or the context menu zooms to it.
#include <QObject>
#include <QString>

class QPoint;
class QTreeWidget;
class QTreeWidgetItem;

namespace dothi::app::gui {

class ProjectDocument;
class ViewerWidget;

class LayerTreeController : public QObject {
  Q_OBJECT

 public:
  /// None of the arguments is owned; all must outlive the controller.
  LayerTreeController(ProjectDocument& document, ViewerWidget& viewer, QTreeWidget& tree,
                      QObject* parent = nullptr);

  /// Frames the layer's extent in the 3D view.
  void zoomToLayer(const QString& layer);

 private:
  void rebuild();
  void onItemChanged(QTreeWidgetItem* item, int column);
  void showContextMenu(const QPoint& pos);
  [[nodiscard]] QTreeWidgetItem* makeItem(const QString& layer) const;

  ProjectDocument& m_document;
  ViewerWidget& m_viewer;
  QTreeWidget& m_tree;
  bool m_rebuilding = false;
};

}  // namespace dothi::app::gui
