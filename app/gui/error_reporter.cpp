#include "gui/error_reporter.hpp"

#include <QMessageBox>

namespace dothi::app::gui {

ErrorReporter::ErrorReporter(QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_parent(dialogParent) {}

void ErrorReporter::report(const QString& title, const QString& message) {
  m_last = message;
  ++m_count;
  emit reported(title, message);
  qWarning("%s: %s", qPrintable(title), qPrintable(message));
  if (m_dialogs) QMessageBox::critical(m_parent, title, message);
}

void ErrorReporter::report(const QString& title, const geo::Error& error) {
  report(title, QString::fromStdString(error.describe()));
}

}  // namespace dothi::app::gui
