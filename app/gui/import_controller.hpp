#pragma once
/// File > Import: runs app::importIntoFile on a worker thread behind a cancellable progress
/// dialog, then reloads the project with a scene the worker built. The GUI never blocks: the
/// worker uses its own geo::Project on the same file.
#include <functional>
#include <memory>
#include <optional>

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include "core/import_layer.hpp"
#include "dothi/render/city_scene.hpp"

class QProgressDialog;
class QWidget;

namespace dothi::app::gui {

class ErrorReporter;
class ProjectDocument;

/// What the worker hands back to the GUI thread.
struct ImportOutcome {
  geo::Result<ImportResult> result;
  std::optional<render::CityScene> scene;  ///< built from the updated file; empty on failure
};

class ImportController : public QObject {
  Q_OBJECT

 public:
  /// None of the arguments is owned; all must outlive the controller. `dialogParent` parents
  /// the file and progress dialogs.
  ImportController(ProjectDocument& document, ErrorReporter& errors, QWidget* dialogParent,
                   QObject* parent = nullptr);
  /// Cancels a running import and waits for the worker.
  ~ImportController() override;

  /// Asks for a file, then imports it into the open project.
  void chooseAndImport();
  /// Starts importing `source` (kind guessed); false when no project is open or one is running.
  bool startImport(const QString& source);
  /// Asks a running import to stop; the project is left as it was.
  void cancel();
  [[nodiscard]] bool isRunning() const { return m_state != nullptr; }

  /// Asks the user for the CRS of a source that stores none (DGN, CSV); "" = cancel. The
  /// default shows a dialog; tests replace it. Runs on the GUI thread.
  using CrsPrompt = std::function<QString(const QString& source, const QString& layer)>;
  void setCrsPrompt(CrsPrompt prompt) { m_crsPrompt = std::move(prompt); }

 signals:
  /// The import ended: ok, or failed/cancelled (`message` says which).
  void finished(bool ok, const QString& message);

 private:
  struct State;
  void showProgress(const QString& source);
  QString askCrs(const QString& source, const QString& layer);
  void pollProgress();
  void onWorkerFinished();

  ProjectDocument& m_document;
  ErrorReporter& m_errors;
  QPointer<QWidget> m_dialogParent;
  QPointer<QProgressDialog> m_progress;
  /// The import's own thread: not Qt's global pool, which Qt itself uses from the GUI thread
  /// (e.g. threaded image scaling while painting) and which a worker waiting for the GUI thread
  /// (the CRS question) would otherwise starve into a deadlock on a 2-core machine.
  QThreadPool m_pool;
  QFutureWatcher<ImportOutcome> m_watcher;
  QTimer m_poll;
  std::shared_ptr<State> m_state;  ///< shared with the worker; null when idle
  QString m_lastDir;
  CrsPrompt m_crsPrompt;
};

}  // namespace dothi::app::gui
