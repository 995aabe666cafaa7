#include "gui/diff_controller.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "dothi/render/area_overlay.hpp"
#include "gui/analysis_controller.hpp"
#include "gui/error_reporter.hpp"
#include "gui/legend_controller.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"
#include "gui/worker_progress.hpp"

namespace dothi::app::gui {

struct DiffController::State {
  std::atomic<bool> cancel{false};
  std::atomic<int> permille{0};
  std::mutex mutex;
  std::string message;
};

namespace {

constexpr const char* kOverlayKey = "diff";
constexpr const char* kSelectedKey = "diff-selected";
constexpr ChangeType kTypes[] = {ChangeType::Added,    ChangeType::Removed,  ChangeType::Split,
                                 ChangeType::Merged,   ChangeType::Reshaped, ChangeType::Attributes};

QColor qColour(const osg::Vec4& c) { return QColor::fromRgbF(c.r(), c.g(), c.b()); }

/// A path chooser: a line edit with a browse button.
QWidget* sourceField(QLineEdit* edit, QWidget* parent) {
  auto* row = new QWidget;
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* browse = new QToolButton;
  browse->setText(QStringLiteral("…"));
  layout->addWidget(edit, 1);
  layout->addWidget(browse);
  QObject::connect(browse, &QToolButton::clicked, parent, [edit, parent] {
    const QString path = QFileDialog::getOpenFileName(
        parent, DiffController::tr("Cadastre version"), QFileInfo(edit->text()).absolutePath(),
        DiffController::tr("DoThi projects and vector data (*.dothi *.shp *.gpkg *.geojson *.json *.tab *.mif *.dgn "
                           "*.gml *.sqlite);;All files (*)"));
    if (!path.isEmpty()) edit->setText(path);
  });
  return row;
}

/// The compare dialog: old and new source, key field, reshape tolerance.
std::optional<DiffOptions> askOptions(const ProjectDocument& document, QWidget* parent) {
  QDialog dialog(parent);
  dialog.setWindowTitle(DiffController::tr("Compare cadastre versions"));
  auto* oldSource = new QLineEdit(document.path());
  oldSource->setObjectName(QStringLiteral("diffOldSource"));
  auto* newSource = new QLineEdit;
  newSource->setObjectName(QStringLiteral("diffNewSource"));
  auto* key = new QComboBox;
  key->setEditable(true);  // the new source may name fields the open project lacks
  if (const geo::Project* project = document.project())
    for (const auto& l : project->layers())
      if (l.kind == geo::LayerKind::Parcels || geo::dimensionOf(l.geometryType) == 2)
        for (const auto& f : l.fields)
          if (key->findText(QString::fromStdString(f.name)) < 0) key->addItem(QString::fromStdString(f.name));
  auto* tolerance = new QDoubleSpinBox;
  tolerance->setRange(0, 10000);
  tolerance->setDecimals(3);
  tolerance->setValue(DiffOptions{}.reshapeTolerance);
  tolerance->setSuffix(QStringLiteral(" m²"));
  auto* form = new QFormLayout;
  form->addRow(DiffController::tr("Old version"), sourceField(oldSource, &dialog));
  form->addRow(DiffController::tr("New version"), sourceField(newSource, &dialog));
  form->addRow(DiffController::tr("Parcel id field"), key);
  form->addRow(DiffController::tr("Reshaped beyond"), tolerance);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* box = new QVBoxLayout(&dialog);
  box->addLayout(form);
  box->addWidget(buttons);
  dialog.resize(560, dialog.sizeHint().height());
  if (dialog.exec() != QDialog::Accepted) return std::nullopt;
  DiffOptions o;
  o.oldSource = oldSource->text().trimmed().toStdString();
  o.newSource = newSource->text().trimmed().toStdString();
  o.key = key->currentText().trimmed().toStdString();
  o.reshapeTolerance = tolerance->value();
  return o;
}

QString keys(const std::vector<std::optional<std::string>>& ks, const std::vector<std::int64_t>& fids) {
  QStringList out;
  for (std::size_t i = 0; i < ks.size() && i < fids.size(); ++i)
    out << (ks[i] ? QString::fromStdString(*ks[i]) : DiffController::tr("(fid %1)").arg(fids[i]));
  return out.join(QStringLiteral(", "));
}

}  // namespace

osg::Vec4 changeColour(ChangeType type) {
  switch (type) {
    case ChangeType::Added: return {0.10f, 0.80f, 0.20f, 1};
    case ChangeType::Removed: return {0.90f, 0.08f, 0.08f, 1};
    case ChangeType::Split: return {1.00f, 0.55f, 0.00f, 1};
    case ChangeType::Merged: return {0.60f, 0.20f, 0.90f, 1};
    case ChangeType::Reshaped: return {0.05f, 0.40f, 1.00f, 1};
    case ChangeType::Attributes: return {0.00f, 0.85f, 0.85f, 1};
  }
  return {1, 1, 1, 1};
}

QString changeLabel(ChangeType type) {
  switch (type) {
    case ChangeType::Added: return DiffController::tr("added");
    case ChangeType::Removed: return DiffController::tr("removed");
    case ChangeType::Split: return DiffController::tr("split");
    case ChangeType::Merged: return DiffController::tr("merged");
    case ChangeType::Reshaped: return DiffController::tr("reshaped");
    case ChangeType::Attributes: return DiffController::tr("attributes only");
  }
  return {};
}

DiffController::DiffController(ProjectDocument& document, ViewerWidget& viewer, LegendController& legend,
                               ErrorReporter& errors, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_document(document), m_viewer(viewer), m_legend(legend), m_errors(errors),
      m_dialogParent(dialogParent) {
  m_pool.setMaxThreadCount(1);
  m_panel = new QWidget;
  m_panel->setObjectName(QStringLiteral("changesPanel"));
  m_summary = new QLabel(tr("Analysis > Compare cadastre versions lists the changes between two versions here."));
  m_summary->setWordWrap(true);
  m_table = new QTableWidget;
  m_table->setObjectName(QStringLiteral("changesTable"));
  m_table->setColumnCount(5);
  m_table->setHorizontalHeaderLabels({tr("Change"), tr("Old parcels"), tr("New parcels"), tr("Area (m²)"), tr("Details")});
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->verticalHeader()->setVisible(false);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  auto* hide = new QPushButton(tr("Clear"));
  hide->setObjectName(QStringLiteral("clearChanges"));
  auto* top = new QHBoxLayout;
  top->addWidget(m_summary, 1);
  top->addWidget(hide);
  auto* layout = new QVBoxLayout(m_panel);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addWidget(m_table);
  connect(hide, &QPushButton::clicked, this, &DiffController::clear);
  connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showChange(row); });
  connect(&m_watcher, &QFutureWatcher<geo::Result<DiffResult>>::finished, this, &DiffController::onWorkerFinished);
  connect(&m_poll, &QTimer::timeout, this, &DiffController::pollProgress);
  // A new scene has a new origin: draw the changes again in its coordinates.
  connect(&m_document, &ProjectDocument::changed, this, &DiffController::drawChanges);
}

