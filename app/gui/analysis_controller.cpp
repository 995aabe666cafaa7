#include "gui/analysis_controller.hpp"

#include <atomic>
#include <mutex>

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <osg/BlendFunc>
#include <osg/Geometry>
#include <osg/LineWidth>
#include <osg/Point>
#include <osgGA/StandardManipulator>

#include "dothi/render/snapshot.hpp"

#include "core/validation_report.hpp"
#include "gui/error_reporter.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"
#include "gui/worker_progress.hpp"

namespace dothi::app::gui {

struct AnalysisController::State {
  std::atomic<bool> cancel{false};
  std::atomic<int> permille{0};
  std::mutex mutex;
  std::string message;
};

namespace {

QString findingLabel(geo::analysis::FindingType t) {
  using T = geo::analysis::FindingType;
  switch (t) {
    case T::EmptyGeometry: return AnalysisController::tr("empty geometry");
    case T::RingNotClosed: return AnalysisController::tr("ring not closed");
    case T::DegenerateRing: return AnalysisController::tr("degenerate ring");
    case T::DuplicateVertex: return AnalysisController::tr("duplicate vertex");
    case T::Spike: return AnalysisController::tr("spike");
    case T::SelfIntersection: return AnalysisController::tr("self-intersection");
    case T::HoleOutsideShell: return AnalysisController::tr("hole outside shell");
    case T::WrongOrientation: return AnalysisController::tr("wrong orientation");
    case T::Overlap: return AnalysisController::tr("overlap");
    case T::Gap: return AnalysisController::tr("gap");
    case T::Sliver: return AnalysisController::tr("sliver");
    case T::DuplicateId: return AnalysisController::tr("duplicate id");
    case T::MissingId: return AnalysisController::tr("missing id");
    case T::CrossesBoundary: return AnalysisController::tr("crosses boundary");
  }
  return {};
}

/// The problem geometry as bright lines (every ring, every line) and a pin at its location,
/// drawn over everything, in scene-local coordinates a little above the ground.
osg::ref_ptr<osg::Node> findingOverlay(const render::CityScene& scene, const geo::analysis::Finding& f) {
  osg::ref_ptr<osg::Vec3Array> lines = new osg::Vec3Array;
  auto local = [&](const geo::Point& p, double lift) {
    const double x = p.x - scene.origin.x(), y = p.y - scene.origin.y();
    return osg::Vec3(static_cast<float>(x), static_cast<float>(y), static_cast<float>(scene.groundHeight(x, y) + lift));
  };
  auto addPath = [&](const std::vector<geo::Point>& pts) {
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
      lines->push_back(local(pts[i], 0.4));
      lines->push_back(local(pts[i + 1], 0.4));
    }
  };
  for (const auto& poly : f.geometry.polygons) {
    addPath(poly.outer);
    for (const auto& h : poly.holes) addPath(h);
  }
  for (const auto& l : f.geometry.lines) addPath(l.points);
  lines->push_back(local(f.location, 0));  // the pin
  lines->push_back(local(f.location, 25));
  osg::ref_ptr<osg::Vec3Array> points = new osg::Vec3Array;
  points->push_back(local(f.location, 0.4));
  for (const auto& p : f.geometry.points) points->push_back(local(p, 0.4));

  osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
  geometry->setVertexArray(lines.get());
  osg::ref_ptr<osg::Vec4Array> colour = new osg::Vec4Array;
  colour->push_back({1.0f, 0.15f, 0.55f, 1.0f});
  geometry->setColorArray(colour.get(), osg::Array::BIND_OVERALL);
  geometry->addPrimitiveSet(new osg::DrawArrays(GL_LINES, 0, static_cast<int>(lines->size())));
  osg::ref_ptr<osg::Geometry> dots = new osg::Geometry;
  dots->setVertexArray(points.get());
  dots->setColorArray(colour.get(), osg::Array::BIND_OVERALL);
  dots->addPrimitiveSet(new osg::DrawArrays(GL_POINTS, 0, static_cast<int>(points->size())));

