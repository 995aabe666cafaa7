#pragma once
/// Analysis > Compare cadastre versions: asks for the old and new source and the parcel id field,
/// runs app::diffCadastres on a worker thread behind a cancellable progress dialog, draws every
/// change coloured by its type over the 3D view (with a legend) and lists the changes in a
/// table; choosing one frames the view on it. GUI thread only.
#include <memory>
#include <optional>

#include <QColor>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <osg/Vec4>

#include "core/cadastre_diff.hpp"

class QLabel;
class QProgressDialog;
class QTableWidget;
class QWidget;

namespace dothi::app::gui {

class ErrorReporter;
class LegendController;
class ProjectDocument;
class ViewerWidget;

/// The colour a change type is drawn with (overlay, legend and table agree).
osg::Vec4 changeColour(ChangeType type);
QString changeLabel(ChangeType type);

class DiffController : public QObject {
  Q_OBJECT

 public:
  /// None of the arguments is owned; all must outlive the controller. The changes panel is made
  /// here and handed to the window with panel().
  DiffController(ProjectDocument& document, ViewerWidget& viewer, LegendController& legend, ErrorReporter& errors,
                 QWidget* dialogParent, QObject* parent = nullptr);
  /// Cancels a running diff and waits for the worker.
  ~DiffController() override;

  [[nodiscard]] QWidget* panel() const { return m_panel; }
  [[nodiscard]] QTableWidget& table() const { return *m_table; }

  /// Asks for the versions and the key, then compares.
  void chooseAndCompare();
  /// Starts comparing; false when a diff runs already.
  bool startDiff(const DiffOptions& options);
  void cancel();
  [[nodiscard]] bool isRunning() const { return m_state != nullptr; }
  [[nodiscard]] const std::optional<DiffResult>& result() const { return m_result; }
  /// Frames the view on change `row` of the table and outlines it; false for a bad row.
  bool showChange(int row);
  /// Removes the changes from the view, the legend and the table.
  void clear();

 signals:
  /// A diff ended: ok, or failed/cancelled (`message` says which).
  void finished(bool ok, const QString& message);

 private:
  struct State;
  void pollProgress();
  void onWorkerFinished();
  void fillTable();
  void drawChanges();

  ProjectDocument& m_document;
  ViewerWidget& m_viewer;
  LegendController& m_legend;
  ErrorReporter& m_errors;
  QPointer<QWidget> m_dialogParent;
  QWidget* m_panel = nullptr;  ///< owned by its dock once placed (Qt parent)
  QTableWidget* m_table = nullptr;
  QLabel* m_summary = nullptr;
  QPointer<QProgressDialog> m_progress;
  QThreadPool m_pool;  ///< our own worker thread (see ImportController for why not Qt's pool)
  QFutureWatcher<geo::Result<DiffResult>> m_watcher;
  QTimer m_poll;
  std::shared_ptr<State> m_state;  ///< shared with the worker; null when idle
  std::optional<DiffResult> m_result;
};

}  // namespace dothi::app::gui
