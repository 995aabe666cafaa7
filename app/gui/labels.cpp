#include "gui/labels.hpp"

#include <QCoreApplication>

namespace dothi::app::gui {

QString layerKindLabel(geo::LayerKind kind) {
  switch (kind) {
    case geo::LayerKind::Buildings: return QCoreApplication::translate("dothi", "Buildings");
    case geo::LayerKind::Parcels: return QCoreApplication::translate("dothi", "Parcels");
    case geo::LayerKind::Landuse: return QCoreApplication::translate("dothi", "Land use");
    case geo::LayerKind::Zoning: return QCoreApplication::translate("dothi", "Zoning");
    case geo::LayerKind::Roads: return QCoreApplication::translate("dothi", "Roads");
    case geo::LayerKind::Infrastructure:
      return QCoreApplication::translate("dothi", "Infrastructure");
    case geo::LayerKind::Other: break;
  }
  return QCoreApplication::translate("dothi", "Other");
}

}  // namespace dothi::app::gui
