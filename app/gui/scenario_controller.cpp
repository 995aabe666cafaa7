#include "gui/scenario_controller.hpp"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <fstream>

#include "core/geometry_text.hpp"
#include "core/scenario_diff.hpp"
#include "gui/edit_controller.hpp"
#include "gui/error_reporter.hpp"
#include "gui/project_document.hpp"

namespace dothi::app::gui {

ScenarioController::ScenarioController(ProjectDocument& document, EditController& editor, ErrorReporter& errors,
                                       QWidget& window, QObject* parent)
    : QObject(parent), m_document(document), m_editor(editor), m_errors(errors), m_window(window) {
  connect(&m_document, &ProjectDocument::changed, this, &ScenarioController::refresh);
}

QString ScenarioController::current() const { return QString::fromStdString(m_document.scenario()); }

void ScenarioController::populate(QMenu& menu, QToolBar& toolbar) {
  toolbar.addWidget(new QLabel(tr("Plan: "), &toolbar));
  m_box = new QComboBox(&toolbar);
  m_box->setObjectName(QStringLiteral("scenarioBox"));
  m_box->setMinimumContentsLength(16);
  m_box->setToolTip(tr("The version of the plan shown and edited: the base plan or a scenario"));
  toolbar.addWidget(m_box);
  connect(m_box, &QComboBox::activated, this, [this](int index) {
    if (!switchTo(m_box->itemData(index).toString())) refresh();
  });
  menu.addAction(tr("&New scenario…"), this, [this] {
    bool ok = false;
    const QString name = QInputDialog::getText(&m_window, tr("New scenario"), tr("Name of the scenario (a copy of the base plan):"),
                                               QLineEdit::Normal, {}, &ok);
    if (ok && !name.isEmpty()) create(name);
  });
  menu.addAction(tr("&Duplicate scenario…"), this, [this] {
    bool ok = false;
    const QString name = QInputDialog::getText(&m_window, tr("Duplicate scenario"), tr("Name of the copy of %1:").arg(current().isEmpty() ? tr("the base plan") : current()),
                                               QLineEdit::Normal, current() + tr(" (copy)"), &ok);
    if (ok && !name.isEmpty()) create(name, current());
  });
  menu.addAction(tr("&Rename scenario…"), this, [this] {
    if (current().isEmpty()) return;
    bool ok = false;
    const QString name = QInputDialog::getText(&m_window, tr("Rename scenario"), tr("New name:"), QLineEdit::Normal, current(), &ok);
    if (!ok || name.isEmpty() || !m_editor.maySwitch()) return;
    auto* project = m_document.editableProject();
    if (auto r = project->renameScenario(current().toStdString(), name.toStdString()); !r) return m_errors.report(tr("Cannot rename the scenario"), r.error());
    m_document.setScenario(name.toStdString());
    m_document.reload();
  });
  menu.addAction(tr("De&lete scenario"), this, [this] {
    if (current().isEmpty() || !m_editor.maySwitch()) return;
    if (QMessageBox::question(&m_window, tr("Delete scenario"), tr("Delete scenario %1? The base plan is not changed.").arg(current())) != QMessageBox::Yes) return;
    const std::string name = current().toStdString();
    m_editor.stopEditing(true);
    m_document.setScenario({});
    if (auto r = m_document.editableProject()->deleteScenario(name); !r) return m_errors.report(tr("Cannot delete the scenario"), r.error());
    m_document.reload();
  });
  menu.addSeparator();
  menu.addAction(tr("&Compare with…"), this, [this] { compare(); });
  menu.addAction(tr("&Promote to base plan"), this, [this] {
    if (current().isEmpty() || !m_editor.maySwitch()) return;
    if (QMessageBox::question(&m_window, tr("Promote scenario"), tr("Make scenario %1 the base plan? Its changes are written into the base plan and the scenario is removed.").arg(current())) != QMessageBox::Yes) return;
    const std::string name = current().toStdString();
    m_editor.stopEditing(true);
    m_document.setScenario({});
    auto n = m_document.editableProject()->promoteScenario(name, {});
    if (!n) return m_errors.report(tr("Cannot promote the scenario"), n.error());
    m_document.reload();
  });
  menu.addSeparator();
  menu.addAction(tr("Edit &log…"), this, [this] { showEditLog(); });
  refresh();
}

void ScenarioController::refresh() {
  if (!m_box) return;
  m_refreshing = true;
  m_box->clear();
  m_box->addItem(tr("Base plan"), QString());
  if (const auto* p = m_document.project())
    for (const auto& s : p->scenarios())
      m_box->addItem(QString::fromStdString(s.name), QString::fromStdString(s.name));
  m_box->setCurrentIndex(std::max(0, m_box->findData(current())));
  m_box->setEnabled(m_document.isOpen());
  m_refreshing = false;
}

bool ScenarioController::switchTo(const QString& scenario) {
  if (scenario == current()) return true;
  if (!m_editor.maySwitch()) return false;
  return m_document.setScenario(scenario.toStdString());
}

bool ScenarioController::create(const QString& name, const QString& from) {
  auto* project = m_document.editableProject();
  if (!project || !m_editor.maySwitch()) return false;
  if (auto r = project->createScenario(name.toStdString(), {}, from.toStdString()); !r) {
    m_errors.report(tr("Cannot create the scenario"), r.error());
    return false;
  }
  m_document.setScenario(name.toStdString());
  refresh();
  return true;
}

void ScenarioController::compare() {
  const auto* project = m_document.project();
  if (!project) return;
  QStringList versions = {tr("Base plan")};
  for (const auto& s : project->scenarios()) versions << QString::fromStdString(s.name);
  bool ok = false;
  const QString other = QInputDialog::getItem(&m_window, tr("Compare"), tr("Compare %1 with:").arg(current().isEmpty() ? tr("the base plan") : current()), versions, 0, false, &ok);
  if (!ok) return;
  const std::string b = other == tr("Base plan") ? std::string("base") : other.toStdString();
  auto diff = diffScenarios(*project, current().isEmpty() ? "base" : current().toStdString(), b);
  if (!diff) return m_errors.report(tr("Cannot compare"), diff.error());
  QDialog dialog(&m_window);
  dialog.setWindowTitle(tr("Differences: %1 → %2").arg(current().isEmpty() ? tr("Base plan") : current(), other));
  auto* layout = new QVBoxLayout(&dialog);
  auto* table = new QTableWidget(static_cast<int>(diff->size()), 4, &dialog);
  table->setHorizontalHeaderLabels({tr("Layer"), tr("Zone"), tr("Change"), tr("What changed")});
  for (int i = 0; i < static_cast<int>(diff->size()); ++i) {
    const auto& d = (*diff)[static_cast<std::size_t>(i)];
    const QString change = d.kind == "added" ? tr("added") : d.kind == "removed" ? tr("removed") : tr("changed");
    table->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(d.layer)));
    table->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(d.key)));
    table->setItem(i, 2, new QTableWidgetItem(change));
    table->setItem(i, 3, new QTableWidgetItem(QString::fromStdString(d.describe())));
  }
  table->horizontalHeader()->setStretchLastSection(true);
  layout->addWidget(new QLabel(tr("%n zone(s) differ.", nullptr, static_cast<int>(diff->size())), &dialog));
  layout->addWidget(table);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  layout->addWidget(buttons);
  dialog.resize(720, 420);
  dialog.exec();
}

