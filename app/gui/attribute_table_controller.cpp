#include "gui/attribute_table_controller.hpp"

#include <set>

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QPushButton>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

#include "dothi/geo/analysis/feature_query.hpp"
#include "gui/analysis_controller.hpp"
#include "gui/error_reporter.hpp"
#include "gui/identify_controller.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"

namespace dothi::app::gui {

namespace {
constexpr int kMaxRows = 250000;        // beyond this the table shows the first rows only
constexpr int kMaxCompletions = 50000;  // distinct values offered by the search box
constexpr int kFidRole = Qt::UserRole + 1;
}  // namespace

void FeatureFilterProxy::setFids(std::optional<std::set<qint64>> fids) {
  m_fids = std::move(fids);
  invalidateFilter();
}

bool FeatureFilterProxy::filterAcceptsRow(int row, const QModelIndex& parent) const {
  if (m_fids && !m_fids->count(sourceModel()->index(row, 0, parent).data(kFidRole).toLongLong())) return false;
  return QSortFilterProxyModel::filterAcceptsRow(row, parent);
}

AttributeTableController::AttributeTableController(ProjectDocument& document, IdentifyController& identify,
                                                   ViewerWidget& viewer, ErrorReporter& errors, QObject* parent)
    : QObject(parent), m_document(document), m_identify(identify), m_viewer(viewer), m_errors(errors) {
  m_panel = new QWidget;
  m_panel->setObjectName(QStringLiteral("attributeTablePanel"));
  m_layers = new QComboBox;
  m_layers->setObjectName(QStringLiteral("attributeTableLayer"));
  m_search = new QLineEdit;
  m_search->setObjectName(QStringLiteral("attributeSearch"));
  m_search->setPlaceholderText(tr("Search: parcel id or any value…"));
  m_search->setClearButtonEnabled(true);
  m_values = new QStringListModel(this);
  m_completer = new QCompleter(m_values, this);
  m_completer->setCaseSensitivity(Qt::CaseInsensitive);
  m_completer->setFilterMode(Qt::MatchContains);
  m_search->setCompleter(m_completer);
  m_count = new QLabel;
  m_view = new QTableView;
  m_view->setObjectName(QStringLiteral("attributeTable"));
  m_proxy.setSourceModel(&m_model);
  m_proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
  m_proxy.setFilterKeyColumn(-1);  // any column
  m_view->setModel(&m_proxy);
  m_view->setSortingEnabled(true);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::SingleSelection);
  m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_view->verticalHeader()->setVisible(false);
  m_view->horizontalHeader()->setStretchLastSection(true);
  auto* query = new QPushButton(tr("Query…"));
  query->setObjectName(QStringLiteral("attributeQuery"));
  m_clearQuery = new QPushButton(tr("Show all"));
  m_clearQuery->setEnabled(false);
  auto* top = new QHBoxLayout;
  top->addWidget(m_layers);
  top->addWidget(m_search, 1);
  top->addWidget(query);
  top->addWidget(m_clearQuery);
  top->addWidget(m_count);
  connect(query, &QPushButton::clicked, this, &AttributeTableController::chooseQuery);
  connect(m_clearQuery, &QPushButton::clicked, this, &AttributeTableController::clearQuery);
  auto* layout = new QVBoxLayout(m_panel);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addWidget(m_view);

  connect(m_layers, &QComboBox::activated, this, [this] { showLayer(m_layers->currentText()); });
  connect(m_search, &QLineEdit::textChanged, this, [this](const QString& t) {
    m_proxy.setFilterFixedString(t);
    m_count->setText(tr("%1 of %2").arg(m_proxy.rowCount()).arg(m_model.rowCount()));
  });
  connect(m_search, &QLineEdit::returnPressed, this, [this] { applySearch(m_search->text()); });
  connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &AttributeTableController::applySearch);
  connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AttributeTableController::onRowSelected);
  connect(&m_identify, &IdentifyController::selectionChanged, this, &AttributeTableController::onIdentified);
  connect(&m_document, &ProjectDocument::changed, this, &AttributeTableController::refillLayers);
  refillLayers();
}

