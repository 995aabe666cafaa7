#pragma once
/// The main window: wires the per-feature controllers (layer tree, identify, import,
/// coordinates) around the 3D view. It owns them; they talk through ProjectDocument's signals.
#include <memory>

#include <QMainWindow>
#include <QString>

#include "dothi/geo/geometry.hpp"

class QLabel;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace dothi::app::gui {

class AnalysisController;
class EditController;
class ScenarioController;
class ZoneForm;
class AttributeTableController;
class CoordinateStatus;
class DiffController;
class LegendController;
class ErrorReporter;
class FeedController;
class IdentifyController;
class ImportController;
class LayerTreeController;
class ParcelCardController;
class StyleController;
class ProjectDocument;
class ViewerWidget;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens a project file; errors are reported (dialog) and false returned.
  bool openProject(const QString& path);

  [[nodiscard]] ViewerWidget& viewer() const { return *m_viewer; }
  [[nodiscard]] ProjectDocument& document() const { return *m_document; }
  [[nodiscard]] ErrorReporter& errors() const { return *m_errors; }
  [[nodiscard]] ImportController& importer() const { return *m_import; }
  [[nodiscard]] IdentifyController& identify() const { return *m_identify; }
  [[nodiscard]] LayerTreeController& layerTree() const { return *m_layerTree; }
  [[nodiscard]] QTableWidget& attributeTable() const { return *m_attributeTable; }
  [[nodiscard]] QTreeWidget& layerTreeWidget() const { return *m_layerTreeWidget; }
  [[nodiscard]] QLabel& coordinateLabel() const { return *m_coordinateLabel; }
  [[nodiscard]] AnalysisController& analysis() const { return *m_analysis; }
  [[nodiscard]] AttributeTableController& attributes() const { return *m_attributes; }
  [[nodiscard]] ParcelCardController& parcelCard() const { return *m_parcelCard; }
  [[nodiscard]] DiffController& diff() const { return *m_diff; }
  [[nodiscard]] LegendController& legend() const { return *m_legend; }
  [[nodiscard]] EditController& editor() const { return *m_edit; }
  [[nodiscard]] ScenarioController& scenarios() const { return *m_scenarios; }
  [[nodiscard]] ZoneForm& zoneForm() const { return *m_zoneForm; }
  [[nodiscard]] FeedController& feeds() const { return *m_feeds; }

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createDocks();
  void createFileMenu();
  void createViewMenu();
  void createHelpMenu();
  void createEditing();  ///< Edit and Scenario menus, editing toolbar, zone form, undo history
  void createAnalysis();  ///< Analysis menu, findings, attribute table and parcel card docks
  void createFeeds();     ///< Feeds menu and the Live feeds dock
  void newProject();
  void chooseProject();
  void onDocumentChanged();

  // Widgets are owned by their Qt parents (this window, its docks, its status bar).
  ViewerWidget* m_viewer = nullptr;
  QTreeWidget* m_layerTreeWidget = nullptr;
  QTableWidget* m_attributeTable = nullptr;
  QLabel* m_coordinateLabel = nullptr;
  ZoneForm* m_zoneForm = nullptr;
  QString m_shownPath;      ///< the file the view was framed for (reloads keep the camera)
  geo::Extent m_shownExtent;  ///< and its scene's extent (an import that grows it reframes)
  // Declared in dependency order: destroyed controllers first, the document last but one.
  std::unique_ptr<ErrorReporter> m_errors;
  std::unique_ptr<ProjectDocument> m_document;
  std::unique_ptr<LayerTreeController> m_layerTree;
  std::unique_ptr<IdentifyController> m_identify;
  std::unique_ptr<ImportController> m_import;
  std::unique_ptr<CoordinateStatus> m_coordinates;
  std::unique_ptr<AnalysisController> m_analysis;
  std::unique_ptr<AttributeTableController> m_attributes;
  std::unique_ptr<ParcelCardController> m_parcelCard;
  std::unique_ptr<StyleController> m_style;
  std::unique_ptr<EditController> m_edit;
  std::unique_ptr<ScenarioController> m_scenarios;
  std::unique_ptr<LegendController> m_legend;  ///< before m_diff, which adds to it
  std::unique_ptr<DiffController> m_diff;
  std::unique_ptr<FeedController> m_feeds;
};

}  // namespace dothi::app::gui
