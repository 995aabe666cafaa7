#include "gui/edit_controller.hpp"

#include <QAction>
#include <QActionGroup>
#include <QInputDialog>
#include <QLineEdit>
#include <QApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoCommand>

#include <utility>

#include "core/zoning_rules.hpp"
#include "gui/error_reporter.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"

namespace dothi::app::gui {

namespace {

/// One edit on the undo stack; redo/undo go through the controller's current session (which is
/// reopened after each save), so commands stay valid across saves.
class UndoableEdit : public QUndoCommand {
 public:
  UndoableEdit(EditController& controller, EditCommand command)
      : QUndoCommand(QString::fromStdString(command.text)), m_controller(controller), m_command(std::move(command)) {}
  void redo() override { m_controller.applyCommand(m_command, true); }
  void undo() override { m_controller.applyCommand(m_command, false); }

 private:
  EditController& m_controller;
  EditCommand m_command;
};

QString describe(const geo::Error& e) { return QString::fromStdString(e.message); }

}  // namespace

EditController::EditController(ProjectDocument& document, ViewerWidget& viewer, ErrorReporter& errors, QStatusBar& status,
                               QObject* parent)
    : QObject(parent), m_document(document), m_viewer(viewer), m_errors(errors), m_status(status) {
  connect(&m_document, &ProjectDocument::changed, this, &EditController::onDocumentChanged);
  connect(&m_undo, &QUndoStack::cleanChanged, this, [this] { updateActions(); });
  connect(&m_undo, &QUndoStack::indexChanged, this, [this] { updateActions(); });
  m_viewer.installEventFilter(this);
}

EditController::~EditController() {
  m_viewer.removeEventFilter(this);
  m_viewer.setOverlayPainter({});
}

void EditController::populate(QMenu& menu, QToolBar& toolbar) {
  QAction* undo = m_undo.createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = m_undo.createRedoAction(this, tr("&Redo"));
  // Ctrl+Shift+Z everywhere (the platform's redo keys too, without listing one twice).
  QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
  if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z))) redoKeys.prepend(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
  redo->setShortcuts(redoKeys);
  menu.addAction(undo);
  menu.addAction(redo);
  menu.addSeparator();
  m_startAction = menu.addAction(tr("&Edit layer"));
  m_startAction->setCheckable(true);
  m_startAction->setShortcut(QKeySequence(tr("Ctrl+E")));
  m_startAction->setToolTip(tr("Start or stop editing the selected polygon layer (zoning)"));
  connect(m_startAction, &QAction::triggered, this, [this](bool on) {
    if (!on) {
      stopEditing();
      return;
    }
    // The layer: a zoning layer if there is one, else the first polygon layer.
    std::string layer;
    if (const auto* p = m_document.project())
      for (const auto& l : p->layers())
        if (geo::dimensionOf(l.geometryType) == 2 && (layer.empty() || l.kind == geo::LayerKind::Zoning)) {
          if (layer.empty() || l.kind == geo::LayerKind::Zoning) layer = l.name;
          if (l.kind == geo::LayerKind::Zoning) break;
        }
    if (layer.empty() || !startEditing(layer)) {
      m_startAction->setChecked(false);
      if (layer.empty()) message(tr("There is no polygon layer to edit."), true);
    }
  });
  m_saveAction = menu.addAction(tr("&Save edits"), this, [this] { save(); });
  m_saveAction->setShortcut(QKeySequence::Save);
  menu.addSeparator();

  m_tools = new QActionGroup(this);
  const std::pair<Tool, QString> tools[] = {{Tool::Select, tr("Se&lect zones")},
                                            {Tool::Draw, tr("&Draw zone")},
                                            {Tool::Hole, tr("Add &hole")},
                                            {Tool::Vertex, tr("&Vertex tool")},
                                            {Tool::Split, tr("S&plit zone")}};
  const char* keys[] = {"S", "D", "H", "V", "K"};
  int k = 0;
  for (const auto& [tool, text] : tools) {
    QAction* a = m_tools->addAction(text);
    a->setCheckable(true);
    a->setShortcut(QKeySequence(QString::fromLatin1(keys[k++])));
    a->setChecked(tool == Tool::Select);
    const Tool t = tool;
    connect(a, &QAction::triggered, this, [this, t] { setTool(t); });
    menu.addAction(a);
    toolbar.addAction(a);
    m_toolActions.push_back({tool, a});
  }
  m_tools->actions()[3]->setToolTip(tr("Drag a vertex (shared vertices move together); double-click an edge to add "
                                       "a vertex; Shift+click a vertex to delete it"));
  menu.addSeparator();
  m_selectWhereAction = menu.addAction(tr("Select &by attribute…"), this, [this] {
    if (!m_session) return;
    bool ok = false;
    const QString text = QInputDialog::getText(m_viewer.window(), tr("Select by attribute"),
                                               tr("Zones where (e.g. zoning_class = 'ODT' AND max_height >= 30):"),
                                               QLineEdit::Normal, m_lastWhere, &ok);
    if (ok && !text.isEmpty()) selectWhere(text);
  });
  m_selectWhereAction->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
  m_mergeAction = menu.addAction(tr("&Merge selected zones"), this, [this] {
    if (m_session) run(m_session->mergeFeatures({m_selection.begin(), m_selection.end()}));
  });
  m_mergeAction->setShortcut(QKeySequence(tr("M")));
  m_deleteAction = menu.addAction(tr("&Delete selected zones"), this, [this] {
    if (!m_session) return;
    if (run(m_session->deleteFeatures({m_selection.begin(), m_selection.end()}))) setSelection({});
  });
  m_deleteAction->setShortcut(QKeySequence::Delete);
  m_copyAction = menu.addAction(tr("&Copy attributes"), this, [this] {
    if (m_selection.size() != 1) return;
    m_copiedFrom = *m_selection.begin();
    message(tr("Attributes of zone %1 copied; select zones and paste them.").arg(*m_copiedFrom));
    updateActions();
  });
  m_copyAction->setShortcut(QKeySequence(tr("Ctrl+Alt+C")));
  m_pasteAction = menu.addAction(tr("&Paste attributes"), this, [this] {
    if (!m_session || !m_copiedFrom) return;
    std::vector<std::string> fields;
    for (const auto& f : zoningFields()) fields.push_back(f.name);  // the rules, never the ids
    run(m_session->copyAttributes(*m_copiedFrom, {m_selection.begin(), m_selection.end()}, fields));
  });
  m_pasteAction->setShortcut(QKeySequence(tr("Ctrl+Alt+V")));
  menu.addSeparator();
  m_refuseAction = menu.addAction(tr("&Refuse invalid edits"));
  m_refuseAction->setCheckable(true);
  m_refuseAction->setChecked(true);
  m_refuseAction->setToolTip(tr("Refuse an edit that would make a zone cross itself or overlap a neighbour; "
                                "when off, the edit is applied and the problem highlighted"));
  connect(m_refuseAction, &QAction::toggled, this, [this](bool on) { m_refuseInvalid = on; });
  toolbar.addSeparator();
  toolbar.addAction(m_mergeAction);
  toolbar.addAction(m_deleteAction);
  toolbar.addAction(m_saveAction);
  updateActions();
}

