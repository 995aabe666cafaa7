#pragma once
/// Analysis > Validate layer: asks which parcel layer (id field, boundary layer, tolerances),
/// runs app::validateLayer on a worker thread behind a cancellable progress dialog, lists the
/// findings in a table and, when one is chosen, frames the view on it and draws the problem
/// geometry (the overlap, the gap, the crossing point) as an overlay. Reports can be saved.
#include <memory>
#include <optional>

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include "core/validate_layer.hpp"
#include "dothi/geo/geometry.hpp"
#include "dothi/render/city_scene.hpp"

class QLabel;
class QProgressDialog;
class QTableWidget;
class QWidget;

namespace dothi::app::gui {

class ErrorReporter;
class ProjectDocument;
class ViewerWidget;

/// Frames the 3D view obliquely on an extent (project CRS), however small. Used for findings and
/// table selections. (ViewerWidget::zoomToExtent now frames the scene's data whatever extent it
/// is given, since render::presetCamera frames layer bounds when there are any.)
void frameOn(ViewerWidget& viewer, const render::CityScene& scene, const geo::Extent& extent);

class AnalysisController : public QObject {
  Q_OBJECT

 public:
  /// None of the arguments is owned; all must outlive the controller. `dialogParent` parents
  /// the dialogs. The findings panel is made here and handed to the window with panel().
  AnalysisController(ProjectDocument& document, ViewerWidget& viewer, ErrorReporter& errors,
                     QWidget* dialogParent, QObject* parent = nullptr);
  /// Cancels a running validation and waits for the worker.
  ~AnalysisController() override;

  /// The findings panel (summary line, table, save button); the caller puts it in a dock,
  /// which then owns it.
  [[nodiscard]] QWidget* panel() const { return m_panel; }
  [[nodiscard]] QTableWidget& table() const { return *m_table; }

  /// Asks for the layer and options, then validates.
  void chooseAndValidate();
  /// Starts validating; false when no project is open or a validation runs.
  bool startValidation(const ValidateOptions& options);
  void cancel();
  [[nodiscard]] bool isRunning() const { return m_state != nullptr; }
  /// The last finished validation (findings in table order).
  [[nodiscard]] const std::optional<ValidationResult>& result() const { return m_result; }
  /// Frames the view on finding `row` of the table and draws it; false for a bad row.
  bool showFinding(int row);
  /// Asks for a file and writes the last result as GeoJSON, CSV or HTML.
  void saveReport();

 signals:
  /// A validation ended: ok, or failed/cancelled (`message` says which).
  void finished(bool ok, const QString& message);

 private:
  struct State;
  void showProgress(const QString& layer);
  void pollProgress();
  void onWorkerFinished();
  void fillTable();
  void clear();

  ProjectDocument& m_document;
  ViewerWidget& m_viewer;
  ErrorReporter& m_errors;
  QPointer<QWidget> m_dialogParent;
  QWidget* m_panel = nullptr;  ///< owned by its dock once placed (Qt parent)
  QTableWidget* m_table = nullptr;
  QLabel* m_summary = nullptr;
  QPointer<QProgressDialog> m_progress;
  QThreadPool m_pool;  ///< our own worker thread (see ImportController for why not Qt's pool)
  QFutureWatcher<geo::Result<ValidationResult>> m_watcher;
  QTimer m_poll;
  std::shared_ptr<State> m_state;  ///< shared with the worker; null when idle
  std::optional<ValidationResult> m_result;
};

}  // namespace dothi::app::gui