DiffController::~DiffController() {
  if (m_state) {
    m_state->cancel = true;
    m_watcher.waitForFinished();
  }
}

void DiffController::chooseAndCompare() {
  if (!m_document.isOpen()) {
    m_errors.report(tr("Compare cadastre versions"), tr("Create or open a project first (File > New project…)."));
    return;
  }
  if (auto options = askOptions(m_document, m_dialogParent)) startDiff(*options);
}

bool DiffController::startDiff(const DiffOptions& requested) {
  if (isRunning()) return false;
  auto state = std::make_shared<State>();
  DiffOptions options = requested;
  options.cancel = &state->cancel;
  options.progress = [state](double fraction, const std::string& message) {
    state->permille = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000);
    const std::lock_guard lock(state->mutex);
    state->message = message;
  };
  m_state = state;
  // diffCadastres opens its own read-only projects (or imports into a temporary one): no
  // geo::Project is shared with the GUI thread.
  m_watcher.setFuture(QtConcurrent::run(&m_pool, [state, options]() { return diffCadastres(options); }));
  m_progress = new QProgressDialog(tr("Comparing cadastre versions…"), tr("Cancel"), 0, 1000, m_dialogParent);
  m_progress->setWindowTitle(tr("Compare cadastre versions"));
  m_progress->setWindowModality(Qt::WindowModal);
  m_progress->setAutoClose(false);
  m_progress->setAutoReset(false);
  m_progress->setMinimumDuration(300);
  m_progress->setAttribute(Qt::WA_DeleteOnClose);
  connect(m_progress, &QProgressDialog::canceled, this, &DiffController::cancel);
  m_progress->setValue(0);
  m_poll.start(100);
  return true;
}

void DiffController::cancel() {
  if (!m_state) return;
  m_state->cancel = true;
  if (m_progress) m_progress->setLabelText(tr("Cancelling…"));
}

void DiffController::pollProgress() { showWorkerProgress(m_state, m_progress); }

