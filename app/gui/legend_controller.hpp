#pragma once
/// The legend over the 3D view (bottom-left corner): the thematic styles of the visible layers,
/// as the snapshots draw them (render::buildLegendOverlay), plus legends other controllers add
/// (the cadastre diff's change colours). Rebuilt when the project, a style, a layer's
/// visibility or the view's size changes. GUI thread only.
#include <map>
#include <string>
#include <vector>

#include <QObject>

#include "dothi/render/city_scene.hpp"

namespace dothi::app::gui {

class ProjectDocument;
class ViewerWidget;

class LegendController : public QObject {
  Q_OBJECT

 public:
  /// Neither argument is owned; both must outlive the controller.
  LegendController(ProjectDocument& document, ViewerWidget& viewer, QObject* parent = nullptr);

  /// Adds or replaces a legend shown after the layers' (an empty `legend.entries` removes it).
  void setExtraLegend(const std::string& key, render::Legend legend);
  /// The legends drawn now, in order (visible thematic layers, then the extras).
  [[nodiscard]] const std::vector<render::Legend>& shown() const { return m_shown; }

  /// Builds the overlay again for the current state.
  void refresh();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  ProjectDocument& m_document;
  ViewerWidget& m_viewer;
  std::map<std::string, render::Legend> m_extra;
  std::vector<render::Legend> m_shown;
};

}  // namespace dothi::app::gui
