#include "gui/project_document.hpp"

#include "gui/error_reporter.hpp"

namespace dothi::app::gui {

ProjectDocument::ProjectDocument(ErrorReporter& errors, QObject* parent)
    : QObject(parent), m_errors(errors) {}

ProjectDocument::~ProjectDocument() = default;

bool ProjectDocument::open(const QString& path, std::optional<render::CityScene> prebuilt) {
  auto project = geo::Project::open(path.toStdString());
  if (!project) {
    m_errors.report(tr("Cannot open project"), project.error());
    return false;
  }
  if (path != m_path) {
    m_hidden.clear();
    m_scenario.clear();
  }
  if (!m_scenario.empty() && !(*project)->scenario(m_scenario)) m_scenario.clear();  // deleted or promoted
  if (!prebuilt) {
    auto scene = render::buildCityScene(**project, sceneOptions());
    if (!scene) {
      m_errors.report(tr("Cannot display project"), scene.error());
      return false;
    }
    prebuilt = std::move(*scene);
  }
  m_project = std::move(*project);
  m_scene = std::move(prebuilt);
  m_path = path;
  emit changed();
  return true;
}

bool ProjectDocument::create(const QString& path) {
  auto project = geo::Project::create(path.toStdString());
  if (!project) {
    m_errors.report(tr("Cannot create project"), project.error());
    return false;
  }
  project->reset();  // close it: open() builds the (empty) scene the same way as for any file
  return open(path);
}

bool ProjectDocument::reload(std::optional<render::CityScene> prebuilt) {
  if (m_path.isEmpty()) return false;
  return open(m_path, std::move(prebuilt));
}

void ProjectDocument::close() {
  m_scene.reset();
  m_project.reset();
  m_path.clear();
  m_hidden.clear();
  m_scenario.clear();
  emit changed();
}

render::SceneOptions ProjectDocument::sceneOptions() const {
  render::SceneOptions options;
  options.hiddenLayers.assign(m_hidden.begin(), m_hidden.end());
  options.scenario = m_scenario;
  return options;
}

bool ProjectDocument::setScenario(const std::string& scenario) {
  if (scenario == m_scenario) return true;
  const std::string previous = m_scenario;
  m_scenario = scenario;
  if (!m_path.isEmpty() && !reload()) {
    m_scenario = previous;
    return false;
  }
  return true;
}

void ProjectDocument::setLayerVisible(const std::string& layer, bool visible) {
  if (visible == isLayerVisible(layer)) return;
  if (visible)
    m_hidden.erase(layer);
  else
    m_hidden.insert(layer);
  if (m_scene) m_scene->setLayerVisible(layer, visible);
  emit layerVisibilityChanged(QString::fromStdString(layer), visible);
}

bool ProjectDocument::isLayerVisible(const std::string& layer) const {
  return !m_hidden.contains(layer);
}

}  // namespace dothi::app::gui
