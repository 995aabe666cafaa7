// dothi-cli: the headless shell over app/core. Every command that reports figures has --json;
// the exit code is 0 only on success (see commands.hpp for the codes).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <vector>

#include "cli_command.hpp"

namespace {

/// OSG needs an X display to render; without one, run this very command again under xvfb-run.
void reexecUnderXvfbIfNeeded(int argc, char** argv) {
  const char* display = std::getenv("DISPLAY");
  if ((display && *display) || std::getenv("DOTHI_NO_XVFB")) return;
  setenv("DOTHI_NO_XVFB", "1", 1);  // never loop
  std::vector<char*> args = {const_cast<char*>("xvfb-run"), const_cast<char*>("-a"), const_cast<char*>("-s"),
                             const_cast<char*>("-screen 0 1920x1080x24")};
  for (int i = 0; i < argc; ++i) args.push_back(argv[i]);
  args.push_back(nullptr);
  execvp("xvfb-run", args.data());
  // Not installed: carry on; rendering will report that there is no display.
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dothi::cli;
  CLI::App app{"dothi-cli: DoThi's headless command line (import, info, export, render, indicators, bench)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dothi-cli 0.1.0");
  CommandList commands;
  addCoreCommands(app, commands);
  addBenchCommands(app, commands);
  addRenderBenchCommands(app, commands);
  addStyleCommands(app, commands);
  addAnalysisCommands(app, commands);
  addEditCommands(app, commands);
  addFeedCommands(app, commands);

  CLI11_PARSE(app, argc, argv);
  for (const auto& c : commands) {
    if (!c.subcommand->parsed()) continue;
    if (c.needsDisplay) reexecUnderXvfbIfNeeded(argc, argv);
    return c.run();
  }
  return 2;
}
