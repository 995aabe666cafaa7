#pragma once
/// Live feeds in the app: the Feeds dock (status per feed, add/remove), markers in the 3D view
/// coloured by value with a legend, reports by category and status, click for details and a
/// history chart, a time slider that scrubs or plays the stored history, category/status
/// filters and threshold alerts. Each feed polls on its own worker thread (app::FeedRunner); a
/// GUI-thread timer drains their queues, stores batches in the project file and redraws.
#include <QObject>
#include <QString>
#include <QTimer>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/feed_plugins.hpp"
#include "core/feed_runner.hpp"
#include "dothi/geo/crs.hpp"
#include "dothi/geo/feed_store.hpp"
#include "dothi/render/feed_layer.hpp"

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QTableWidget;
class QWidget;

namespace dothi::app::gui {

class ErrorReporter;
class HistoryChart;
class ProjectDocument;
class ViewerWidget;

class FeedController : public QObject {
  Q_OBJECT

 public:
  /// None of the references is owned; all must outlive the controller.
  FeedController(ProjectDocument& document, ViewerWidget& viewer, ErrorReporter& errors, QObject* parent = nullptr);
  ~FeedController() override;  ///< stops every feed

  [[nodiscard]] QWidget* panel() const { return m_panel; }
  /// Registers a feed in the project, starts it; false (reported) on error.
  /// retentionDays: observations older than this many days are deleted as new ones arrive (0 = keep all).
  bool addFeed(const QString& id, const QString& plugin, const std::map<std::string, std::string>& settings,
               int retentionDays = 0);
  bool removeFeed(const QString& id);
  /// The "Add feed" dialog.
  void chooseAndAdd();
  /// Drains the feeds now (the timer does it every 200 ms).
  void pump();
  /// Shows the state at a time (UTC ms); nullopt = live (the latest).
  void setTime(std::optional<std::int64_t> ms);
  /// Details and history chart of one stream, as a click on its marker shows them.
  bool showDetails(const std::string& feed, const std::string& stream);

  [[nodiscard]] const std::vector<render::FeedMarker>& markers() const { return m_markers; }
  [[nodiscard]] std::optional<std::int64_t> time() const { return m_time; }
  [[nodiscard]] std::pair<std::int64_t, std::int64_t> timeRange() const { return {m_first, m_last}; }
  [[nodiscard]] QString health(const QString& feed) const;

 signals:
  /// A value crossed its property's threshold (for the status bar).
  void alert(const QString& message);

 private:
  struct Running {
    std::unique_ptr<FeedRunner> runner;
    geo::FeedHealth health = geo::FeedHealth::Connecting;
    QString message;
    std::int64_t retentionAppliedMs = 0;  ///< wall clock of the last retention pass
  };
  QWidget* buildPanel();
  void onDocumentChanged();
  void stopAll();
  bool start(const geo::FeedInfo& feed);
  void apply(const std::string& feed, FeedEvent& event);
  void checkAlerts(const std::string& feed, const std::vector<geo::Observation>& batch);
  void refreshTable();
  void refreshTimeRange();
  void refreshMarkers();
  void refreshLegend();
  void onSlider(int value);
  void onClicked(const QPoint& pos);
  void togglePlay();

  ProjectDocument& m_document;
  ViewerWidget& m_viewer;
  ErrorReporter& m_errors;
  FeedPluginRegistry m_plugins;
  std::unique_ptr<geo::FeedStore> m_store;
  std::optional<geo::Transformer> m_toProject;  ///< WGS 84 → project CRS
  std::map<std::string, Running> m_running;
  std::map<std::string, double> m_lastValue;  ///< "feed|stream" → last value seen (alerts)
  std::vector<render::FeedMarker> m_markers;
  std::optional<std::int64_t> m_time;  ///< null = live
  std::int64_t m_first = 0, m_last = 0;
  QTimer m_pumpTimer, m_playTimer;
  // Widgets, owned by m_panel.
  QWidget* m_panel = nullptr;
  QTableWidget* m_table = nullptr;
  QComboBox* m_category = nullptr;
  QComboBox* m_status = nullptr;
  QSlider* m_slider = nullptr;
  QPushButton* m_play = nullptr;
  QLabel* m_timeLabel = nullptr;
  QLabel* m_legend = nullptr;
  QLabel* m_details = nullptr;
  HistoryChart* m_chart = nullptr;
  QListWidget* m_alerts = nullptr;
};

}  // namespace dothi::app::gui