void AttributeTableController::refillLayers() {
  const QString previous = m_layer;
  m_layers->clear();
  m_model.clear();
  m_values->setStringList({});
  m_layer.clear();
  const geo::Project* project = m_document.project();
  if (!project) return;
  QString preferred;
  for (const auto& l : project->layers()) {
    m_layers->addItem(QString::fromStdString(l.name));
    if (preferred.isEmpty() && l.kind == geo::LayerKind::Parcels) preferred = QString::fromStdString(l.name);
  }
  if (m_layers->findText(previous) >= 0) preferred = previous;
  if (preferred.isEmpty() && m_layers->count() > 0) preferred = m_layers->itemText(0);
  if (!preferred.isEmpty()) showLayer(preferred);
}

bool AttributeTableController::showLayer(const QString& layer) {
  const geo::Project* project = m_document.project();
  if (!project) return false;
  const auto info = project->layer(layer.toStdString());
  if (!info) return false;
  m_layer = layer;
  m_layers->setCurrentText(layer);
  m_proxy.setFids(std::nullopt);
  m_clearQuery->setEnabled(false);
  m_view->setSortingEnabled(false);  // sorting while filling is quadratic
  m_model.clear();
  QStringList headers = {tr("fid")};
  for (const auto& f : info->fields) headers << QString::fromStdString(f.name);
  m_model.setHorizontalHeaderLabels(headers);
  std::set<QString> values;
  int rows = 0;
  auto read = project->forEachFeature(info->name, {}, [&](const geo::Feature& f) {
    QList<QStandardItem*> row;
    auto* fid = new QStandardItem;
    fid->setData(static_cast<qlonglong>(f.id), Qt::DisplayRole);
    fid->setData(static_cast<qlonglong>(f.id), kFidRole);
    row << fid;
    for (std::size_t i = 0; i < info->fields.size(); ++i) {
      auto* item = new QStandardItem;
      const geo::Value v = i < f.attributes.size() ? f.attributes[i] : geo::Value{};
      if (const auto* n = std::get_if<std::int64_t>(&v)) item->setData(static_cast<qlonglong>(*n), Qt::DisplayRole);
      else if (const auto* d = std::get_if<double>(&v)) item->setData(*d, Qt::DisplayRole);
      else if (const auto* s = std::get_if<std::string>(&v)) {
        item->setText(QString::fromStdString(*s));
        if (static_cast<int>(values.size()) < kMaxCompletions && !s->empty()) values.insert(item->text());
      }
      row << item;
    }
    m_model.appendRow(row);
    return ++rows < kMaxRows;
  });
  if (!read) {
    m_errors.report(tr("Attribute table"), read.error());
    return false;
  }
  m_values->setStringList(QStringList(values.begin(), values.end()));
  m_proxy.setFilterFixedString(m_search->text());
  m_view->setSortingEnabled(true);
  m_view->sortByColumn(0, Qt::AscendingOrder);
  m_view->resizeColumnsToContents();
  m_count->setText(tr("%1 of %2").arg(m_proxy.rowCount()).arg(m_model.rowCount()));
  return true;
}

void AttributeTableController::applySearch(const QString& text) {
  m_search->setText(text);
  m_proxy.setFilterFixedString(text);
  if (m_proxy.rowCount() == 1) m_view->selectionModel()->setCurrentIndex(m_proxy.index(0, 0),
                                                                           QItemSelectionModel::ClearAndSelect |
                                                                               QItemSelectionModel::Rows);
}

bool AttributeTableController::selectFeature(std::int64_t fid) {
  for (int r = 0; r < m_proxy.rowCount(); ++r) {
    const QModelIndex index = m_proxy.index(r, 0);
    if (index.data(kFidRole).toLongLong() != fid) continue;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
  }
  return false;
}

