// Helpers shared by the khabar subcommands: loading the pipeline from the
// default or given data, and the options every command accepts.
#ifndef KHABAR_CLI_COMMON_H_
#define KHABAR_CLI_COMMON_H_

#include <memory>
#include <string>

#include "khabar/pipeline.h"

namespace khabar::cli {

// Exit codes (README): 0 clean, 1 finished with article or file errors,
// 2 usage or data error.
constexpr int kExitOk = 0;
constexpr int kExitArticleErrors = 1;
constexpr int kExitUsage = 2;

// Loads the default data, or the files in `rules_dir` / `gazetteers_dir` when
// non-empty. On error prints the message to stderr and returns nullptr.
std::unique_ptr<Pipeline> LoadPipeline(const std::string& rules_dir,
                                       const std::string& gazetteers_dir);

// Number of worker threads for --threads 0 (all cores).
int DefaultThreads();

}  // namespace khabar::cli

#endif  // KHABAR_CLI_COMMON_H_