void DiffController::onWorkerFinished() {
  m_poll.stop();
  if (m_progress) {
    m_progress->disconnect(this);  // closing a QProgressDialog emits canceled()
    m_progress->close();
  }
  auto result = m_watcher.result();
  m_state.reset();
  if (!result) {
    if (result.error().code == geo::ErrorCode::Cancelled) {
      emit finished(false, tr("Comparison cancelled."));
      return;
    }
    m_errors.report(tr("Comparison failed"), result.error());
    emit finished(false, QString::fromStdString(result.error().describe()));
    return;
  }
  m_result = std::move(*result);
  fillTable();
  drawChanges();
  emit finished(true, tr("%n change(s) between the versions.", nullptr, static_cast<int>(m_result->changes.size())));
}

void DiffController::fillTable() {
  const QSignalBlocker block(m_table);
  m_table->setRowCount(0);
  if (!m_result) return;
  const QLocale locale;
  m_table->setRowCount(static_cast<int>(m_result->changes.size()));
  for (int row = 0; row < m_table->rowCount(); ++row) {
    const auto& c = m_result->changes[static_cast<std::size_t>(row)];
    QPixmap swatch(12, 12);
    swatch.fill(qColour(changeColour(c.type)));
    auto* type = new QTableWidgetItem(QIcon(swatch), changeLabel(c.type));
    type->setData(Qt::UserRole, static_cast<int>(c.type));
    m_table->setItem(row, 0, type);
    m_table->setItem(row, 1, new QTableWidgetItem(keys(c.oldKeys, c.oldFids)));
    m_table->setItem(row, 2, new QTableWidgetItem(keys(c.newKeys, c.newFids)));
    m_table->setItem(row, 3, new QTableWidgetItem(c.area > 0 ? locale.toString(c.area, 'f', 1) : QString()));
    QStringList details;
    for (const auto& f : c.fields) details << QString::fromStdString(f);
    if (details.isEmpty()) details << QString::fromStdString(c.message);
    m_table->setItem(row, 4, new QTableWidgetItem(details.join(QStringLiteral("; "))));
  }
  m_table->resizeColumnsToContents();
  m_summary->setText(tr("%1 → %2: %n change(s), %3 parcels unchanged (%4 s). Click a change to see it.", nullptr,
                        static_cast<int>(m_result->changes.size()))
                         .arg(QFileInfo(QString::fromStdString(m_result->oldSource)).fileName(),
                              QFileInfo(QString::fromStdString(m_result->newSource)).fileName())
                         .arg(m_result->unchanged)
                         .arg(locale.toString(m_result->seconds, 'f', 2)));
}

void DiffController::drawChanges() {
  m_viewer.setOverlay(kSelectedKey, {});
  const render::CityScene* scene = m_document.scene();
  if (!m_result || !scene) {
    m_viewer.setOverlay(kOverlayKey, {});
    m_legend.setExtraLegend(kOverlayKey, {});
    return;
  }
  std::vector<render::OverlayArea> areas;
  render::Legend legend;
  legend.layer = tr("Cadastre changes").toStdString();
  legend.field = m_result->key;
  for (ChangeType t : kTypes) {
    std::int64_t n = 0;
    for (const auto& c : m_result->changes)
      if (c.type == t) {
        areas.push_back({c.geometry, changeColour(t)});
        ++n;
      }
    legend.entries.push_back({changeLabel(t).toStdString(), changeColour(t), n});
  }
  m_viewer.setOverlay(kOverlayKey, render::buildAreaOverlay(*scene, areas));
  m_legend.setExtraLegend(kOverlayKey, std::move(legend));
}

bool DiffController::showChange(int row) {
  const render::CityScene* scene = m_document.scene();
  if (!m_result || !scene || row < 0 || row >= static_cast<int>(m_result->changes.size())) return false;
  const auto& c = m_result->changes[static_cast<std::size_t>(row)];
  const geo::Extent e = geo::extentOf(c.geometry);
  if (e.isEmpty()) return false;
  const geo::Point centre = e.center();
  const double half = std::max({e.width(), e.height(), 40.0}) * 0.75;
  frameOn(m_viewer, *scene, {centre.x - half, centre.y - half, centre.x + half, centre.y + half});
  // The chosen change outlined boldly in its colour, over the others.
  m_viewer.setOverlay(kSelectedKey, render::buildAreaOverlay(*scene, {{c.geometry, changeColour(c.type)}}, 0.7f, 6.0f));
  return true;
}

void DiffController::clear() {
  m_result.reset();
  const QSignalBlocker block(m_table);
  m_table->setRowCount(0);
  m_summary->setText(tr("Analysis > Compare cadastre versions lists the changes between two versions here."));
  drawChanges();
}

}  // namespace dothi::app::gui
