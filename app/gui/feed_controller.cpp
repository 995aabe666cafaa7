#include "gui/feed_controller.hpp"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>
#include <set>

#include "core/feed_record.hpp"
#include "gui/error_reporter.hpp"
#include "gui/history_chart.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"

namespace dothi::app::gui {

namespace {

constexpr std::int64_t kHistoryMs = 24 * 3600 * 1000;  // the chart shows the last day

QString healthText(geo::FeedHealth h) {
  switch (h) {
    case geo::FeedHealth::Connecting: return FeedController::tr("connecting");
    case geo::FeedHealth::Connected: return FeedController::tr("connected");
    case geo::FeedHealth::Stale: return FeedController::tr("stale");
    case geo::FeedHealth::Error: return FeedController::tr("error");
    case geo::FeedHealth::Stopped: return FeedController::tr("stopped");
  }
  return {};
}

QString stamp(std::int64_t ms) {
  return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString swatch(const osg::Vec4& c) {
  return QStringLiteral("<span style='background-color:%1'>&nbsp;&nbsp;&nbsp;&nbsp;</span>")
      .arg(QColor::fromRgbF(c.r(), c.g(), c.b()).name());
}

bool isReport(const geo::Observation& o) { return !o.value && (!o.category.empty() || !o.status.empty()); }

}  // namespace

FeedController::FeedController(ProjectDocument& document, ViewerWidget& viewer, ErrorReporter& errors, QObject* parent)
    : QObject(parent), m_document(document), m_viewer(viewer), m_errors(errors) {
  m_plugins.scan(FeedPluginRegistry::defaultFolders());
  m_panel = buildPanel();
  connect(&m_document, &ProjectDocument::changed, this, &FeedController::onDocumentChanged);
  connect(&m_viewer, &ViewerWidget::clicked, this, &FeedController::onClicked);
  connect(&m_pumpTimer, &QTimer::timeout, this, &FeedController::pump);
  connect(&m_playTimer, &QTimer::timeout, this, [this] {
    if (m_slider->value() >= m_slider->maximum()) return togglePlay();
    m_slider->setValue(m_slider->value() + std::max(1, (m_slider->maximum() - m_slider->minimum()) / 100));
  });
  m_pumpTimer.start(200);
  onDocumentChanged();
}

FeedController::~FeedController() { stopAll(); }

QWidget* FeedController::buildPanel() {
  auto* panel = new QWidget;
  auto* layout = new QVBoxLayout(panel);
  m_table = new QTableWidget(0, 4);
  m_table->setObjectName(QStringLiteral("feedTable"));
  m_table->setHorizontalHeaderLabels({tr("Feed"), tr("Status"), tr("Observations"), tr("Message")});
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->verticalHeader()->setVisible(false);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  layout->addWidget(m_table);
  auto* buttons = new QHBoxLayout;
  auto* add = new QPushButton(tr("Add feed…"));
  auto* remove = new QPushButton(tr("Remove feed"));
  remove->setObjectName(QStringLiteral("feedRemove"));
  connect(add, &QPushButton::clicked, this, &FeedController::chooseAndAdd);
  connect(remove, &QPushButton::clicked, this, [this] {
    if (auto* item = m_table->item(m_table->currentRow(), 0)) removeFeed(item->text());
  });
  buttons->addWidget(add);
  buttons->addWidget(remove);
  layout->addLayout(buttons);

  auto* filters = new QHBoxLayout;
  m_category = new QComboBox;
  m_category->setObjectName(QStringLiteral("feedCategoryFilter"));
  m_status = new QComboBox;
  m_status->setObjectName(QStringLiteral("feedStatusFilter"));
  for (QComboBox* c : {m_category, m_status}) {
    c->addItem(c == m_category ? tr("All categories") : tr("All statuses"), QString());
    connect(c, &QComboBox::currentIndexChanged, this, &FeedController::refreshMarkers);
    filters->addWidget(c);
  }
  layout->addLayout(filters);

  auto* time = new QHBoxLayout;
  m_play = new QPushButton(tr("Play"));
  m_play->setObjectName(QStringLiteral("feedPlay"));
  m_slider = new QSlider(Qt::Horizontal);
  m_slider->setObjectName(QStringLiteral("feedTimeSlider"));
  m_timeLabel = new QLabel(tr("Live"));
  m_timeLabel->setObjectName(QStringLiteral("feedTime"));
  connect(m_play, &QPushButton::clicked, this, &FeedController::togglePlay);
  connect(m_slider, &QSlider::valueChanged, this, &FeedController::onSlider);
  time->addWidget(m_play);
  time->addWidget(m_slider, 1);
  layout->addLayout(time);
  layout->addWidget(m_timeLabel);

  m_legend = new QLabel;
  m_legend->setObjectName(QStringLiteral("feedLegend"));
  m_legend->setTextFormat(Qt::RichText);
  layout->addWidget(m_legend);
  m_details = new QLabel(tr("Click a marker for its details."));
  m_details->setObjectName(QStringLiteral("feedDetails"));
  m_details->setWordWrap(true);
  m_details->setTextFormat(Qt::RichText);
  layout->addWidget(m_details);
  m_chart = new HistoryChart;
  m_chart->setObjectName(QStringLiteral("feedHistoryChart"));
  layout->addWidget(m_chart);
  layout->addWidget(new QLabel(tr("Alerts")));
  m_alerts = new QListWidget;
  m_alerts->setObjectName(QStringLiteral("feedAlerts"));
  layout->addWidget(m_alerts);
  return panel;
}

void FeedController::stopAll() {
  for (auto& [id, r] : m_running) r.runner->stop();
  pump();  // keep what the last polls brought
  m_running.clear();
}

void FeedController::onDocumentChanged() {
  stopAll();
  m_store.reset();
  m_toProject.reset();
  m_markers.clear();
  m_lastValue.clear();
  m_viewer.setFeedMarkers(nullptr);
  const geo::Project* project = m_document.project();
  if (project) {
    auto store = geo::FeedStore::open(m_document.path().toStdString());
    if (!store) m_errors.report(tr("Cannot open the feeds of the project"), store.error());
    else m_store = std::move(*store);
    if (!project->crs().empty())
      if (auto t = geo::Transformer::create("EPSG:4326", project->crs())) m_toProject.emplace(std::move(*t));
  }
  if (m_store)
    for (const auto& f : m_store->feeds()) start(f);  // a live twin resumes its feeds
  m_time.reset();
  refreshTimeRange();
  refreshTable();
  refreshMarkers();
}

bool FeedController::start(const geo::FeedInfo& feed) {
  auto source = m_plugins.create(feed.plugin);
  std::map<std::string, std::string> settings;
  auto json = nlohmann::json::parse(feed.settings, nullptr, false);
  if (json.is_object())
    for (const auto& [k, v] : json.items())
      if (v.is_string()) settings[k] = v.get<std::string>();
  geo::Result<void> configured = source ? (*source)->configure(settings) : std::unexpected(source.error());
  Running r;
  if (!configured) {
    r.health = geo::FeedHealth::Error;
    r.message = QString::fromStdString(configured.error().describe());
    r.runner = nullptr;
    m_running[feed.id] = std::move(r);
    return false;
  }
  FeedRunnerOptions options;
  options.firstRetryMs = std::min<std::int64_t>(1000, (*source)->intervalMs());
  options.stopGraceMs = 300;  // closing a project never waits long for a feed stuck in a plugin
  r.runner = std::make_unique<FeedRunner>(std::move(*source), options);
  r.runner->start();
  m_running[feed.id] = std::move(r);
  return true;
}

bool FeedController::addFeed(const QString& id, const QString& plugin, const std::map<std::string, std::string>& settings,
                             int retentionDays) {
  if (!m_store) {
    m_errors.report(tr("Cannot add a feed"), geo::Error{geo::ErrorCode::InvalidArgument, "open a project first", {}, {}, {}});
    return false;
  }
  auto probe = m_plugins.create(plugin.toStdString());
  geo::Result<void> ok = probe ? (*probe)->configure(settings) : std::unexpected(probe.error());
  if (!ok) {
    m_errors.report(tr("Cannot add feed %1").arg(id), ok.error());
    return false;
  }
  auto feed = m_store->addFeed(id.toStdString(), plugin.toStdString(), settingsJson(settings),
                               std::int64_t{retentionDays} * 24 * 3600 * 1000);
  if (!feed) {
    m_errors.report(tr("Cannot add feed %1").arg(id), feed.error());
    return false;
  }
  if (auto old = m_running.find(feed->id); old != m_running.end() && old->second.runner) old->second.runner->stop();
  start(*feed);
  refreshTable();
  return true;
}

bool FeedController::removeFeed(const QString& id) {
  if (auto it = m_running.find(id.toStdString()); it != m_running.end()) {
    if (it->second.runner) it->second.runner->stop();
    m_running.erase(it);
  }
  if (!m_store) return false;
  if (auto r = m_store->removeFeed(id.toStdString()); !r) {
    m_errors.report(tr("Cannot remove feed %1").arg(id), r.error());
    return false;
  }
  refreshTimeRange();
  refreshTable();
  refreshMarkers();
  return true;
}

void FeedController::chooseAndAdd() {
  QDialog dialog(m_panel);
  dialog.setWindowTitle(tr("Add feed"));
  auto* form = new QFormLayout(&dialog);
  auto* plugin = new QComboBox;
  for (const auto& p : m_plugins.plugins())
    if (p.refused.empty()) plugin->addItem(QString::fromStdString(p.name), QString::fromStdString(p.id));
  auto* id = new QLineEdit;
  auto* source = new QLineEdit;
  source->setPlaceholderText(tr("URL, or a file for a replay"));
  auto* interval = new QLineEdit(QStringLiteral("30s"));
  auto* keep = new QSpinBox;
  keep->setRange(0, 3650);
  keep->setValue(30);
  keep->setSuffix(tr(" days"));
  keep->setSpecialValueText(tr("everything"));
  keep->setToolTip(tr("Observations older than this are deleted from the project as new ones arrive"));
  form->addRow(tr("Kind"), plugin);
  form->addRow(tr("Name"), id);
  form->addRow(tr("Source"), source);
  form->addRow(tr("Poll interval"), interval);
  form->addRow(tr("Keep"), keep);
  auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(box);
  connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  if (dialog.exec() != QDialog::Accepted) return;
  const QString pluginId = plugin->currentData().toString();
  std::map<std::string, std::string> settings;
  settings[pluginId == QLatin1String("replay") ? "file" : "url"] = source->text().trimmed().toStdString();
  if (!interval->text().trimmed().isEmpty()) settings["interval"] = interval->text().trimmed().toStdString();
  addFeed(id->text().trimmed().isEmpty() ? pluginId : id->text().trimmed(), pluginId, settings, keep->value());
}

void FeedController::pump() {
  bool changed = false;
  for (auto& [id, r] : m_running) {
    if (!r.runner) continue;
    for (auto& e : r.runner->drain()) {
      changed |= !e.observations.empty() || e.health != r.health;
      apply(id, e);
    }
  }
  if (!changed) return;
  refreshTimeRange();
  refreshTable();
  if (!m_time) refreshMarkers();
}

void FeedController::apply(const std::string& feed, FeedEvent& e) {
  Running& r = m_running[feed];
  r.health = e.health;
  r.message = QString::fromStdString(e.message);
  if (e.observations.empty() || !m_store) return;
  if (auto added = m_store->append(feed, e.observations); !added) {
    r.health = geo::FeedHealth::Error;
    r.message = QString::fromStdString(added.error().describe());
    return;
  }
  checkAlerts(feed, e.observations);
  // The retention setting bounds the feed's table (a pass a minute at most: a DELETE on the time index).
  const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
  if (now - r.retentionAppliedMs >= 60000) {
    r.retentionAppliedMs = now;
    if (auto removed = m_store->applyRetention(feed, now); !removed) r.message = QString::fromStdString(removed.error().describe());
  }
}

void FeedController::checkAlerts(const std::string& feed, const std::vector<geo::Observation>& batch) {
  for (const auto& o : batch) {
    if (!o.value) continue;
    const double threshold = render::alertThreshold(o.property);
    auto [it, first] = m_lastValue.try_emplace(feed + "|" + o.streamId, *o.value);
    const bool crossed = *o.value > threshold && (first || it->second <= threshold);
    it->second = *o.value;
    if (!crossed) continue;
    const QString message = tr("%1: %2 %3 %4 is above %5 (%6)")
                                .arg(QString::fromStdString(o.streamId), QString::fromStdString(o.property))
                                .arg(*o.value)
                                .arg(QString::fromStdString(o.unit))
                                .arg(threshold)
                                .arg(stamp(o.timeMs));
    m_alerts->insertItem(0, message);
    emit alert(message);
  }
}

void FeedController::refreshTable() {
  const auto feeds = m_store ? m_store->feeds() : std::vector<geo::FeedInfo>{};
  m_table->setRowCount(static_cast<int>(feeds.size()));
  for (int row = 0; row < static_cast<int>(feeds.size()); ++row) {
    const auto& f = feeds[static_cast<std::size_t>(row)];
    const auto it = m_running.find(f.id);
    const QString health = it != m_running.end() ? healthText(it->second.health) : healthText(geo::FeedHealth::Stopped);
    const QString message = it != m_running.end() ? it->second.message : QString();
    const QStringList cells = {QString::fromStdString(f.id), health, QString::number(f.count), message};
    for (int c = 0; c < cells.size(); ++c) m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
  }
}

QString FeedController::health(const QString& feed) const {
  const auto it = m_running.find(feed.toStdString());
  return it == m_running.end() ? healthText(geo::FeedHealth::Stopped) : healthText(it->second.health);
}

void FeedController::refreshTimeRange() {
  m_first = m_last = 0;
  bool any = false;
  if (m_store)
    for (const auto& f : m_store->feeds())
      if (f.firstMs) {
        m_first = any ? std::min(m_first, *f.firstMs) : *f.firstMs;
        m_last = any ? std::max(m_last, *f.lastMs) : *f.lastMs;
        any = true;
      }
  const QSignalBlocker block(m_slider);
  const bool live = !m_time;
  m_slider->setRange(static_cast<int>(m_first / 1000), static_cast<int>((m_last + 999) / 1000));
  if (live) m_slider->setValue(m_slider->maximum());
}

void FeedController::onSlider(int value) {
  setTime(value >= m_slider->maximum() ? std::nullopt : std::optional<std::int64_t>(std::int64_t{value} * 1000 + 999));
}

void FeedController::setTime(std::optional<std::int64_t> ms) {
  m_time = ms;
  if (ms) {
    const QSignalBlocker block(m_slider);
    m_slider->setValue(static_cast<int>(*ms / 1000));
  }
  m_timeLabel->setText(ms ? stamp(*ms) : tr("Live"));
  refreshMarkers();
}

void FeedController::togglePlay() {
  if (m_playTimer.isActive()) {
    m_playTimer.stop();
    m_play->setText(tr("Play"));
    return;
  }
  if (m_slider->value() >= m_slider->maximum()) m_slider->setValue(m_slider->minimum());
  m_play->setText(tr("Pause"));
  m_playTimer.start(150);
}

void FeedController::refreshMarkers() {
  m_markers.clear();
  std::set<QString> categories, statuses;
  const auto origin = m_viewer.sceneOrigin();
  if (m_store && m_toProject && origin) {
    const QString wantCategory = m_category->currentData().toString(), wantStatus = m_status->currentData().toString();
    for (const auto& f : m_store->feeds()) {
      auto latest = m_store->latest(f.id, m_time.value_or(INT64_MAX));
      if (!latest) continue;
      for (const auto& o : *latest) {
        if (!o.category.empty()) categories.insert(QString::fromStdString(o.category));
        if (!o.status.empty()) statuses.insert(QString::fromStdString(o.status));
        if (!wantCategory.isEmpty() && QString::fromStdString(o.category) != wantCategory) continue;
        if (!wantStatus.isEmpty() && QString::fromStdString(o.status) != wantStatus) continue;
        geo::Point p{o.lon, o.lat};
        if (!m_toProject->transform(p)) continue;
        render::FeedMarker m{f.id, o.streamId, osg::Vec3d(p.x - origin->x(), p.y - origin->y(), 0), o.value,
                             o.property, o.category, o.status, isReport(o)};
        if (const auto* scene = m_document.scene()) m.local.z() = scene->groundHeight(m.local.x(), m.local.y());
        m_markers.push_back(std::move(m));
      }
    }
  }
  for (auto [combo, values] : {std::pair{m_category, &categories}, std::pair{m_status, &statuses}}) {
    const QSignalBlocker block(combo);
    for (const QString& v : *values)
      if (combo->findData(v) < 0) combo->addItem(v, v);
  }
  const geo::Extent extent = m_document.scene() ? m_document.scene()->extent : geo::Extent{};
  const double size = extent.isEmpty() ? 20.0 : std::max(8.0, std::hypot(extent.width(), extent.height()) / 40.0);
  m_viewer.setFeedMarkers(m_markers.empty() ? nullptr : render::buildFeedLayer(m_markers, size));
  refreshLegend();
}

void FeedController::refreshLegend() {
  std::set<std::string> properties;
  std::map<std::string, render::FeedMarker> reports;
  for (const auto& m : m_markers) {
    if (m.report) reports.try_emplace(m.category + "|" + m.status, m);
    else if (!m.property.empty()) properties.insert(m.property);
  }
  QString html;
  for (const auto& p : properties) {
    html += QStringLiteral("<b>%1</b><br>").arg(QString::fromStdString(p).toHtmlEscaped());
    for (const auto& b : render::rampFor(p))
      html += swatch(b.colour) + QStringLiteral(" %1<br>").arg(QString::fromStdString(b.label).toHtmlEscaped());
  }
  if (!reports.empty()) html += QStringLiteral("<b>%1</b><br>").arg(tr("Reports"));
  for (const auto& [key, m] : reports)
    html += swatch(render::markerColour(m)) + QStringLiteral(" %1 (%2)<br>")
                                                  .arg(QString::fromStdString(m.category).toHtmlEscaped(),
                                                       QString::fromStdString(m.status).toHtmlEscaped());
  m_legend->setText(html);
}

void FeedController::onClicked(const QPoint& pos) {
  const auto hit = m_viewer.pickFeedMarker(pos);
  if (const auto marker = hit ? render::feedMarkerOf(hit->drawable) : std::nullopt) showDetails(marker->first, marker->second);
}

bool FeedController::showDetails(const std::string& feed, const std::string& stream) {
  if (!m_store) return false;
  geo::ObservationQuery q;
  q.streamId = stream;
  q.toMs = m_time.value_or(INT64_MAX);
  auto latest = m_store->observations(feed, q);
  if (!latest || latest->empty()) return false;
  const geo::Observation& o = latest->back();
  q.fromMs = o.timeMs - kHistoryMs;
  auto history = m_store->observations(feed, q);
  std::vector<std::pair<std::int64_t, double>> points;
  if (history)
    for (const auto& h : *history)
      if (h.value) points.emplace_back(h.timeMs, *h.value);
  QString text = QStringLiteral("<b>%1</b> — %2<br>").arg(QString::fromStdString(stream).toHtmlEscaped(),
                                                          QString::fromStdString(feed).toHtmlEscaped());
  if (o.value) text += tr("%1: %2 %3").arg(QString::fromStdString(o.property)).arg(*o.value).arg(QString::fromStdString(o.unit)) + "<br>";
  if (!o.category.empty() || !o.status.empty())
    text += tr("%1, status %2").arg(QString::fromStdString(o.category), QString::fromStdString(o.status)) + "<br>";
  text += tr("at %1").arg(stamp(o.timeMs)) + "<br>";
  auto attrs = nlohmann::json::parse(o.attributes, nullptr, false);
  if (attrs.is_object())
    for (const auto& [k, v] : attrs.items())
      text += QStringLiteral("%1: %2<br>").arg(QString::fromStdString(k).toHtmlEscaped(),
                                              QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump()).toHtmlEscaped());
  m_details->setText(text);
  m_chart->setSeries(std::move(points), QString::fromStdString(o.unit));
  return true;
}

}  // namespace dothi::app::gui
