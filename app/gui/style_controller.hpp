#pragma once
/// View > Style layer…: a small dialog that colours a layer by a field (categories or graduated
/// classes), labels it and sets its default roof, through app::styleLayer — the same use case as
/// `dothi-cli style`. The style is saved in the project file and the scene rebuilt.
#include <QObject>

class QWidget;

namespace dothi::app::gui {

class ErrorReporter;
class ProjectDocument;

class StyleController : public QObject {
  Q_OBJECT

 public:
  /// None of the arguments is owned; all must outlive the controller.
  StyleController(ProjectDocument& document, ErrorReporter& errors, QWidget* dialogParent, QObject* parent = nullptr);

  /// Asks which layer and field, then styles it. Does nothing without an open project.
  void chooseAndStyle();

 signals:
  /// A style was saved (the document has been reloaded).
  void styled(const QString& layer);

 private:
  ProjectDocument& m_document;
  ErrorReporter& m_errors;
  QWidget* m_parent;
};

}  // namespace dothi::app::gui
