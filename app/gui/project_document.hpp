#pragma once
/// The open project and its 3D scene, shared by the controllers. GUI thread only: geo::Project
/// is single-threaded, so workers open their own Project on the same file.
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <QObject>
#include <QString>

#include "dothi/geo/project.hpp"
#include "dothi/render/city_scene.hpp"

namespace dothi::app::gui {

class ErrorReporter;

class ProjectDocument : public QObject {
  Q_OBJECT

 public:
  /// `errors` (not owned) must outlive the document.
  explicit ProjectDocument(ErrorReporter& errors, QObject* parent = nullptr);
  ~ProjectDocument() override;

  /// Opens a project and builds its scene; on error reports it, keeps the current project and
  /// returns false. A `prebuilt` scene (built by a worker from the same file) is used as is.
  bool open(const QString& path, std::optional<render::CityScene> prebuilt = std::nullopt);
  /// Creates an empty project (the file must not exist) and opens it.
  bool create(const QString& path);
  /// Reopens the current file (after a worker changed it).
  bool reload(std::optional<render::CityScene> prebuilt = std::nullopt);
  void close();

  [[nodiscard]] bool isOpen() const { return m_project != nullptr; }
  [[nodiscard]] QString path() const { return m_path; }
  /// Null when no project is open. Owned by the document; valid until the next `changed`.
  [[nodiscard]] const geo::Project* project() const { return m_project.get(); }
  [[nodiscard]] const render::CityScene* scene() const { return m_scene ? &*m_scene : nullptr; }
  /// The same project, for editors that save into it (EditController). Null when none is open.
  [[nodiscard]] geo::Project* editableProject() { return m_project.get(); }

  /// The version of the plan shown: "" = the base plan, else a scenario's name.
  [[nodiscard]] const std::string& scenario() const { return m_scenario; }
  /// Shows another version of the plan (rebuilds the scene); false (reported) on error.
  bool setScenario(const std::string& scenario);

  /// Scene options for a rebuild: keeps the layers the user switched off.
  [[nodiscard]] render::SceneOptions sceneOptions() const;
  void setLayerVisible(const std::string& layer, bool visible);
  [[nodiscard]] bool isLayerVisible(const std::string& layer) const;

 signals:
  /// The project was opened, reloaded or closed; project() and scene() are new.
  void changed();
  /// One layer was shown or hidden.
  void layerVisibilityChanged(const QString& layer, bool visible);

 private:
  ErrorReporter& m_errors;
  QString m_path;
  std::unique_ptr<geo::Project> m_project;
  std::optional<render::CityScene> m_scene;
  std::set<std::string> m_hidden;
  std::string m_scenario;
};

}  // namespace dothi::app::gui