void EditController::updateActions() {
  const bool editing = isEditing();
  if (m_startAction) m_startAction->setChecked(editing);
  if (m_saveAction) m_saveAction->setEnabled(editing && m_session->dirty());
  if (m_mergeAction) m_mergeAction->setEnabled(editing && m_selection.size() >= 2);
  if (m_deleteAction) m_deleteAction->setEnabled(editing && !m_selection.empty());
  if (m_copyAction) m_copyAction->setEnabled(editing && m_selection.size() == 1);
  if (m_pasteAction) m_pasteAction->setEnabled(editing && m_copiedFrom && !m_selection.empty());
  if (m_tools) m_tools->setEnabled(editing);
  if (m_selectWhereAction) m_selectWhereAction->setEnabled(editing);
}

void EditController::message(const QString& text, bool error) {
  m_status.showMessage(error ? tr("Edit refused: %1").arg(text) : text, 10000);
}

bool EditController::startEditing(const std::string& layer) {
  if (m_session && !stopEditing()) return false;
  geo::Project* project = m_document.editableProject();
  if (!project) return false;
  auto info = project->layer(layer);
  if (info && info->kind == geo::LayerKind::Zoning) {
    if (auto r = ensureZoningFields(*project, layer); !r) {
      m_errors.report(tr("Cannot edit layer"), r.error());
      return false;
    }
  }
  auto session = EditSession::open(*project, layer, m_document.scenario());
  if (!session) {
    m_errors.report(tr("Cannot edit layer"), session.error());
    return false;
  }
  m_session = std::move(*session);
  m_layer = layer;
  auto terrain = project->terrain();
  m_terrain = terrain && *terrain ? std::move(**terrain) : std::optional<geo::TerrainGrid>{};
  m_scenario = m_document.scenario();
  m_undo.clear();
  m_selection.clear();
  m_sketch.clear();
  m_problems.clear();
  // The overlay draws the working copy; the 3D copy would show the saved shapes beneath it.
  m_layerWasVisible = m_document.isLayerVisible(layer);
  m_document.setLayerVisible(layer, false);
  m_viewer.setOverlayPainter([this](QPainter& p) { paint(p); });
  message(tr("Editing layer %1 (%2)").arg(QString::fromStdString(layer),
                                          m_scenario.empty() ? tr("base plan") : QString::fromStdString(m_scenario)));
  updateActions();
  emit editingChanged(true);
  emit featuresChanged();
  return true;
}

