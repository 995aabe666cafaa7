#include "gui/parcel_card_controller.hpp"

#include <array>

#include <QLocale>
#include <QTextBrowser>

#include "gui/error_reporter.hpp"
#include "gui/identify_controller.hpp"
#include "gui/project_document.hpp"

namespace dothi::app::gui {

namespace {
QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }
}  // namespace

ParcelCardController::ParcelCardController(ProjectDocument& document, IdentifyController& identify,
                                           QTextBrowser& view, ErrorReporter& errors, QObject* parent)
    : QObject(parent), m_document(document), m_view(view), m_errors(errors) {
  connect(&identify, &IdentifyController::selectionChanged, this, [this](const QString& layer, qint64 fid) {
    if (layer.isEmpty() || !show(layer, fid)) showHint();
  });
  showHint();
}

std::string ParcelCardController::idFieldOf(const geo::LayerInfo& layer) {
  static constexpr std::array<const char*, 9> kNames = {"KAK", "so_thua", "sothua", "parcel_id", "parcelid",
                                                        "ma_thua", "pid", "id", "code"};
  for (const char* n : kNames)
    if (auto i = geo::fieldIndex(layer.fields, n)) return layer.fields[*i].name;
  return "fid";
}

bool ParcelCardController::show(const QString& layer, qint64 featureId) {
  const geo::Project* project = m_document.project();
  if (!project) return false;
  const auto info = project->layer(layer.toStdString());
  if (!info || info->kind != geo::LayerKind::Parcels) {
    m_record.reset();
    return false;
  }
  auto r = parcelRecord(*project, info->name, featureId, idFieldOf(*info));
  if (!r) {
    m_errors.report(tr("Parcel card"), r.error());
    return false;
  }
  m_record = std::move(*r);
  const ParcelRecord& p = *m_record;
  const QLocale l;
  QString html = QStringLiteral("<h3>%1</h3>").arg(
      p.idField == "fid" ? tr("Parcel fid %1").arg(p.fid)
                         : tr("Parcel %1 = %2 (fid %3)").arg(esc(p.idField), esc(p.id.value_or("—"))).arg(p.fid));
  html += QStringLiteral("<table cellpadding=2>");
  auto row = [&](const QString& k, const QString& v) { html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v); };
  row(tr("Area, planar (%1)").arg(esc(p.crs)), tr("%1 m²").arg(l.toString(p.planarArea, 'f', 2)));
  row(tr("Area, on the ellipsoid"), tr("%1 m²").arg(l.toString(p.geodesicArea, 'f', 2)));
  row(tr("Perimeter"), tr("%1 m (on the ellipsoid %2 m)").arg(l.toString(p.planarPerimeter, 'f', 2), l.toString(p.geodesicPerimeter, 'f', 2)));
  if (p.lonLat) row(tr("Location"), QStringLiteral("%1° N, %2° E").arg(l.toString(p.lonLat->y, 'f', 6), l.toString(p.lonLat->x, 'f', 6)));
  for (const auto& [k, v] : p.attributes) row(esc(k), esc(v));
  html += QStringLiteral("</table><p><small>%1</small></p>").arg(tr("Ellipsoidal area: %1").arg(esc(p.geodesicBasis)));
  html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Neighbours sharing an edge (%1)").arg(p.neighbours.size()));
  for (const auto& n : p.neighbours)
    html += QStringLiteral("<li>%1 — %2</li>")
                .arg(n.id ? esc(*n.id) : tr("fid %1").arg(n.fid), tr("%1 m").arg(l.toString(n.sharedLength, 'f', 2)));
  html += QStringLiteral("</ul><h4>%1</h4>").arg(tr("Land use and zoning"));
  if (p.zones.empty()) html += QStringLiteral("<p>%1</p>").arg(tr("No land-use or zoning layer covers it."));
  else {
    html += QStringLiteral("<ul>");
    for (const auto& z : p.zones)
      html += QStringLiteral("<li>%1: %2 — %3 m² (%4 %)</li>")
                  .arg(esc(z.layer), esc(z.label), l.toString(z.area, 'f', 2), l.toString(100 * z.share, 'f', 1));
    html += QStringLiteral("</ul>");
  }
  m_view.setHtml(html);
  return true;
}

void ParcelCardController::showHint() {
  m_record.reset();
  m_view.setHtml(QStringLiteral("<p>%1</p>").arg(tr("Click a parcel (or pick one in the attribute table) to see its card.")));
}

}  // namespace dothi::app::gui
