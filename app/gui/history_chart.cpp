#include "gui/history_chart.hpp"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace dothi::app::gui {

HistoryChart::HistoryChart(QWidget* parent) : QWidget(parent) {
  setMinimumHeight(110);
  setAttribute(Qt::WA_OpaquePaintEvent);
}

void HistoryChart::setSeries(std::vector<std::pair<std::int64_t, double>> points, const QString& unit) {
  m_points = std::move(points);
  m_unit = unit;
  update();
}

void HistoryChart::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), Qt::white);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF plot = QRectF(rect()).adjusted(46, 8, -8, -22);
  p.setPen(QColor(160, 160, 160));
  p.drawRect(plot);
  if (m_points.empty()) {
    p.drawText(plot, Qt::AlignCenter, tr("No history"));
    return;
  }
  const auto [minIt, maxIt] = std::minmax_element(m_points.begin(), m_points.end(),
                                                  [](const auto& a, const auto& b) { return a.second < b.second; });
  double lo = minIt->second, hi = maxIt->second;
  if (hi - lo < 1e-9) lo -= 1, hi += 1;
  const double t0 = static_cast<double>(m_points.front().first);
  const double t1 = std::max(t0 + 1, static_cast<double>(m_points.back().first));
  auto at = [&](const std::pair<std::int64_t, double>& pt) {
    return QPointF(plot.left() + (static_cast<double>(pt.first) - t0) / (t1 - t0) * plot.width(),
                   plot.bottom() - (pt.second - lo) / (hi - lo) * plot.height());
  };
  QPainterPath path(at(m_points.front()));
  for (const auto& pt : m_points) path.lineTo(at(pt));
  p.setPen(QPen(QColor(20, 90, 200), 2));
  p.drawPath(path);
  p.setBrush(QColor(20, 90, 200));
  for (const auto& pt : m_points) p.drawEllipse(at(pt), 2.5, 2.5);
  p.setPen(Qt::black);
  const QRectF axis(0, plot.top() - 6, plot.left() - 4, 14);
  p.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, QString::number(hi, 'g', 4));
  p.drawText(axis.translated(0, plot.height()), Qt::AlignRight | Qt::AlignVCenter, QString::number(lo, 'g', 4));
  const auto stamp = [](std::int64_t ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString("dd/MM HH:mm:ss"); };
  const QRectF bottom(plot.left(), plot.bottom() + 3, plot.width(), 16);
  p.drawText(bottom, Qt::AlignLeft, stamp(m_points.front().first));
  p.drawText(bottom, Qt::AlignRight, stamp(m_points.back().first) + QStringLiteral(" UTC"));
  p.drawText(bottom, Qt::AlignHCenter, m_unit);
}

}  // namespace dothi::app::gui