bool EditController::stopEditing(bool discard) {
  if (!m_session) return true;
  if (!discard && m_session->dirty()) {
    const auto answer = QMessageBox::question(
        m_viewer.window(), tr("Unsaved edits"), tr("Save the edits of layer %1?").arg(QString::fromStdString(m_layer)),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save && !save()) return false;
  }
  const bool hadUnsaved = m_session->dirty();
  m_session.reset();
  m_undo.clear();
  m_selection.clear();
  m_sketch.clear();
  m_problems.clear();
  m_viewer.setOverlayPainter({});
  m_document.setLayerVisible(m_layer, m_layerWasVisible);
  if (hadUnsaved) m_document.reload();  // the scene still shows the saved shapes: nothing to redo
  updateActions();
  emit editingChanged(false);
  emit selectionChanged();
  return true;
}

bool EditController::maySwitch() {
  if (!m_session || !m_session->dirty()) return true;
  const auto answer = QMessageBox::question(m_viewer.window(), tr("Unsaved edits"),
                                            tr("Save the edits of layer %1 first?").arg(QString::fromStdString(m_layer)),
                                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  if (answer == QMessageBox::Save) return save();
  m_session->reload();
  return true;
}

bool EditController::save() {
  if (!m_session) return false;
  QApplication::setOverrideCursor(Qt::WaitCursor);
  auto saved = m_session->save({});
  QApplication::restoreOverrideCursor();
  if (!saved) {
    m_errors.report(tr("Cannot save the edits"), saved.error());
    return false;
  }
  m_undo.setClean();
  message(tr("Saved %n changed zone(s).", nullptr, static_cast<int>(*saved)));
  m_document.reload();  // the 3D scene and the other panels read the saved layer
  updateActions();
  return true;
}

void EditController::onDocumentChanged() {
  if (!m_session) return;
  geo::Project* project = m_document.editableProject();
  if (!project || !project->layer(m_layer)) {
    stopEditing(true);
    return;
  }
  // The document reopened the file (save, import, another scenario): edit the new Project,
  // keeping unsaved changes of the same scenario.
  const auto pending = m_session->pendingChanges();
  auto session = EditSession::open(*project, m_layer, m_document.scenario());
  if (!session) {
    m_errors.report(tr("Cannot edit layer"), session.error());
    stopEditing(true);
    return;
  }
  if (m_document.scenario() == m_scenario) (*session)->apply(EditCommand{{}, pending});
  else {
    m_undo.clear();
    m_scenario = m_document.scenario();
  }
  m_session = std::move(*session);
  std::erase_if(m_selection, [this](std::int64_t id) { return !m_session->feature(id); });
  m_viewer.setOverlayPainter([this](QPainter& p) { paint(p); });
  updateActions();
  emit featuresChanged();
}

void EditController::setSelection(std::set<std::int64_t> ids) {
  m_selection = std::move(ids);
  updateActions();
  m_viewer.update();
  emit selectionChanged();
}

bool EditController::selectWhere(const QString& text) {
  if (!m_session) return false;
  m_lastWhere = text;
  auto where = parseWhere(text.toStdString());
  auto ids = where ? m_session->select(*where) : geo::Result<std::vector<std::int64_t>>(std::unexpected(where.error()));
  if (!ids) {
    message(QString::fromStdString(ids.error().message), true);
    return false;
  }
  setSelection({ids->begin(), ids->end()});
  message(tr("%n zone(s) selected", nullptr, static_cast<int>(ids->size())));
  return true;
}

void EditController::setTool(Tool tool) {
  m_tool = tool;
  m_sketch.clear();
  m_dragFrom.reset();
  for (auto& [t, a] : m_toolActions) a->setChecked(t == tool);
  m_viewer.update();
}

bool EditController::run(geo::Result<EditCommand> command) {
  if (!m_session) return false;
  if (!command) {
    message(describe(command.error()), true);
    return false;
  }
  if (command->changes.empty()) {
    message(tr("Nothing to change."));
    return false;
  }
  m_problems = m_session->validate(*command);
  if (!m_problems.empty() && m_refuseInvalid) {
    message(QString::fromStdString(m_problems.front().message), true);
    m_viewer.update();
    return false;
  }
  m_undo.push(new UndoableEdit(*this, std::move(*command)));  // push() applies it
  if (!m_problems.empty()) message(tr("Applied with problems: %1").arg(QString::fromStdString(m_problems.front().message)));
  return true;
}

void EditController::applyCommand(const EditCommand& command, bool forward) {
  if (!m_session) return;
  if (forward) m_session->apply(command);
  else m_session->revert(command);
  std::erase_if(m_selection, [this](std::int64_t id) { return !m_session->feature(id); });
  updateActions();
  m_viewer.update();
  emit featuresChanged();
}

// --- Pointer ---------------------------------------------------------------------------------

std::optional<geo::Point> EditController::projectPointAt(const QPoint& pos) const {
  auto local = m_viewer.pointUnder(pos);
  if (!local) return std::nullopt;
  return m_viewer.toProject(*local);
}

double EditController::metresPerPixel(const QPoint& pos) const {
  auto a = projectPointAt(pos);
  auto b = projectPointAt(pos + QPoint(10, 0));
  if (!a || !b) return 1.0;
  return std::hypot(a->x - b->x, a->y - b->y) / 10.0;
}

std::optional<geo::Point> EditController::snapped(const QPoint& pos) {
  auto p = projectPointAt(pos);
  m_snap.reset();
  if (!p) return p;
  const double tolerance = m_snapPixels * metresPerPixel(pos);
  std::vector<const geo::Geometry*> near;
  std::vector<geo::Feature> others;  // visible layers other than the edited one, around the pointer
  const geo::Extent box{p->x - tolerance, p->y - tolerance, p->x + tolerance, p->y + tolerance};
  if (m_session)
    for (auto id : m_session->featuresIn(box)) near.push_back(&m_session->feature(id)->geometry);
  if (const auto* project = m_document.project()) {
    geo::Query q;
    q.bbox = box;
    q.scenario = m_document.scenario();
    for (const auto& l : project->layers()) {
      if (l.name == m_layer || !m_document.isLayerVisible(l.name) || l.geometryType == geo::GeometryType::None) continue;
      (void)project->forEachFeature(l.name, q, [&](const geo::Feature& f) {
        others.push_back(f);
        return others.size() < 2000;
      });
    }
  }
  for (const auto& f : others) near.push_back(&f.geometry);
  geo::Geometry sketch;
  sketch.type = geo::GeometryType::MultiPoint;
  sketch.points = m_sketch;
  near.push_back(&sketch);
  m_snap = snapTo(*p, tolerance, near);
  return m_snap ? m_snap->point : *p;
}

bool EditController::eventFilter(QObject* watched, QEvent* event) {
  if (watched != &m_viewer || !m_session) return QObject::eventFilter(watched, event);
  switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove: return mouseEvent(event);
    case QEvent::KeyPress: return keyEvent(event);
    default: return QObject::eventFilter(watched, event);
  }
}

