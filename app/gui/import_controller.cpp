#include "gui/import_controller.hpp"

#include <atomic>
#include <mutex>

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include "dothi/geo/crs.hpp"
#include "gui/error_reporter.hpp"
#include "gui/project_document.hpp"
#include "gui/worker_progress.hpp"

namespace dothi::app::gui {

/// Progress written by the worker, read by a GUI timer (no flood of queued events).
struct ImportController::State {
  std::atomic<bool> cancel{false};
  std::atomic<int> permille{0};
  std::mutex mutex;
  std::string message;
};

namespace {

ImportOutcome runImport(const std::string& projectPath, const ImportOptions& options,
                        const render::SceneOptions& sceneOptions) {
  ImportOutcome outcome{importIntoFile(projectPath, options), std::nullopt};
  if (!outcome.result) return outcome;
  if (options.progress) options.progress(1.0, "Building the 3D scene");
  // A detached subgraph built here; the GUI thread only swaps it in.
  if (auto project = geo::Project::open(projectPath, true)) {
    if (auto scene = render::buildCityScene(**project, sceneOptions)) outcome.scene = *scene;
  }
  return outcome;
}

QString vectorFileFilter() {
  return ImportController::tr("Vector data (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.gml "
                              "*.dxf *.fgb *.tab *.mif *.csv *.osm *.pbf *.dgn);;All files (*)");
}

}  // namespace

ImportController::ImportController(ProjectDocument& document, ErrorReporter& errors,
                                   QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_document(document), m_errors(errors), m_dialogParent(dialogParent) {
  m_pool.setMaxThreadCount(1);
  connect(&m_watcher, &QFutureWatcher<ImportOutcome>::finished, this,
          &ImportController::onWorkerFinished);
  connect(&m_poll, &QTimer::timeout, this, &ImportController::pollProgress);
}

ImportController::~ImportController() {
  if (m_state) {
    m_state->cancel = true;
    // Not waitForFinished(): a worker blocked on a question to this (GUI) thread must get its
    // (empty, cancelled) answer before it can finish.
    while (!m_watcher.isFinished()) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
  }
}

void ImportController::chooseAndImport() {
  if (!m_document.isOpen()) {
    m_errors.report(tr("Import"), tr("Create or open a project first (File > New project…)."));
    return;
  }
  const QString dir = m_lastDir.isEmpty() ? QDir::homePath() : m_lastDir;
  const QString file =
      QFileDialog::getOpenFileName(m_dialogParent, tr("Import vector data"), dir, vectorFileFilter());
  if (file.isEmpty()) return;
  m_lastDir = QFileInfo(file).absolutePath();
  startImport(file);
}

bool ImportController::startImport(const QString& source) {
  if (isRunning() || !m_document.isOpen()) return false;
  auto state = std::make_shared<State>();
  ImportOptions options;
  options.source = source.toStdString();
  options.cancel = &state->cancel;
  options.progress = [state](double fraction, const std::string& message) {
    state->permille = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000);
    const std::lock_guard lock(state->mutex);
    state->message = message;
  };
  // The worker blocks until the GUI thread has asked the user; a cancelled import does not ask.
  options.askCrs = [this, state, source](const std::string& layer) {
    QString answer;
    if (state->cancel) return std::string{};
    QMetaObject::invokeMethod(this, [&] {
      if (!state->cancel) answer = askCrs(source, QString::fromStdString(layer));
    },
                              Qt::BlockingQueuedConnection);
    return answer.trimmed().toStdString();
  };
  m_state = state;
  const std::string project = m_document.path().toStdString();
  const render::SceneOptions sceneOptions = m_document.sceneOptions();
  // `state` rides along so the cancel flag outlives the worker whatever the GUI does.
  m_watcher.setFuture(QtConcurrent::run(&m_pool, [state, options, project, sceneOptions] {
    return runImport(project, options, sceneOptions);
  }));
  showProgress(source);
  return true;
}

QString ImportController::askCrs(const QString& source, const QString& layer) {
  if (m_crsPrompt) return m_crsPrompt(source, layer);
  for (QString initial = QStringLiteral("EPSG:");;) {
    bool ok = false;
    const QString crs = QInputDialog::getText(
        m_dialogParent, tr("Coordinate reference system"),
        tr("%1 (layer %2) does not say which CRS its coordinates are in.\n"
           "Enter it, e.g. EPSG:2100 (Greek Grid), EPSG:9210 (VN-2000 / TM-3 105°45'), EPSG:32648:")
            .arg(QFileInfo(source).fileName(), layer),
        QLineEdit::Normal, initial, &ok);
    if (!ok || crs.trimmed().isEmpty()) return {};
    if (geo::describeCrs(crs.trimmed().toStdString())) return crs;
    QMessageBox::warning(m_dialogParent, tr("Coordinate reference system"),
                         tr("PROJ does not know the CRS '%1'.").arg(crs));
    initial = crs;
  }
}

void ImportController::cancel() {
  if (!m_state) return;
  m_state->cancel = true;
  if (m_progress) m_progress->setLabelText(tr("Cancelling…"));
}

void ImportController::showProgress(const QString& source) {
  m_progress = new QProgressDialog(tr("Importing %1…").arg(QFileInfo(source).fileName()),
                                   tr("Cancel"), 0, 1000, m_dialogParent);
  m_progress->setWindowTitle(tr("Import"));
  m_progress->setWindowModality(Qt::WindowModal);
  m_progress->setAutoClose(false);
  m_progress->setAutoReset(false);
  m_progress->setMinimumDuration(300);
  m_progress->setAttribute(Qt::WA_DeleteOnClose);
  connect(m_progress, &QProgressDialog::canceled, this, &ImportController::cancel);
  m_progress->setValue(0);
  m_poll.start(100);
}

void ImportController::pollProgress() { showWorkerProgress(m_state, m_progress); }

void ImportController::onWorkerFinished() {
  m_poll.stop();
  if (m_progress) {
    m_progress->disconnect(this);  // closing a QProgressDialog emits canceled()
    m_progress->close();
  }
  ImportOutcome outcome = m_watcher.result();
  m_state.reset();
  if (!outcome.result) {
    const geo::Error& error = outcome.result.error();
    if (error.code == geo::ErrorCode::Cancelled) {
      emit finished(false, tr("Import cancelled; the project is unchanged."));
      return;
    }
    m_errors.report(tr("Import failed"), error);
    emit finished(false, QString::fromStdString(error.describe()));
    return;
  }
  const auto layers = outcome.result->layers.size();
  m_document.reload(std::move(outcome.scene));
  emit finished(true, tr("Imported %n layer(s).", nullptr, static_cast<int>(layers)));
}

}  // namespace dothi::app::gui
