#pragma once
/// The attribute table: one layer's features as rows (fid + fields), sortable by any column,
/// filtered by a search box that completes from the layer's values (parcel ids, names...).
/// Selecting a row identifies the feature (highlight, card) and frames the view on it; a click
/// in the 3D view selects the matching row. GUI thread only.
#include <cstdint>
#include <optional>
#include <set>

#include <QObject>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QString>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;
class QTableView;
class QWidget;

namespace dothi::app::gui {

class ErrorReporter;
class IdentifyController;
class ProjectDocument;
class ViewerWidget;

/// Text filter over every column, and optionally only the fids a query returned.
class FeatureFilterProxy : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  void setFids(std::optional<std::set<qint64>> fids);

 protected:
  [[nodiscard]] bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

 private:
  std::optional<std::set<qint64>> m_fids;
};

class AttributeTableController : public QObject {
  Q_OBJECT

 public:
  /// None of the arguments is owned; all must outlive the controller. The panel is made here
  /// and handed to the window with panel().
  AttributeTableController(ProjectDocument& document, IdentifyController& identify, ViewerWidget& viewer,
                           ErrorReporter& errors, QObject* parent = nullptr);

  [[nodiscard]] QWidget* panel() const { return m_panel; }
  [[nodiscard]] QTableView& view() const { return *m_view; }
  [[nodiscard]] QLineEdit& search() const { return *m_search; }
  [[nodiscard]] QComboBox& layerBox() const { return *m_layers; }
  [[nodiscard]] QCompleter& completer() const { return *m_completer; }

  /// Loads a layer into the table (and the completion list).
  bool showLayer(const QString& layer);
  [[nodiscard]] QString layer() const { return m_layer; }
  /// Rows the filter lets through.
  [[nodiscard]] int visibleRows() const { return m_proxy.rowCount(); }
  /// Selects the row of a feature (and so identifies it); false when it is not shown.
  bool selectFeature(std::int64_t fid);
  /// Applies the search text; with exactly one matching row, selects it.
  void applySearch(const QString& text);
  /// Where the query looks, beside the attribute condition.
  enum class Spatial {
    Anywhere,
    InView,              ///< boxes meeting the ground the 3D view shows now
    SharingSelected,     ///< sharing area with the selected feature (any layer)
    NearSelected,        ///< within `distance` metres of the selected feature (any layer)
  };
  /// Shows only the features matching an attribute condition (an empty field: none) and a
  /// spatial filter, run as SQL with bound parameters by geo::analysis::queryFeatures; false on
  /// error (reported).
  bool applyQuery(const QString& field, const QString& op, const QString& value, Spatial spatial = Spatial::Anywhere,
                  double distance = 0);
  void clearQuery();
  /// Asks for field, operator and value.
  void chooseQuery();

 private:
  void refillLayers();
  void onRowSelected();
  void onIdentified(const QString& layer, qint64 fid);

  ProjectDocument& m_document;
  IdentifyController& m_identify;
  ViewerWidget& m_viewer;
  ErrorReporter& m_errors;
  QWidget* m_panel = nullptr;  ///< owned by its dock once placed (Qt parent)
  QComboBox* m_layers = nullptr;
  QLineEdit* m_search = nullptr;
  QLabel* m_count = nullptr;
  QTableView* m_view = nullptr;
  QCompleter* m_completer = nullptr;
  QPushButton* m_clearQuery = nullptr;
  QStringListModel* m_values = nullptr;
  QStandardItemModel m_model;
  FeatureFilterProxy m_proxy;
  QString m_layer;
  QString m_selectedLayer;  ///< the feature identified last (spatial filters), empty: none
  qint64 m_selectedFid = 0;
  bool m_syncing = false;  ///< selection being set from the 3D view: do not identify again
};

}  // namespace dothi::app::gui