bool EditController::mouseEvent(QEvent* event) {
  auto* e = static_cast<QMouseEvent*>(event);
  const QPoint pos = e->position().toPoint();
  const bool left = e->button() == Qt::LeftButton || (event->type() == QEvent::MouseMove && (e->buttons() & Qt::LeftButton));
  if (event->type() == QEvent::MouseMove) {
    m_cursor = snapped(pos);
    m_viewer.update();
    // Let OSG pan/rotate with the other buttons; the left button belongs to the tool.
    return left;
  }
  if (!left) return false;  // middle/right buttons and the wheel navigate
  const auto at = snapped(pos);
  if (!at) return true;
  const double tolerance = m_snapPixels * metresPerPixel(pos);
  if (event->type() == QEvent::MouseButtonPress) {
    m_pressPos = pos;
    m_swallowRelease = false;
    if (m_tool == Tool::Vertex && !(e->modifiers() & Qt::ShiftModifier)) {
      // Start dragging the vertex under the pointer (exact position of the vertex, not the snap).
      std::optional<geo::Point> vertex;
      double best = tolerance * tolerance;
      const auto p = *projectPointAt(pos);
      for (auto id : m_session->featuresIn({p.x - tolerance, p.y - tolerance, p.x + tolerance, p.y + tolerance}))
        m_session->feature(id)->geometry.forEachPoint([&](const geo::Point& v) {
          const double d = (v.x - p.x) * (v.x - p.x) + (v.y - p.y) * (v.y - p.y);
          if (d <= best) best = d, vertex = v;
        });
      m_dragFrom = vertex;
    }
    if (m_tool == Tool::Select) m_boxFrom = pos;
    return true;
  }
  if (event->type() == QEvent::MouseButtonDblClick) {
    m_swallowRelease = true;
    if (m_tool == Tool::Vertex) run(m_session->insertVertex(*at, tolerance));
    else if (m_tool != Tool::Select) {
      // The double-click's point ends the sketch (a click's release may have added it already).
      if (m_sketch.empty() || std::hypot(m_sketch.back().x - at->x, m_sketch.back().y - at->y) > 1e-9) m_sketch.push_back(*at);
      finishSketch();
    }
    return true;
  }
  // Release.
  if (std::exchange(m_swallowRelease, false)) return true;
  const bool dragged = (pos - m_pressPos).manhattanLength() > 4;
  switch (m_tool) {
    case Tool::Select: {
      std::set<std::int64_t> picked;
      if (dragged && m_boxFrom) {
        auto a = projectPointAt(*m_boxFrom);
        auto b = projectPointAt(pos);
        if (a && b) {
          const geo::Extent box{std::min(a->x, b->x), std::min(a->y, b->y), std::max(a->x, b->x), std::max(a->y, b->y)};
          for (auto id : m_session->featuresIn(box)) picked.insert(id);
        }
      } else if (auto id = m_session->featureAt(*projectPointAt(pos))) {
        picked.insert(*id);
      }
      if (e->modifiers() & Qt::ControlModifier) {
        for (auto id : picked)
          if (!m_selection.erase(id)) m_selection.insert(id);
        picked = m_selection;
      }
      m_boxFrom.reset();
      setSelection(std::move(picked));
      break;
    }
    case Tool::Draw:
    case Tool::Hole:
    case Tool::Split:
      if (!m_sketch.empty() && std::hypot(m_sketch.back().x - at->x, m_sketch.back().y - at->y) < 1e-9) break;
      m_sketch.push_back(*at);  // a double-click's second release repeats the point: skipped above
      break;
    case Tool::Vertex:
      if (e->modifiers() & Qt::ShiftModifier) run(m_session->deleteVertex(*projectPointAt(pos), tolerance));
      else if (m_dragFrom && dragged) run(m_session->moveVertex(*m_dragFrom, *at, kTopologyTolerance));
      m_dragFrom.reset();
      break;
  }
  m_viewer.update();
  return true;
}

