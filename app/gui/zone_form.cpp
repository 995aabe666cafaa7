#include "gui/zone_form.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/zoning_rules.hpp"
#include "gui/edit_controller.hpp"

namespace dothi::app::gui {

namespace {
QString label(const ZoningField& f) {
  // The labels of zoningFields(), translated here (the core stays free of Qt).
  static const std::map<std::string, const char*> names = {
      {"zoning_class", QT_TRANSLATE_NOOP("dothi::app::gui::ZoneForm", "Zoning class")},
      {"max_height", QT_TRANSLATE_NOOP("dothi::app::gui::ZoneForm", "Max height")},
      {"max_floors", QT_TRANSLATE_NOOP("dothi::app::gui::ZoneForm", "Max floors")},
      {"max_far", QT_TRANSLATE_NOOP("dothi::app::gui::ZoneForm", "Max FAR")},
      {"max_coverage", QT_TRANSLATE_NOOP("dothi::app::gui::ZoneForm", "Max site coverage")},
      {"setback_front", QT_TRANSLATE_NOOP("dothi::app::gui::ZoneForm", "Front setback")},
      {"setback_side", QT_TRANSLATE_NOOP("dothi::app::gui::ZoneForm", "Side setback")},
      {"setback_rear", QT_TRANSLATE_NOOP("dothi::app::gui::ZoneForm", "Rear setback")},
      {"min_green", QT_TRANSLATE_NOOP("dothi::app::gui::ZoneForm", "Min green ratio")},
      {"notes", QT_TRANSLATE_NOOP("dothi::app::gui::ZoneForm", "Notes")}};
  auto it = names.find(f.name);
  return it == names.end() ? QString::fromLatin1(f.name) : ZoneForm::tr(it->second);
}
}  // namespace

ZoneForm::ZoneForm(EditController& editor, QWidget* parent) : QWidget(parent), m_editor(editor) {
  auto* outer = new QVBoxLayout(this);
  m_title = new QLabel(this);
  m_title->setWordWrap(true);
  outer->addWidget(m_title);
  auto* form = new QFormLayout;
  outer->addLayout(form);
  const auto codes = landUseCodes();
  for (const auto& f : zoningFields()) {
    const std::string name = f.name;
    QWidget* w = nullptr;
    if (f.codeList) {
      m_class = new QComboBox(this);
      m_class->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);  // long names: no wide dock
      m_class->setMinimumContentsLength(14);
      m_class->addItem(tr("(none)"), QString());
      if (codes)
        for (const auto& c : codes->codes)
          m_class->addItem(QStringLiteral("%1 — %2 / %3").arg(QString::fromStdString(c.code), QString::fromStdString(c.nameVi),
                                                               QString::fromStdString(c.nameEn)),
                           QString::fromStdString(c.code));
      if (codes) m_class->setToolTip(QString::fromStdString(codes->source));
      connect(m_class, &QComboBox::currentIndexChanged, this, [this, name] { markChanged(name); });
      w = m_class;
    } else if (f.type == geo::FieldType::Text) {
      auto* edit = new QLineEdit(this);
      connect(edit, &QLineEdit::textEdited, this, [this, name] { markChanged(name); });
      w = edit;
    } else if (f.type == geo::FieldType::Integer) {
      auto* spin = new QSpinBox(this);
      spin->setRange(static_cast<int>(f.min) - 1, static_cast<int>(f.max));
      spin->setSpecialValueText(tr("—"));  // the minimum means "no rule" (null)
      connect(spin, &QSpinBox::valueChanged, this, [this, name] { markChanged(name); });
      w = spin;
    } else {
      auto* spin = new QDoubleSpinBox(this);
      spin->setDecimals(2);
      spin->setRange(f.min - 1, f.max);
      spin->setSpecialValueText(tr("—"));
      if (*f.unit) spin->setSuffix(QStringLiteral(" ") + QString::fromUtf8(f.unit));
      connect(spin, &QDoubleSpinBox::valueChanged, this, [this, name] { markChanged(name); });
      w = spin;
    }
    w->setObjectName(QString::fromStdString("zone_" + name));
    m_widgets[name] = w;
    form->addRow(label(f), w);
  }
  m_apply = new QPushButton(tr("&Apply to selected zones"), this);
  m_apply->setShortcut(QKeySequence(tr("Ctrl+Return")));
  connect(m_apply, &QPushButton::clicked, this, [this] { apply(); });
  outer->addWidget(m_apply);
  outer->addStretch();
  connect(&m_editor, &EditController::selectionChanged, this, &ZoneForm::refresh);
  connect(&m_editor, &EditController::featuresChanged, this, &ZoneForm::refresh);
  connect(&m_editor, &EditController::editingChanged, this, &ZoneForm::refresh);
  refresh();
}