void AttributeTableController::onRowSelected() {
  if (m_syncing) return;
  const QModelIndex index = m_view->selectionModel()->currentIndex();
  if (!index.isValid() || m_layer.isEmpty()) return;
  const std::int64_t fid = m_proxy.index(index.row(), 0).data(kFidRole).toLongLong();
  const std::string layer = m_layer.toStdString();
  if (!m_identify.select(layer, fid)) return;
  const geo::Project* project = m_document.project();
  const render::CityScene* scene = m_document.scene();
  if (project && scene)
    if (auto feature = project->feature(layer, fid); feature && *feature) {
      geo::Extent e = geo::extentOf((*feature)->geometry);
      const geo::Point c = e.center();
      const double half = std::max({e.width(), e.height(), 30.0}) * 0.75;
      frameOn(m_viewer, *scene, {c.x - half, c.y - half, c.x + half, c.y + half});
    }
}

/// The ground the view shows, in project CRS (its box); nothing when it shows only sky.
static std::optional<geo::Extent> viewedGround(const ViewerWidget& viewer, const render::CityScene& scene) {
  // Columns of rays from the bottom edge up; where a column meets the sky (an oblique view), the
  // last ground before it is found by bisection: the far ground near the horizon spans many
  // metres per pixel, so a plain grid would miss it.
  constexpr int kColumns = 16, kRows = 16, kBisections = 12;
  geo::Extent e;
  auto include = [&](const std::optional<osg::Vec3d>& p) {
    if (p) e.include(geo::Point{p->x() + scene.origin.x(), p->y() + scene.origin.y()});
    return p.has_value();
  };
  const int w = viewer.width(), h = viewer.height();
  for (int i = 0; i <= kColumns; ++i) {
    const int x = std::min(w - 1, w * i / kColumns);
    int lastGround = -1, firstSky = -1;
    for (int j = kRows; j >= 0; --j) {
      const int y = std::min(h - 1, h * j / kRows);
      if (include(viewer.pointUnder(QPoint(x, y)))) lastGround = y;
      else if (lastGround >= 0) {
        firstSky = y;
        break;
      }
    }
    if (lastGround < 0 || firstSky < 0) continue;
    for (int k = 0; k < kBisections && lastGround - firstSky > 1; ++k) {
      const int y = (lastGround + firstSky) / 2;
      if (include(viewer.pointUnder(QPoint(x, y)))) lastGround = y;
      else firstSky = y;
    }
  }
  if (e.isEmpty()) return std::nullopt;
  return e;
}

bool AttributeTableController::applyQuery(const QString& field, const QString& op, const QString& value,
                                          Spatial spatial, double distance) {
  if (m_layer.isEmpty()) return false;
  geo::analysis::FeatureQuery q;
  q.layer = m_layer.toStdString();
  if (!field.isEmpty()) {
    auto condition = geo::analysis::parseCondition((field + op + value).toStdString());
    if (!condition) {
      m_errors.report(tr("Query"), tr("Cannot read the condition %1 %2 %3.").arg(field, op, value));
      return false;
    }
    condition->value = value.toStdString();  // as typed, even when it holds an operator sign
    q.conditions.push_back(*condition);
  }
  if (spatial == Spatial::InView) {
    const render::CityScene* scene = m_document.scene();
    const auto e = scene ? viewedGround(m_viewer, *scene) : std::nullopt;
    if (!e) {
      m_errors.report(tr("Query"), tr("The view shows no ground to search in."));
      return false;
    }
    q.bbox = *e;
  } else if (spatial != Spatial::Anywhere) {
    if (m_selectedLayer.isEmpty()) {
      m_errors.report(tr("Query"), tr("Select a feature first (click it in the 3D view or in the table)."));
      return false;
    }
    const auto selected = std::make_pair(m_selectedLayer.toStdString(), static_cast<std::int64_t>(m_selectedFid));
    if (spatial == Spatial::SharingSelected) q.intersects = selected;
    else {
      q.near = selected;
      q.distance = distance;
    }
  }
  auto fids = geo::analysis::queryFeatures(m_document.path().toStdString(), q);
  if (!fids) {
    m_errors.report(tr("Query"), fids.error());
    return false;
  }
  m_proxy.setFids(std::set<qint64>(fids->begin(), fids->end()));
  m_clearQuery->setEnabled(true);
  m_count->setText(tr("%1 of %2").arg(m_proxy.rowCount()).arg(m_model.rowCount()));
  return true;
}