bool EditController::keyEvent(QEvent* event) {
  auto* e = static_cast<QKeyEvent*>(event);
  if ((e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) && !m_sketch.empty()) {
    finishSketch();
    return true;
  }
  if (e->key() == Qt::Key_Escape && (!m_sketch.empty() || m_dragFrom)) {
    m_sketch.clear();
    m_dragFrom.reset();
    m_viewer.update();
    return true;
  }
  if (e->key() == Qt::Key_Backspace && !m_sketch.empty()) {
    m_sketch.pop_back();
    m_viewer.update();
    return true;
  }
  return false;
}

void EditController::finishSketch() {
  std::vector<geo::Point> points = std::move(m_sketch);
  m_sketch.clear();
  if (m_tool == Tool::Draw) {
    if (points.size() < 3) return message(tr("A zone needs at least 3 points."), true);
    auto command = m_session->addFeature(geo::Polygon{points, {}});
    const std::int64_t id = command ? command->changes.front().after->id : 0;
    if (run(std::move(command))) setSelection({id});
  } else if (m_tool == Tool::Hole) {
    if (points.size() < 3) return message(tr("A hole needs at least 3 points."), true);
    std::optional<std::int64_t> target;
    if (m_selection.size() == 1) target = *m_selection.begin();
    else target = m_session->featureAt(points.front());
    if (!target) return message(tr("Draw the hole inside a zone (or select the zone first)."), true);
    run(m_session->addHole(*target, points));
  } else if (m_tool == Tool::Split) {
    if (points.size() < 2) return message(tr("A split line needs at least 2 points."), true);
    std::optional<std::int64_t> target;
    if (m_selection.size() == 1) target = *m_selection.begin();
    else target = m_session->featureAt({(points[0].x + points[1].x) / 2, (points[0].y + points[1].y) / 2, 0});
    if (!target) return message(tr("Select the zone to split first."), true);
    run(m_session->splitFeature(*target, points));
  }
  m_viewer.update();
}

