#pragma once
/// A small line chart of one stream's recent values (QPainter), for the feed details panel.
#include <QString>
#include <QWidget>
#include <cstdint>
#include <utility>
#include <vector>

namespace dothi::app::gui {

class HistoryChart : public QWidget {
  Q_OBJECT

 public:
  explicit HistoryChart(QWidget* parent = nullptr);
  /// (UTC ms, value) pairs in time order; `unit` labels the axis. Empty clears.
  void setSeries(std::vector<std::pair<std::int64_t, double>> points, const QString& unit);
  [[nodiscard]] std::size_t pointCount() const { return m_points.size(); }
  [[nodiscard]] QSize sizeHint() const override { return {260, 120}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  std::vector<std::pair<std::int64_t, double>> m_points;
  QString m_unit;
};

}  // namespace dothi::app::gui
