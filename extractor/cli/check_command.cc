#include <iostream>

#include <boost/program_options.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "khabar/check.h"

namespace khabar::cli {
namespace po = boost::program_options;

int RunCheckCommand(int argc, char** argv) {
  po::options_description visible(
      "Usage: khabar check [--rules DIR] [--gazetteers DIR]\n\n"
      "Compiles all rule and gazetteer data and runs every rule example and\n"
      "counter-example. Exits 0 when all pass, 2 on any error.\n\nOptions");
  std::string rules_dir, gazetteers_dir;
  visible.add_options()
      ("help,h", "show this help")
      ("rules", po::value(&rules_dir), "check rules in DIR instead of the built-in ones")
      ("gazetteers", po::value(&gazetteers_dir), "check gazetteers in DIR instead of the built-in ones");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(visible).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "khabar check: " << e.what() << "\nTry 'khabar check --help'.\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return kExitOk;
  }
  std::unique_ptr<Pipeline> pipeline = LoadPipeline(rules_dir, gazetteers_dir);
  if (!pipeline) return kExitUsage;
  CheckReport report = CheckRuleExamples(*pipeline);
  for (const std::string& f : report.failures) std::cerr << f << "\n";
  std::cout << pipeline->rules().rules().size() << " rules, " << report.examples << " examples, "
            << report.counter_examples << " counter-examples, " << pipeline->gazetteer().size()
            << " gazetteer names: " << (report.failures.empty() ? "OK" : "FAILED") << " ("
            << report.failures.size() << " failures)\n";
  return report.failures.empty() ? kExitOk : kExitUsage;
}

}  // namespace khabar::cli
