#pragma once
/// Status bar read-out of the point under the mouse: project-CRS easting/northing (the scene
/// point under the cursor, else the ground plane, with the scene origin added back) and WGS 84
/// longitude/latitude through geo::Transformer.
#include <optional>

#include <QObject>
#include <QPoint>
#include <QTimer>

#include "dothi/geo/crs.hpp"

class QLabel;

namespace dothi::app::gui {

class ProjectDocument;
class ViewerWidget;

class CoordinateStatus : public QObject {
  Q_OBJECT

 public:
  /// None of the arguments is owned; all must outlive the controller.
  CoordinateStatus(ProjectDocument& document, ViewerWidget& viewer, QLabel& label,
                   QObject* parent = nullptr);

  /// Updates the label for a widget position of the 3D view.
  void showAt(const QPoint& pos);
  [[nodiscard]] QString text() const;

 private:
  void resetTransformer();

  ProjectDocument& m_document;
  ViewerWidget& m_viewer;
  QLabel& m_label;
  std::optional<geo::Transformer> m_toWgs84;
  QTimer m_throttle;  ///< one intersection per burst of mouse moves
  QPoint m_pending;  ///< project CRS → EPSG:4326 (x = lon, y = lat)
};

}  // namespace dothi::app::gui
