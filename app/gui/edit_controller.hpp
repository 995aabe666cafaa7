#pragma once
/// The zoning editor in the view: tools (select, draw zone, add hole, vertex, split), snapping
/// with a visible cue, undo/redo (QUndoStack), validation as edits are made (refuse, or apply
/// and highlight), Save. It edits through app::EditSession and draws the layer being edited
/// as an overlay (the 3D scene shows it again after Save). GUI thread only.
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <QObject>
#include <QPoint>
#include <QUndoStack>

#include "core/edit_session.hpp"
#include "core/snapping.hpp"
#include "dothi/geo/terrain.hpp"

class QAction;
class QActionGroup;
class QMenu;
class QPainter;
class QStatusBar;
class QToolBar;

namespace dothi::app::gui {

class ErrorReporter;
class ProjectDocument;
class ViewerWidget;

class EditController : public QObject {
  Q_OBJECT

 public:
  enum class Tool { Select, Draw, Hole, Vertex, Split };

  EditController(ProjectDocument& document, ViewerWidget& viewer, ErrorReporter& errors, QStatusBar& status,
                 QObject* parent = nullptr);
  ~EditController() override;

  /// Adds the Edit menu's actions and the editing toolbar's tools.
  void populate(QMenu& menu, QToolBar& toolbar);

  /// Starts editing a polygon layer (adds the zoning fields to zoning layers); false on error.
  bool startEditing(const std::string& layer);
  /// Stops editing; with unsaved edits asks (unless `discard`), false when the user cancels.
  bool stopEditing(bool discard = false);
  /// Saves the edits (one transaction); false (reported) on error.
  bool save();
  /// Asks to save unsaved edits before the document changes; false when the user cancels.
  bool maySwitch();

  [[nodiscard]] bool isEditing() const { return m_session != nullptr; }
  [[nodiscard]] const EditSession* session() const { return m_session.get(); }
  [[nodiscard]] QUndoStack& undoStack() { return m_undo; }
  [[nodiscard]] const std::set<std::int64_t>& selection() const { return m_selection; }
  void setSelection(std::set<std::int64_t> ids);
  void setTool(Tool tool);
  /// Selects the zones matching a filter ("zoning_class = 'ODT' AND max_height >= 30").
  bool selectWhere(const QString& text);
  [[nodiscard]] Tool tool() const { return m_tool; }
  /// Refuse edits that create overlaps or self-intersections (true), or apply and highlight them.
  void setRefuseInvalid(bool refuse) { m_refuseInvalid = refuse; }
  /// Snapping tolerance in screen pixels.
  void setSnapPixels(int pixels) { m_snapPixels = pixels; }
  /// Builds, checks and (if accepted) pushes an edit on the undo stack; false when refused.
  bool run(geo::Result<EditCommand> command);
  /// The problems of the last edit (refused, or applied and highlighted).
  [[nodiscard]] const std::vector<EditProblem>& problems() const { return m_problems; }

  /// Called by the undo commands: apply or revert on the current session, then redraw.
  void applyCommand(const EditCommand& command, bool forward);

 signals:
  void editingChanged(bool editing);
  void selectionChanged();
  /// The working copy changed (an edit, undo, redo, save).
  void featuresChanged();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  bool mouseEvent(QEvent* event);
  bool keyEvent(QEvent* event);
  void finishSketch();
  void paint(QPainter& painter);
  void onDocumentChanged();
  [[nodiscard]] std::optional<geo::Point> projectPointAt(const QPoint& pos) const;
  /// The pointer position snapped to visible layers (and the sketch's own points).
  [[nodiscard]] std::optional<geo::Point> snapped(const QPoint& pos);
  [[nodiscard]] double metresPerPixel(const QPoint& pos) const;
  void updateActions();
  void message(const QString& text, bool error = false);

  ProjectDocument& m_document;
  ViewerWidget& m_viewer;
  ErrorReporter& m_errors;
  QStatusBar& m_status;
  QUndoStack m_undo;
  std::unique_ptr<EditSession> m_session;
  std::string m_layer;
  std::string m_scenario;
  bool m_layerWasVisible = true;
  Tool m_tool = Tool::Select;
  std::set<std::int64_t> m_selection;
  std::vector<geo::Point> m_sketch;         ///< points of the zone, hole or split line being drawn
  std::optional<Snap> m_snap;               ///< the snap under the pointer (drawn as the cue)
  std::optional<geo::Point> m_cursor;       ///< the pointer in project coordinates
  std::optional<geo::Point> m_dragFrom;     ///< vertex being dragged
  std::optional<QPoint> m_boxFrom;          ///< rubber-band selection start (widget pixels)
  QPoint m_pressPos;
  bool m_swallowRelease = false;  ///< the release that ends a double-click adds no point
  bool m_refuseInvalid = true;
  int m_snapPixels = 10;
  std::vector<EditProblem> m_problems;
  std::optional<geo::TerrainGrid> m_terrain;  ///< the overlay is drawn on the ground, DEM included
  std::optional<std::int64_t> m_copiedFrom;  ///< Copy attributes source
  // Actions (owned by this object through Qt parenting).
  QAction* m_startAction = nullptr;
  QAction* m_saveAction = nullptr;
  QAction* m_mergeAction = nullptr;
  QAction* m_selectWhereAction = nullptr;
  QString m_lastWhere;
  QAction* m_deleteAction = nullptr;
  QAction* m_copyAction = nullptr;
  QAction* m_pasteAction = nullptr;
  QAction* m_refuseAction = nullptr;
  QActionGroup* m_tools = nullptr;
  std::vector<std::pair<Tool, QAction*>> m_toolActions;
};

}  // namespace dothi::app::gui
