#include "cli/common.h"

#include <iostream>
#include <thread>

namespace khabar::cli {

std::unique_ptr<Pipeline> LoadPipeline(const std::string& rules_dir, const std::string& gazetteers_dir) {
  std::vector<DataFile> rules = DefaultRuleFiles();
  std::vector<DataFile> gazetteers = DefaultGazetteerFiles();
  if (!rules_dir.empty()) {
    auto r = ReadDataDir(rules_dir, ".yaml");
    if (!r.ok()) {
      std::cerr << "khabar: " << r.status().message() << "\n";
      return nullptr;
    }
    rules = std::move(r.value());
  }
  if (!gazetteers_dir.empty()) {
    auto g = ReadDataDir(gazetteers_dir, ".tsv");
    if (!g.ok()) {
      std::cerr << "khabar: " << g.status().message() << "\n";
      return nullptr;
    }
    gazetteers = std::move(g.value());
  }
  auto pipeline = Pipeline::Create(rules, gazetteers);
  if (!pipeline.ok()) {
    std::cerr << "khabar: data error: " << pipeline.status().message() << "\n";
    return nullptr;
  }
  return std::move(pipeline.value());
}

int DefaultThreads() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace khabar::cli
