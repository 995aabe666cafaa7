#include "gui/main_window.hpp"

#include <QApplication>
#include <QCloseEvent>
#include <QToolBar>
#include <QUndoView>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>

#include "gui/analysis_controller.hpp"
#include "gui/attribute_table_controller.hpp"
#include "gui/coordinate_status.hpp"
#include "gui/edit_controller.hpp"
#include "gui/scenario_controller.hpp"
#include "gui/zone_form.hpp"
#include "gui/diff_controller.hpp"
#include "gui/legend_controller.hpp"
#include "gui/error_reporter.hpp"
#include "gui/feed_controller.hpp"
#include "gui/identify_controller.hpp"
#include "gui/import_controller.hpp"
#include "gui/layer_tree_controller.hpp"
#include "gui/parcel_card_controller.hpp"
#include "gui/project_document.hpp"
#include "gui/style_controller.hpp"
#include "gui/viewer_widget.hpp"

namespace dothi::app::gui {
namespace {

QString projectFilter() {
  return MainWindow::tr("DoThi projects (*.dothi);;All files (*)");
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_errors(std::make_unique<ErrorReporter>(this)),
      m_document(std::make_unique<ProjectDocument>(*m_errors)) {
  m_viewer = new ViewerWidget(this);
  m_viewer->setObjectName(QStringLiteral("viewer"));
  setCentralWidget(m_viewer);
  createDocks();
  m_coordinateLabel = new QLabel(this);
  m_coordinateLabel->setObjectName(QStringLiteral("coordinates"));
  statusBar()->addPermanentWidget(m_coordinateLabel);

  m_layerTree = std::make_unique<LayerTreeController>(*m_document, *m_viewer, *m_layerTreeWidget);
  m_identify = std::make_unique<IdentifyController>(*m_document, *m_viewer, *m_attributeTable,
                                                    *m_errors);
  m_import = std::make_unique<ImportController>(*m_document, *m_errors, this);
  m_coordinates = std::make_unique<CoordinateStatus>(*m_document, *m_viewer, *m_coordinateLabel);
  m_legend = std::make_unique<LegendController>(*m_document, *m_viewer);
  connect(m_document.get(), &ProjectDocument::changed, this, &MainWindow::onDocumentChanged);
  connect(m_import.get(), &ImportController::finished, this,
          [this](bool, const QString& message) { statusBar()->showMessage(message, 8000); });

  createFileMenu();
  createEditing();
  createAnalysis();
  createFeeds();
  createViewMenu();
  createHelpMenu();
  onDocumentChanged();
  resize(1280, 800);
  // The docks keep to the sides: the view gets the width (forms would stretch them otherwise).
  QList<QDockWidget*> left, right;
  for (QDockWidget* d : findChildren<QDockWidget*>())
    (dockWidgetArea(d) == Qt::LeftDockWidgetArea ? left : dockWidgetArea(d) == Qt::RightDockWidgetArea ? right : left) << d;
  for (QDockWidget* d : right) resizeDocks({d}, {340}, Qt::Horizontal);
  for (QDockWidget* d : left) if (dockWidgetArea(d) == Qt::LeftDockWidgetArea) resizeDocks({d}, {260}, Qt::Horizontal);
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent* event) {
  if (m_edit && !m_edit->stopEditing()) {
    event->ignore();  // the user cancelled: unsaved edits stay
    return;
  }
  QMainWindow::closeEvent(event);
}

void MainWindow::createEditing() {
  m_edit = std::make_unique<EditController>(*m_document, *m_viewer, *m_errors, *statusBar());
  m_scenarios = std::make_unique<ScenarioController>(*m_document, *m_edit, *m_errors, *this);
  QToolBar* toolbar = addToolBar(tr("Editing"));
  toolbar->setObjectName(QStringLiteral("editToolbar"));
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  m_edit->populate(*edit, *toolbar);
  toolbar->addSeparator();
  QMenu* scenario = menuBar()->addMenu(tr("&Scenario"));
  m_scenarios->populate(*scenario, *toolbar);

  m_zoneForm = new ZoneForm(*m_edit);
  m_zoneForm->setObjectName(QStringLiteral("zoneForm"));
  auto* form = new QDockWidget(tr("Zone attributes"), this);
  form->setObjectName(QStringLiteral("zoneFormDock"));
  form->setWidget(m_zoneForm);
  addDockWidget(Qt::RightDockWidgetArea, form);
  if (auto* attributes = findChild<QDockWidget*>(QStringLiteral("attributesDock"))) tabifyDockWidget(attributes, form);
  auto* history = new QUndoView(&m_edit->undoStack());
  history->setObjectName(QStringLiteral("undoHistory"));
  history->setEmptyLabel(tr("<no edits>"));
  auto* historyDock = new QDockWidget(tr("Undo history"), this);
  historyDock->setObjectName(QStringLiteral("undoHistoryDock"));
  historyDock->setWidget(history);
  addDockWidget(Qt::LeftDockWidgetArea, historyDock);
  if (auto* layers = findChild<QDockWidget*>(QStringLiteral("layersDock"))) tabifyDockWidget(layers, historyDock);
  if (auto* layers = findChild<QDockWidget*>(QStringLiteral("layersDock"))) layers->raise();
  connect(m_edit.get(), &EditController::editingChanged, this, [form](bool on) {
    if (on) form->raise();
  });
}

void MainWindow::createDocks() {
  m_layerTreeWidget = new QTreeWidget;
  m_layerTreeWidget->setObjectName(QStringLiteral("layerTree"));
  auto* layers = new QDockWidget(tr("Layers"), this);
  layers->setObjectName(QStringLiteral("layersDock"));
  layers->setWidget(m_layerTreeWidget);
  addDockWidget(Qt::LeftDockWidgetArea, layers);

  m_attributeTable = new QTableWidget;
  m_attributeTable->setObjectName(QStringLiteral("identifyTable"));
  auto* attributes = new QDockWidget(tr("Feature attributes"), this);
  attributes->setObjectName(QStringLiteral("attributesDock"));
  attributes->setWidget(m_attributeTable);
  addDockWidget(Qt::RightDockWidgetArea, attributes);
  resizeDocks({layers, attributes}, {330, 300}, Qt::Horizontal);
}

void MainWindow::createFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&New project…"), QKeySequence::New, this, &MainWindow::newProject);
  file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseProject);
  file->addAction(tr("&Import…"), QKeySequence(Qt::CTRL | Qt::Key_I), m_import.get(),
                  &ImportController::chooseAndImport);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::createAnalysis() {
  m_analysis = std::make_unique<AnalysisController>(*m_document, *m_viewer, *m_errors, this);
  m_attributes = std::make_unique<AttributeTableController>(*m_document, *m_identify, *m_viewer, *m_errors);
  auto* cardView = new QTextBrowser;
  cardView->setObjectName(QStringLiteral("parcelCard"));
  m_parcelCard = std::make_unique<ParcelCardController>(*m_document, *m_identify, *cardView, *m_errors);
  auto dock = [this](const QString& title, const char* name, QWidget* content, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(QString::fromLatin1(name));
    d->setWidget(content);
    addDockWidget(area, d);
    return d;
  };
  QDockWidget* findings = dock(tr("Findings"), "findingsDock", m_analysis->panel(), Qt::BottomDockWidgetArea);
  tabifyDockWidget(findings, dock(tr("Attribute table"), "attributeTableDock", m_attributes->panel(), Qt::BottomDockWidgetArea));
  dock(tr("Parcel card"), "parcelCardDock", cardView, Qt::RightDockWidgetArea);
  QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
  analysis->addAction(tr("&Validate layer…"), QKeySequence(Qt::CTRL | Qt::Key_L), m_analysis.get(),
                      &AnalysisController::chooseAndValidate);
  connect(m_analysis.get(), &AnalysisController::finished, this, [this, findings](bool, const QString& message) {
    statusBar()->showMessage(message, 8000);
    findings->raise();
  });
  m_diff = std::make_unique<DiffController>(*m_document, *m_viewer, *m_legend, *m_errors, this);
  QDockWidget* changes = dock(tr("Changes"), "changesDock", m_diff->panel(), Qt::BottomDockWidgetArea);
  tabifyDockWidget(findings, changes);
  findings->raise();
  analysis->addAction(tr("&Compare cadastre versions…"), m_diff.get(), &DiffController::chooseAndCompare);
  connect(m_diff.get(), &DiffController::finished, this, [this, changes](bool, const QString& message) {
    statusBar()->showMessage(message, 8000);
    changes->raise();
  });
}

void MainWindow::createFeeds() {
  m_feeds = std::make_unique<FeedController>(*m_document, *m_viewer, *m_errors);
  auto* dock = new QDockWidget(tr("Live feeds"), this);
  dock->setObjectName(QStringLiteral("feedsDock"));
  dock->setWidget(m_feeds->panel());
  addDockWidget(Qt::RightDockWidgetArea, dock);
  QMenu* feeds = menuBar()->addMenu(tr("F&eeds"));
  feeds->addAction(tr("&Add feed…"), m_feeds.get(), &FeedController::chooseAndAdd);
  connect(m_feeds.get(), &FeedController::alert, this, [this](const QString& message) {
    statusBar()->showMessage(tr("Alert: %1").arg(message), 15000);
  });
}

void MainWindow::createViewMenu() {
  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(tr("Zoom to &all"), QKeySequence(Qt::Key_Home), m_viewer,
                  &ViewerWidget::zoomToAll);
  m_style = std::make_unique<StyleController>(*m_document, *m_errors, this);
  view->addAction(tr("&Style layer…"), m_style.get(), &StyleController::chooseAndStyle);
  QAction* top = view->addAction(tr("&Top view (2D)"));
  top->setCheckable(true);
  top->setShortcut(QKeySequence(Qt::Key_F5));
  top->setToolTip(tr("Look straight down on the plan (for drawing and editing zones); off: 3D"));
  connect(top, &QAction::toggled, m_viewer, &ViewerWidget::setTopView);
  view->addSeparator();
  for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());
}

void MainWindow::createHelpMenu() {
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About DoThi"), this, [this] {
    QMessageBox::about(this, tr("About DoThi"),
                       tr("DoThi %1 — a 3D digital twin of the city.")
                           .arg(QApplication::applicationVersion()));
  });
}

