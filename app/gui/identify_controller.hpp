#pragma once
/// Click-to-identify: a click in the 3D view picks the feature under the mouse, highlights it and
/// lists its attributes (plus layer, id, kind, area) in a table. A click on nothing clears both.
#include <cstdint>
#include <string>

#include <QObject>
#include <QString>

class QPoint;
class QTableWidget;

namespace dothi::app::gui {

class ErrorReporter;
class ProjectDocument;
class ViewerWidget;

class IdentifyController : public QObject {
  Q_OBJECT

 public:
  /// None of the arguments is owned; all must outlive the controller.
  IdentifyController(ProjectDocument& document, ViewerWidget& viewer, QTableWidget& table,
                     ErrorReporter& errors, QObject* parent = nullptr);

  /// Identifies what lies under a position of the 3D view (widget pixels).
  void identifyAt(const QPoint& pos);
  /// Selects one feature as if it had been clicked; false when it does not exist.
  bool select(const std::string& layer, std::int64_t featureId);
  void clear();

 signals:
  /// A feature was identified (layer, id) or the selection was cleared (empty layer).
  void selectionChanged(const QString& layer, qint64 featureId);

 private:
  void addRow(const QString& name, const QString& value);

  ProjectDocument& m_document;
  ViewerWidget& m_viewer;
  QTableWidget& m_table;
  ErrorReporter& m_errors;
};

}  // namespace dothi::app::gui