void ZoneForm::markChanged(const std::string& field) {
  if (m_loading) return;
  m_changed.insert(field);
  m_apply->setEnabled(!m_editor.selection().empty());
}

void ZoneForm::refresh() {
  m_loading = true;
  m_changed.clear();
  const auto* session = m_editor.session();
  const auto& selection = m_editor.selection();
  setEnabled(session && !selection.empty());
  m_title->setText(!session ? tr("Start editing a zoning layer (Edit > Edit layer) to edit its zones.")
                   : selection.empty() ? tr("Select zones to see and edit their rules.")
                                       : tr("%n zone(s) selected", nullptr, static_cast<int>(selection.size())));
  for (const auto& f : zoningFields()) {
    QWidget* w = m_widgets[f.name];
    const auto column = session ? geo::fieldIndex(session->layer().fields, f.name) : std::nullopt;
    w->setEnabled(column.has_value());
    // One value when all selected zones agree, else empty (null).
    std::optional<geo::Value> shown;
    bool same = true;
    for (auto id : selection) {
      const auto* feature = session && column ? session->feature(id) : nullptr;
      const geo::Value v = feature && *column < feature->attributes.size() ? feature->attributes[*column] : geo::Value{};
      if (!shown) shown = v;
      else if (*shown != v) same = false;
    }
    const geo::Value v = same && shown ? *shown : geo::Value{};
    const auto number = geo::valueToNumber(v);
    if (auto* c = qobject_cast<QComboBox*>(w)) c->setCurrentIndex(std::max(0, c->findData(QString::fromStdString(geo::valueToString(v)))));
    else if (auto* e = qobject_cast<QLineEdit*>(w)) e->setText(QString::fromStdString(geo::valueToString(v)));
    else if (auto* s = qobject_cast<QSpinBox*>(w)) s->setValue(number ? static_cast<int>(*number) : s->minimum());
    else if (auto* d = qobject_cast<QDoubleSpinBox*>(w)) d->setValue(number ? *number : d->minimum());
  }
  m_apply->setEnabled(false);
  m_loading = false;
}

void ZoneForm::setFieldText(const std::string& field, const QString& text) {
  QWidget* w = m_widgets.count(field) ? m_widgets[field] : nullptr;
  if (!w) return;
  if (auto* c = qobject_cast<QComboBox*>(w)) c->setCurrentIndex(std::max(0, c->findData(text)));
  else if (auto* e = qobject_cast<QLineEdit*>(w)) e->setText(text), markChanged(field);
  else if (auto* s = qobject_cast<QSpinBox*>(w)) s->setValue(text.toInt());
  else if (auto* d = qobject_cast<QDoubleSpinBox*>(w)) d->setValue(text.toDouble());
}

bool ZoneForm::apply() {
  const auto* session = m_editor.session();
  if (!session || m_changed.empty()) return false;
  std::vector<std::pair<std::string, geo::Value>> values;
  for (const auto& name : m_changed) {
    QWidget* w = m_widgets[name];
    geo::Value v;
    if (auto* c = qobject_cast<QComboBox*>(w)) {
      if (!c->currentData().toString().isEmpty()) v = c->currentData().toString().toStdString();
    } else if (auto* e = qobject_cast<QLineEdit*>(w)) {
      if (!e->text().isEmpty()) v = e->text().toStdString();
    } else if (auto* s = qobject_cast<QSpinBox*>(w)) {
      if (s->value() != s->minimum()) v = std::int64_t{s->value()};
    } else if (auto* d = qobject_cast<QDoubleSpinBox*>(w)) {
      if (d->value() != d->minimum()) v = d->value();
    }
    values.push_back({name, v});
  }
  const auto& selection = m_editor.selection();
  return m_editor.run(session->setAttributes({selection.begin(), selection.end()}, values));
}

}  // namespace dothi::app::gui