bool MainWindow::openProject(const QString& path) {
  return m_document->open(path);
}

void MainWindow::chooseProject() {
  const QString dir = m_document->isOpen() ? QFileInfo(m_document->path()).absolutePath() : QString();
  const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), dir, projectFilter());
  if (!path.isEmpty()) openProject(path);
}

void MainWindow::newProject() {
  QString path = QFileDialog::getSaveFileName(this, tr("New project"), QString(), projectFilter());
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".dothi");
  // The save dialog already asked before replacing an existing file.
  if (QFileInfo::exists(path)) {
    if (QFileInfo(path) == QFileInfo(m_document->path())) m_document->close();
    if (!QFile::remove(path)) {
      m_errors->report(tr("Cannot create project"), tr("%1 cannot be replaced.").arg(path));
      return;
    }
  }
  m_document->create(path);
}

void MainWindow::onDocumentChanged() {
  // Reloading the same file after an edit or for another scenario keeps the camera where it
  // is; a new file, or an import that grew the city, frames the whole scene again.
  const auto* scene = m_document->scene();
  bool keepView = m_document->isOpen() && m_document->path() == m_shownPath && scene && !m_shownExtent.isEmpty();
  if (keepView) {
    const geo::Extent& e = scene->extent;
    const double mx = 0.1 * m_shownExtent.width(), my = 0.1 * m_shownExtent.height();
    keepView = e.minX >= m_shownExtent.minX - mx && e.maxX <= m_shownExtent.maxX + mx && e.minY >= m_shownExtent.minY - my &&
               e.maxY <= m_shownExtent.maxY + my;
  }
  m_viewer->setScene(scene, !keepView);
  m_shownPath = m_document->path();
  m_shownExtent = scene ? scene->extent : geo::Extent{};
  const QString name = m_document->isOpen() ? QFileInfo(m_document->path()).fileName()
                                            : tr("no project");
  setWindowTitle(tr("DoThi — %1").arg(name));
}

}  // namespace dothi::app::gui
