#pragma once
/// Scenarios of the plan in the GUI: a toolbar box to switch between the base plan and named
/// scenarios (the scene is rebuilt from the scenario's copy-on-write rows), and the Scenario
/// menu: new, duplicate, rename, delete, compare, promote to base, edit log. GUI thread only.
#include <QObject>
#include <QString>

class QComboBox;
class QMenu;
class QToolBar;
class QWidget;

namespace dothi::app::gui {

class EditController;
class ErrorReporter;
class ProjectDocument;

class ScenarioController : public QObject {
  Q_OBJECT

 public:
  ScenarioController(ProjectDocument& document, EditController& editor, ErrorReporter& errors, QWidget& window,
                     QObject* parent = nullptr);

  void populate(QMenu& menu, QToolBar& toolbar);
  /// Shows a version of the plan ("" = base); asks about unsaved edits first.
  bool switchTo(const QString& scenario);
  /// Creates a scenario (copy of `from`, "" = base) and switches to it.
  bool create(const QString& name, const QString& from = {});
  [[nodiscard]] QComboBox* box() const { return m_box; }

 private:
  void refresh();
  void compare();
  void showEditLog();
  QString current() const;

  ProjectDocument& m_document;
  EditController& m_editor;
  ErrorReporter& m_errors;
  QWidget& m_window;
  QComboBox* m_box = nullptr;
  bool m_refreshing = false;
};

}  // namespace dothi::app::gui
