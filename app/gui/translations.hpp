#pragma once
/// Loads the user-interface translation embedded at :/i18n (dothi_<lang>.qm) and Qt's own.
#include <QString>

class QCoreApplication;

namespace dothi::app::gui {

/// Installs the translators for `language` ("vi", "vi_VN"; empty: the system locale).
/// Returns false when DoThi has no translation for it (English is used).
bool installTranslators(QCoreApplication& app, QString language);

}  // namespace dothi::app::gui
