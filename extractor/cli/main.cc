// khabar: extracts organizations, places, dates, persons and roles from
// Arabic news articles. This file only dispatches to the subcommands.
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/eval_command.h"

namespace {

constexpr char kUsage[] =
    "Usage: khabar COMMAND [options]\n\n"
    "Commands:\n"
    "  extract [INPUT...]   articles in, one JSON record per article out (default command)\n"
    "  eval --gold GOLD [PRED.jsonl | INPUT...]   precision, recall and F1 against gold annotations\n"
    "  check                compile all rule and gazetteer data and run every rule example\n"
    "  explain TEXT         show normalization, tokens, every rule and gazetteer hit, final entities\n\n"
    "Run 'khabar COMMAND --help' for the options of a command.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace khabar::cli;
  if (argc >= 2) {
    std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (command == "--version") {
      std::cout << "khabar 0.1.0\n";
      return kExitOk;
    }
    if (command == "extract") return RunExtractCommand(argc - 1, argv + 1);
    if (command == "check") return RunCheckCommand(argc - 1, argv + 1);
    if (command == "explain") return RunExplainCommand(argc - 1, argv + 1);
    if (command == "eval") return RunEvalCommand(argc - 1, argv + 1);
    std::error_code ec;
    if (command[0] != '-' && !std::filesystem::exists(command, ec)) {
      std::cerr << "khabar: unknown command '" << command << "'\n\n" << kUsage;
      return kExitUsage;
    }
  }
  // Default command: extract, with argv[0] standing in for the subcommand.
  return RunExtractCommand(argc, argv);
}