// --- Drawing ---------------------------------------------------------------------------------

void EditController::paint(QPainter& painter) {
  if (!m_session) return;
  auto screen = [this](const geo::Point& p) {
    const double z = m_terrain ? m_terrain->heightAt(p.x, p.y).value_or(0.0) : 0.0;
    return m_viewer.project(m_viewer.toLocal({p.x, p.y, z}));
  };
  auto path = [&](const geo::Geometry& g) {
    QPainterPath out;
    out.setFillRule(Qt::OddEvenFill);
    auto ring = [&](const geo::Ring& r) {
      if (r.empty()) return;
      out.moveTo(screen(r.front()));
      for (std::size_t i = 1; i < r.size(); ++i) out.lineTo(screen(r[i]));
      out.closeSubpath();
    };
    for (const auto& p : g.polygons) {
      ring(p.outer);
      for (const auto& h : p.holes) ring(h);
    }
    return out;
  };
  const QRectF view(QPointF(-50, -50), QSizeF(m_viewer.width() + 100, m_viewer.height() + 100));
  const QColor zoneFill(255, 176, 59, 110), zoneLine(120, 70, 0), selectedFill(46, 134, 222, 150);
  for (const auto& [id, f] : m_session->features()) {
    const QPainterPath p = path(f.geometry);
    if (!p.boundingRect().intersects(view)) continue;
    const bool selected = m_selection.count(id) > 0;
    painter.setPen(QPen(selected ? QColor(10, 60, 140) : zoneLine, selected ? 2.5 : 1.2));
    painter.setBrush(selected ? selectedFill : zoneFill);
    painter.drawPath(p);
    if (selected || m_tool == Tool::Vertex) {
      painter.setBrush(Qt::white);
      painter.setPen(QPen(QColor(10, 60, 140), 1.2));
      f.geometry.forEachPoint([&](const geo::Point& v) {
        const QPointF s = screen(v);
        if (view.contains(s)) painter.drawRect(QRectF(s - QPointF(3, 3), QSizeF(6, 6)));
      });
    }
  }
  for (const auto& problem : m_problems) {  // refused or applied-with-problems: in red
    painter.setPen(QPen(QColor(220, 20, 20), 2));
    painter.setBrush(QColor(230, 30, 30, 160));
    if (!problem.where.polygons.empty()) painter.drawPath(path(problem.where));
    for (const auto& pt : problem.where.points) painter.drawEllipse(screen(pt), 6, 6);
  }
  // The sketch (new zone, hole, split line) with a rubber band to the pointer.
  if (!m_sketch.empty()) {
    painter.setPen(QPen(QColor(200, 0, 120), 2, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    QPolygonF line;
    for (const auto& p : m_sketch) line << screen(p);
    if (m_cursor) line << screen(*m_cursor);
    painter.drawPolyline(line);
    painter.setBrush(QColor(200, 0, 120));
    for (const auto& p : m_sketch) painter.drawEllipse(screen(p), 3.5, 3.5);
  }
  if (m_dragFrom && m_cursor) {
    painter.setPen(QPen(QColor(200, 0, 120), 2, Qt::DashLine));
    painter.drawLine(screen(*m_dragFrom), screen(*m_cursor));
  }
  // The snapping cue: a ring on a vertex, a cross on an edge.
  if (m_snap) {
    const QPointF s = screen(m_snap->point);
    painter.setPen(QPen(QColor(255, 0, 255), 2));
    painter.setBrush(Qt::NoBrush);
    if (m_snap->kind == Snap::Kind::Vertex) painter.drawEllipse(s, 8, 8);
    else {
      painter.drawLine(s + QPointF(-7, -7), s + QPointF(7, 7));
      painter.drawLine(s + QPointF(-7, 7), s + QPointF(7, -7));
    }
  }
}

}  // namespace dothi::app::gui
