#pragma once
// How dothi-cli commands plug into main.cpp: each command file adds its CLI11 subcommands and
// the function that runs them. main.cpp calls one add...Commands() per file.
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <vector>

namespace dothi::cli {

struct CliCommand {
  CLI::App* subcommand = nullptr;
  std::function<int()> run;   ///< returns the exit code
  bool needsDisplay = false;  ///< OSG rendering: re-run under xvfb-run when there is no display
};

using CommandList = std::vector<CliCommand>;

/// import, info, export, render, indicators (commands.cpp).
void addCoreCommands(CLI::App& app, CommandList& commands);
/// bench import (and later benchmarks) (bench_commands.cpp).
void addBenchCommands(CLI::App& app, CommandList& commands);
/// style: thematic styles, labels, default roofs (style_commands.cpp).
void addStyleCommands(CLI::App& app, CommandList& commands);
/// bench render: the city-scale rendering benchmark (render_bench_commands.cpp; after addBenchCommands).
void addRenderBenchCommands(CLI::App& app, CommandList& commands);
/// validate, parcel, diff, query, bench validate: parcel review (validate_commands.cpp).
void addAnalysisCommands(CLI::App& app, CommandList& commands);
/// edit, scenario list|create|delete|rename|diff|promote, editlog: the zoning editor (edit_commands.cpp).
void addEditCommands(CLI::App& app, CommandList& commands);
/// feed, feed-list, feed-show, feed-plugins: live feeds (feed_commands.cpp).
void addFeedCommands(CLI::App& app, CommandList& commands);

}  // namespace dothi::cli