void ScenarioController::showEditLog() {
  const auto* project = m_document.project();
  if (!project) return;
  auto log = project->editLog({});
  if (!log) return m_errors.report(tr("Cannot read the edit log"), log.error());
  QDialog dialog(&m_window);
  dialog.setWindowTitle(tr("Edit log"));
  auto* layout = new QVBoxLayout(&dialog);
  auto* table = new QTableWidget(static_cast<int>(log->size()), 6, &dialog);
  table->setHorizontalHeaderLabels({tr("Time (UTC)"), tr("User"), tr("Layer"), tr("Plan"), tr("Feature id"), tr("Action")});
  for (int i = 0; i < static_cast<int>(log->size()); ++i) {
    const auto& e = (*log)[static_cast<std::size_t>(i)];
    const QStringList cells = {QString::fromStdString(e.time), QString::fromStdString(e.user), QString::fromStdString(e.layer),
                               e.scenario.empty() ? tr("Base plan") : QString::fromStdString(e.scenario),
                               QString::number(e.featureId), QString::fromStdString(e.action)};
    for (int c = 0; c < cells.size(); ++c) table->setItem(i, c, new QTableWidgetItem(cells[c]));
  }
  table->horizontalHeader()->setStretchLastSection(true);
  layout->addWidget(table);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
  auto* exportButton = buttons->addButton(tr("&Export CSV…"), QDialogButtonBox::ActionRole);
  connect(exportButton, &QPushButton::clicked, &dialog, [&] {
    const QString path = QFileDialog::getSaveFileName(&dialog, tr("Export edit log"), QStringLiteral("edit-log.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    std::ofstream out(path.toStdString());
    if (!out) return m_errors.report(tr("Cannot export the edit log"), tr("%1 cannot be written.").arg(path));
    out << "id,time,user,layer,scenario,fid,action,before_attributes,after_attributes,before_wkt,after_wkt\n";
    for (const auto& e : *log)
      out << e.id << "," << e.time << "," << csvField(e.user) << "," << csvField(e.layer) << "," << csvField(e.scenario) << ","
          << e.featureId << "," << csvField(e.action) << "," << csvField(e.beforeAttributes) << "," << csvField(e.afterAttributes)
          << "," << csvField(e.beforeGeometry ? geometryToWkt(*e.beforeGeometry) : "") << ","
          << csvField(e.afterGeometry ? geometryToWkt(*e.afterGeometry) : "") << "\n";
  });
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  layout->addWidget(buttons);
  dialog.resize(800, 420);
  dialog.exec();
}

}  // namespace dothi::app::gui
