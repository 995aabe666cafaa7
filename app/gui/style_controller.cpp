#include "gui/style_controller.hpp"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QWidget>

#include "core/style_layer.hpp"
#include "dothi/geo/style.hpp"
#include "gui/error_reporter.hpp"
#include "gui/project_document.hpp"

namespace dothi::app::gui {

namespace {

/// The dialog's widgets; fields follow the chosen layer.
struct StyleForm {
  QComboBox* layer;
  QComboBox* field;
  QComboBox* mode;
  QSpinBox* classes;
  QComboBox* ramp;
  QComboBox* label;
  QComboBox* roof;
};

void fillFields(const geo::Project& project, const StyleForm& form) {
  form.field->clear();
  form.label->clear();
  form.field->addItem(QObject::tr("(keep the colours)"), QString());
  form.label->addItem(QObject::tr("(no labels)"), QString());
  const auto info = project.layer(form.layer->currentData().toString().toStdString());
  if (!info) return;
  if (info->kind == geo::LayerKind::Buildings) form.field->addItem(QObject::tr("height (m)"), QStringLiteral("_height"));
  for (const auto& f : info->fields) {
    form.field->addItem(QString::fromStdString(f.name), QString::fromStdString(f.name));
    form.label->addItem(QString::fromStdString(f.name), QString::fromStdString(f.name));
  }
  // Start from what the layer has.
  const auto style = geo::parseLayerStyle(info->style).value_or(geo::LayerStyle{});
  if (const int i = form.field->findData(QString::fromStdString(style.field)); i >= 0) form.field->setCurrentIndex(i);
  if (const int i = form.label->findData(QString::fromStdString(style.labelField)); i >= 0) form.label->setCurrentIndex(i);
}

}  // namespace

StyleController::StyleController(ProjectDocument& document, ErrorReporter& errors, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_document(document), m_errors(errors), m_parent(dialogParent) {}

void StyleController::chooseAndStyle() {
  const geo::Project* project = m_document.project();
  if (project == nullptr || project->layers().empty()) return;
  QDialog dialog(m_parent);
  dialog.setWindowTitle(tr("Style layer"));
  auto* form = new QFormLayout(&dialog);
  StyleForm f{new QComboBox, new QComboBox, new QComboBox, new QSpinBox, new QComboBox, new QComboBox, new QComboBox};
  for (const auto& l : project->layers()) f.layer->addItem(QString::fromStdString(l.name), QString::fromStdString(l.name));
  f.mode->addItem(tr("Automatic (numbers: classes, text: categories)"), 0);
  f.mode->addItem(tr("Categories"), 1);
  f.mode->addItem(tr("Graduated classes"), 2);
  f.classes->setRange(2, 12);
  f.classes->setValue(5);
  f.ramp->addItem(tr("(default)"), QString());
  for (const auto& name : geo::rampNames()) f.ramp->addItem(QString::fromStdString(name), QString::fromStdString(name));
  f.roof->addItem(tr("(project default)"), QString());
  f.roof->addItem(tr("Flat"), QStringLiteral("flat"));
  f.roof->addItem(tr("Hipped"), QStringLiteral("hipped"));
  f.roof->addItem(tr("Gabled"), QStringLiteral("gabled"));
  f.roof->addItem(tr("Pyramidal"), QStringLiteral("pyramidal"));
  f.roof->addItem(tr("Automatic (hipped on houses)"), QStringLiteral("auto"));
  form->addRow(tr("Layer"), f.layer);
  form->addRow(tr("Colour by"), f.field);
  form->addRow(tr("Classification"), f.mode);
  form->addRow(tr("Classes"), f.classes);
  form->addRow(tr("Colour ramp"), f.ramp);
  form->addRow(tr("Labels"), f.label);
  form->addRow(tr("Default roof"), f.roof);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  connect(f.layer, &QComboBox::currentIndexChanged, &dialog, [project, f] { fillFields(*project, f); });
  fillFields(*project, f);
  if (dialog.exec() != QDialog::Accepted) return;

  StyleLayerOptions o;
  o.layer = f.layer->currentData().toString().toStdString();
  o.field = f.field->currentData().toString().toStdString();
  o.mode = static_cast<StyleLayerOptions::Mode>(f.mode->currentData().toInt());
  o.classes = f.classes->value();
  o.ramp = f.ramp->currentData().toString().toStdString();
  o.labelField = f.label->currentData().toString().toStdString();
  o.roof = f.roof->currentData().toString().toStdString();
  o.heights = m_document.sceneOptions().heights;
  // The document's project is read through; the style is written by a Project of our own.
  auto writable = geo::Project::open(m_document.path().toStdString());
  if (!writable) {
    m_errors.report(tr("Style layer"), writable.error());
    return;
  }
  auto styled = styleLayer(**writable, o);
  writable->reset();
  if (!styled) {
    m_errors.report(tr("Style layer"), styled.error());
    return;
  }
  m_document.reload();
  emit this->styled(QString::fromStdString(o.layer));
}

}  // namespace dothi::app::gui
