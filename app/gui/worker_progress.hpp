#pragma once
/// Shows a worker's progress in a modal QProgressDialog (import, validate, diff). The worker's
/// state holds `cancel`, `permille`, `mutex` and `message` (set under the mutex).
#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include <memory>
#include <mutex>

namespace dothi::app::gui {

/// Called from a QTimer on the GUI thread. A modal QProgressDialog::setValue processes events:
/// the worker's end may reset the controller's state meanwhile, so this holds its own reference
/// (`state` by value) for the whole call and checks the dialog again after setValue.
template <class State>
void showWorkerProgress(std::shared_ptr<State> state, const QPointer<QProgressDialog>& progress) {
  if (!state || !progress || state->cancel) return;
  progress->setValue(state->permille);
  const std::lock_guard lock(state->mutex);
  if (progress && !state->message.empty()) progress->setLabelText(QString::fromStdString(state->message));
}

}  // namespace dothi::app::gui