  osg::ref_ptr<osg::Geode> geode = new osg::Geode;
  geode->addDrawable(geometry.get());
  geode->addDrawable(dots.get());
  osg::StateSet* state = geode->getOrCreateStateSet();
  state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
  state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);  // a finding is never hidden
  state->setRenderBinDetails(1000, "RenderBin");
  state->setAttributeAndModes(new osg::LineWidth(3.0f));
  state->setAttributeAndModes(new osg::Point(9.0f));
  return geode;
}

/// The validation options dialog: layer, id field, boundary layer and tolerances.
std::optional<ValidateOptions> askOptions(const geo::Project& project, QWidget* parent) {
  QDialog dialog(parent);
  dialog.setWindowTitle(AnalysisController::tr("Validate layer"));
  auto* form = new QFormLayout;
  auto* layer = new QComboBox;
  auto* idField = new QComboBox;
  auto* against = new QComboBox;
  against->addItem(AnalysisController::tr("(none)"), QString());
  const auto layers = project.layers();
  for (const auto& l : layers) {
    if (geo::dimensionOf(l.geometryType) != 2) continue;
    layer->addItem(QString::fromStdString(l.name), QString::fromStdString(l.name));
    if (l.kind == geo::LayerKind::Parcels && layer->count() > 0) layer->setCurrentIndex(layer->count() - 1);
    against->addItem(QString::fromStdString(l.name), QString::fromStdString(l.name));
  }
  auto fillFields = [&] {
    idField->clear();
    idField->addItem(AnalysisController::tr("fid (no id checks)"), QStringLiteral("fid"));
    for (const auto& l : layers)
      if (l.name == layer->currentData().toString().toStdString())
        for (const auto& f : l.fields) idField->addItem(QString::fromStdString(f.name), QString::fromStdString(f.name));
    if (idField->count() > 1) idField->setCurrentIndex(1);
  };
  QObject::connect(layer, &QComboBox::currentIndexChanged, &dialog, fillFields);
  fillFields();
  auto spin = [](double value, double max, int decimals, const QString& suffix) {
    auto* s = new QDoubleSpinBox;
    s->setRange(0, max);
    s->setDecimals(decimals);
    s->setValue(value);
    s->setSuffix(suffix);
    return s;
  };
  const geo::analysis::TopologyOptions defaults;
  auto* gap = spin(defaults.gapTolerance, 1000, 3, QStringLiteral(" m²"));
  auto* sliver = spin(defaults.sliverWidth, 100, 3, QStringLiteral(" m"));
  auto* noise = spin(defaults.minArea, 100, 4, QStringLiteral(" m²"));
  form->addRow(AnalysisController::tr("Parcel layer"), layer);
  form->addRow(AnalysisController::tr("Parcel id field"), idField);
  form->addRow(AnalysisController::tr("Must not cross"), against);
  form->addRow(AnalysisController::tr("Gaps up to"), gap);
  form->addRow(AnalysisController::tr("Slivers thinner than"), sliver);
  form->addRow(AnalysisController::tr("Ignore overlaps/gaps up to"), noise);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* box = new QVBoxLayout(&dialog);
  box->addLayout(form);
  box->addWidget(buttons);
  if (layer->count() == 0 || dialog.exec() != QDialog::Accepted) return std::nullopt;
  ValidateOptions o;
  o.layer = layer->currentData().toString().toStdString();
  o.idField = idField->currentData().toString().toStdString();
  o.against = against->currentData().toString().toStdString();
  if (o.against == o.layer) o.against.clear();
  o.topology.gapTolerance = gap->value();
  o.topology.sliverWidth = sliver->value();
  o.topology.minArea = noise->value();
  return o;
}

}  // namespace

void frameOn(ViewerWidget& viewer, const render::CityScene& scene, const geo::Extent& extent) {
  if (extent.isEmpty()) return;
  render::CityScene framed = scene;  // shallow (OSG references)
  framed.layerNodes.clear();                   // frame the extent, not the layers' data
  framed.extent = extent;
  osg::Vec3d eye, centre, up;
  const double aspect = viewer.height() > 0 ? static_cast<double>(viewer.width()) / viewer.height() : 1.0;
  render::presetCamera(framed, render::ViewPreset::Oblique, aspect, eye, centre, up);
  if (auto* m = dynamic_cast<osgGA::StandardManipulator*>(viewer.viewer()->getCameraManipulator()))
    m->setTransformation(eye, centre, up);
  viewer.viewer()->getCamera()->setViewMatrixAsLookAt(eye, centre, up);
  viewer.update();
}

