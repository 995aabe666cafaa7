#pragma once
/// Shows errors to the person at the keyboard (QMessageBox::critical) and remembers the last one
/// so tests and the --screenshot run can check what went wrong. GUI thread only.
#include <QObject>
#include <QPointer>
#include <QString>
#include <QWidget>

#include "dothi/geo/error.hpp"

namespace dothi::app::gui {

class ErrorReporter : public QObject {
  Q_OBJECT

 public:
  /// `dialogParent` (not owned) parents the message boxes.
  explicit ErrorReporter(QWidget* dialogParent, QObject* parent = nullptr);

  /// Emits `reported`, then shows a modal critical message box unless dialogs are off.
  void report(const QString& title, const QString& message);
  void report(const QString& title, const geo::Error& error);

  /// Off: errors are only recorded and signalled (used by the --screenshot batch run).
  void setDialogsEnabled(bool enabled) { m_dialogs = enabled; }
  [[nodiscard]] QString lastError() const { return m_last; }
  [[nodiscard]] int count() const { return m_count; }

 signals:
  void reported(const QString& title, const QString& message);

 private:
  QPointer<QWidget> m_parent;
  QString m_last;
  int m_count = 0;
  bool m_dialogs = true;
};

}  // namespace dothi::app::gui