void AttributeTableController::clearQuery() {
  m_proxy.setFids(std::nullopt);
  m_clearQuery->setEnabled(false);
  m_count->setText(tr("%1 of %2").arg(m_proxy.rowCount()).arg(m_model.rowCount()));
}

void AttributeTableController::chooseQuery() {
  const geo::Project* project = m_document.project();
  const auto info = project && !m_layer.isEmpty() ? project->layer(m_layer.toStdString()) : std::nullopt;
  if (!info) return;
  QDialog dialog(m_panel);
  dialog.setWindowTitle(tr("Query %1").arg(m_layer));
  auto* field = new QComboBox;
  field->setObjectName(QStringLiteral("queryField"));
  field->addItem(tr("(any value)"), QString());
  for (const auto& f : info->fields) field->addItem(QString::fromStdString(f.name), QString::fromStdString(f.name));
  if (field->count() > 1) field->setCurrentIndex(1);
  auto* op = new QComboBox;
  op->addItems({QStringLiteral("="), QStringLiteral("!="), QStringLiteral("<"), QStringLiteral("<="),
                QStringLiteral(">"), QStringLiteral(">="), QStringLiteral("~")});
  op->setItemData(6, tr("matches a pattern (SQL LIKE: % any text, _ one character)"), Qt::ToolTipRole);
  auto* value = new QLineEdit;
  auto* form = new QFormLayout(&dialog);
  form->addRow(tr("Field"), field);
  form->addRow(tr("Operator"), op);
  form->addRow(tr("Value"), value);
  auto* where = new QComboBox;
  where->setObjectName(QStringLiteral("querySpatial"));
  const QString selected = m_selectedLayer.isEmpty() ? tr("(none selected)") : tr("%1 feature %2").arg(m_selectedLayer).arg(m_selectedFid);
  where->addItem(tr("Anywhere"), static_cast<int>(Spatial::Anywhere));
  where->addItem(tr("Within the current view"), static_cast<int>(Spatial::InView));
  where->addItem(tr("Sharing area with the selected feature (%1)").arg(selected), static_cast<int>(Spatial::SharingSelected));
  where->addItem(tr("Within a distance of the selected feature (%1)").arg(selected), static_cast<int>(Spatial::NearSelected));
  auto* distance = new QDoubleSpinBox;
  distance->setObjectName(QStringLiteral("queryDistance"));
  distance->setRange(0, 100000);
  distance->setDecimals(2);
  distance->setValue(10);
  distance->setSuffix(QStringLiteral(" m"));
  distance->setEnabled(false);
  connect(where, &QComboBox::currentIndexChanged, distance,
          [where, distance] { distance->setEnabled(where->currentData().toInt() == static_cast<int>(Spatial::NearSelected)); });
  form->addRow(tr("Location"), where);
  form->addRow(tr("Distance"), distance);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  form->addRow(buttons);
  if (dialog.exec() != QDialog::Accepted) return;
  applyQuery(field->currentData().toString(), op->currentText(), value->text(),
             static_cast<Spatial>(where->currentData().toInt()), distance->value());
}

void AttributeTableController::onIdentified(const QString& layer, qint64 fid) {
  if (!layer.isEmpty()) {
    m_selectedLayer = layer;
    m_selectedFid = fid;
  }
  if (layer.isEmpty() || layer != m_layer) return;
  m_syncing = true;
  selectFeature(fid);
  m_syncing = false;
}

}  // namespace dothi::app::gui