AnalysisController::AnalysisController(ProjectDocument& document, ViewerWidget& viewer, ErrorReporter& errors,
                                       QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_document(document), m_viewer(viewer), m_errors(errors), m_dialogParent(dialogParent) {
  m_pool.setMaxThreadCount(1);
  m_panel = new QWidget;
  m_panel->setObjectName(QStringLiteral("findingsPanel"));
  m_summary = new QLabel(tr("Analysis > Validate layer lists the defects of a parcel layer here."));
  m_summary->setWordWrap(true);
  m_table = new QTableWidget;
  m_table->setObjectName(QStringLiteral("findingsTable"));
  m_table->setColumnCount(5);
  m_table->setHorizontalHeaderLabels({tr("Finding"), tr("Parcels"), tr("Area (m²)"), tr("Length (m)"), tr("Details")});
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->verticalHeader()->setVisible(false);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  auto* save = new QPushButton(tr("Save report…"));
  save->setObjectName(QStringLiteral("saveFindings"));
  auto* layout = new QVBoxLayout(m_panel);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* top = new QHBoxLayout;
  top->addWidget(m_summary, 1);
  top->addWidget(save);
  layout->addLayout(top);
  layout->addWidget(m_table);
  connect(save, &QPushButton::clicked, this, &AnalysisController::saveReport);
  connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showFinding(row); });
  connect(&m_watcher, &QFutureWatcher<geo::Result<ValidationResult>>::finished, this,
          &AnalysisController::onWorkerFinished);
  connect(&m_poll, &QTimer::timeout, this, &AnalysisController::pollProgress);
  // Findings belong to the project they were computed on.
  connect(&m_document, &ProjectDocument::changed, this, [this] {
    if (!isRunning()) clear();
  });
}

AnalysisController::~AnalysisController() {
  if (m_state) {
    m_state->cancel = true;
    m_watcher.waitForFinished();
  }
}

void AnalysisController::chooseAndValidate() {
  const geo::Project* project = m_document.project();
  if (!project) {
    m_errors.report(tr("Validate layer"), tr("Create or open a project first (File > New project…)."));
    return;
  }
  if (auto options = askOptions(*project, m_dialogParent)) startValidation(*options);
}

bool AnalysisController::startValidation(const ValidateOptions& requested) {
  if (isRunning() || !m_document.isOpen()) return false;
  auto state = std::make_shared<State>();
  ValidateOptions options = requested;
  options.topology.cancel = &state->cancel;
  options.topology.progress = [state](double fraction, const std::string& message) {
    state->permille = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000);
    const std::lock_guard lock(state->mutex);
    state->message = message;
  };
  m_state = state;
  const std::string path = m_document.path().toStdString();
  // The worker opens its own read-only Project: geo::Project is single-threaded.
  m_watcher.setFuture(QtConcurrent::run(&m_pool, [state, options, path]() -> geo::Result<ValidationResult> {
    auto project = geo::Project::open(path, true);
    if (!project) return std::unexpected(project.error());
    return validateLayer(**project, options);
  }));
  showProgress(QString::fromStdString(options.layer));
  return true;
}

void AnalysisController::cancel() {
  if (!m_state) return;
  m_state->cancel = true;
  if (m_progress) m_progress->setLabelText(tr("Cancelling…"));
}

void AnalysisController::showProgress(const QString& layer) {
  m_progress = new QProgressDialog(tr("Validating %1…").arg(layer), tr("Cancel"), 0, 1000, m_dialogParent);
  m_progress->setWindowTitle(tr("Validate layer"));
  m_progress->setWindowModality(Qt::WindowModal);
  m_progress->setAutoClose(false);
  m_progress->setAutoReset(false);
  m_progress->setMinimumDuration(300);
  m_progress->setAttribute(Qt::WA_DeleteOnClose);
  connect(m_progress, &QProgressDialog::canceled, this, &AnalysisController::cancel);
  m_progress->setValue(0);
  m_poll.start(100);
}

void AnalysisController::pollProgress() { showWorkerProgress(m_state, m_progress); }

