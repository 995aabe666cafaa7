#pragma once
/// The attribute form of the zones being edited: zoning class from the land-use code list,
/// max height, floors, FAR, coverage, setbacks, green ratio, notes; typed widgets with the
/// domains of app::zoningFields(). Apply changes the selected zones as one undoable edit.
#include <map>
#include <set>
#include <string>

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace dothi::app::gui {

class EditController;

class ZoneForm : public QWidget {
  Q_OBJECT

 public:
  explicit ZoneForm(EditController& editor, QWidget* parent = nullptr);

  /// Sets a field's widget as a user would (tests, scripted demos): "max_height" → "45".
  void setFieldText(const std::string& field, const QString& text);
  /// Applies the fields the user changed to the selected zones; false when refused.
  bool apply();

 private:
  void refresh();  ///< shows the selected zones' values
  void markChanged(const std::string& field);

  EditController& m_editor;
  QLabel* m_title = nullptr;
  QComboBox* m_class = nullptr;
  std::map<std::string, QWidget*> m_widgets;
  std::set<std::string> m_changed;
  QPushButton* m_apply = nullptr;
  bool m_loading = false;
};

}  // namespace dothi::app::gui
