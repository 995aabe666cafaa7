#pragma once
/// The parcel card panel: when the identified feature belongs to a parcel layer, shows its
/// card (app::parcelRecord: attributes, planar and geodesic area, perimeter, neighbours, land use
/// and zoning). Computed on the GUI thread: one parcel's card takes milliseconds.
#include <cstdint>
#include <optional>

#include <QObject>
#include <QString>

#include "core/parcel_record.hpp"

class QTextBrowser;

namespace dothi::app::gui {

class ErrorReporter;
class IdentifyController;
class ProjectDocument;

class ParcelCardController : public QObject {
  Q_OBJECT

 public:
  /// None of the arguments is owned; all must outlive the controller.
  ParcelCardController(ProjectDocument& document, IdentifyController& identify, QTextBrowser& view,
                       ErrorReporter& errors, QObject* parent = nullptr);

  /// Shows the card of a feature; false (and a hint) when it is not a parcel.
  bool show(const QString& layer, qint64 featureId);
  [[nodiscard]] const std::optional<ParcelRecord>& record() const { return m_record; }

  /// The id field of a parcel layer: KAK, so_thua, parcel_id… when present, else "fid".
  static std::string idFieldOf(const geo::LayerInfo& layer);

 private:
  void showHint();

  ProjectDocument& m_document;
  QTextBrowser& m_view;
  ErrorReporter& m_errors;
  std::optional<ParcelRecord> m_record;
};

}  // namespace dothi::app::gui