void AnalysisController::onWorkerFinished() {
  m_poll.stop();
  if (m_progress) {
    m_progress->disconnect(this);  // closing a QProgressDialog emits canceled()
    m_progress->close();
  }
  auto result = m_watcher.result();
  m_state.reset();
  if (!result) {
    if (result.error().code == geo::ErrorCode::Cancelled) {
      emit finished(false, tr("Validation cancelled."));
      return;
    }
    m_errors.report(tr("Validation failed"), result.error());
    emit finished(false, QString::fromStdString(result.error().describe()));
    return;
  }
  m_result = std::move(*result);
  fillTable();
  emit finished(true, tr("%n finding(s) in %1.", nullptr, static_cast<int>(m_result->report.findings.size()))
                          .arg(QString::fromStdString(m_result->layer)));
}

void AnalysisController::fillTable() {
  const QSignalBlocker block(m_table);
  m_table->setRowCount(0);
  if (!m_result) return;
  const QLocale locale;
  const auto& findings = m_result->report.findings;
  m_table->setRowCount(static_cast<int>(findings.size()));
  for (int row = 0; row < static_cast<int>(findings.size()); ++row) {
    const auto& f = findings[static_cast<std::size_t>(row)];
    QStringList ids;
    for (std::size_t i = 0; i < f.ids.size(); ++i)
      ids << (f.ids[i] ? QString::fromStdString(*f.ids[i]) : tr("(fid %1)").arg(f.fids[i]));
    auto* type = new QTableWidgetItem(findingLabel(f.type));
    type->setData(Qt::UserRole, row);
    m_table->setItem(row, 0, type);
    m_table->setItem(row, 1, new QTableWidgetItem(ids.join(QStringLiteral(", "))));
    m_table->setItem(row, 2, new QTableWidgetItem(f.area > 0 ? locale.toString(f.area, 'g', 4) : QString()));
    m_table->setItem(row, 3, new QTableWidgetItem(f.length > 0 ? locale.toString(f.length, 'g', 4) : QString()));
    m_table->setItem(row, 4, new QTableWidgetItem(QString::fromStdString(f.message)));
  }
  m_table->resizeColumnsToContents();
  int parcels = static_cast<int>(m_result->report.parcels);
  m_summary->setText(tr("%1: %n finding(s) in %2 parcels (%3 s). Click a finding to see it.", nullptr,
                        static_cast<int>(findings.size()))
                         .arg(QString::fromStdString(m_result->layer))
                         .arg(parcels)
                         .arg(locale.toString(m_result->seconds, 'f', 2)));
}

bool AnalysisController::showFinding(int row) {
  const render::CityScene* scene = m_document.scene();
  if (!m_result || !scene || row < 0 || row >= static_cast<int>(m_result->report.findings.size())) return false;
  const auto& f = m_result->report.findings[static_cast<std::size_t>(row)];
  geo::Extent e = geo::extentOf(f.geometry);
  e.include(f.location);
  // At least 40 m across: a vertex or a 2 cm gap is shown with its surroundings.
  const geo::Point c = e.center();
  const double half = std::max({e.width(), e.height(), 40.0}) / 2;
  frameOn(m_viewer, *scene, {c.x - half, c.y - half, c.x + half, c.y + half});
  m_viewer.setHighlight(findingOverlay(*scene, f));
  return true;
}

void AnalysisController::saveReport() {
  if (!m_result) {
    m_errors.report(tr("Save report"), tr("Validate a layer first (Analysis > Validate layer…)."));
    return;
  }
  const QString dir = QFileInfo(m_document.path()).absolutePath();
  const QString path = QFileDialog::getSaveFileName(
      m_dialogParent, tr("Save validation report"), dir + QStringLiteral("/findings.html"),
      tr("HTML report (*.html);;GeoJSON (*.geojson);;CSV (*.csv)"));
  if (path.isEmpty()) return;
  auto written = writeValidationReport(*m_result, path.toStdString(), ReportCrs::Wgs84);
  if (!written) m_errors.report(tr("Save report"), written.error());
}

void AnalysisController::clear() {
  m_result.reset();
  const QSignalBlocker block(m_table);
  m_table->setRowCount(0);
  m_summary->setText(tr("Analysis > Validate layer lists the defects of a parcel layer here."));
}

}  // namespace dothi::app::gui
