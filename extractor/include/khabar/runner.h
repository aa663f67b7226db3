// Runner: drives a Pipeline over an ArticleReader with N worker threads and
// hands records to a sink in input order, so output is identical for any N.
//
// Articles are processed in batches (bounded in count and bytes); while the
// workers process one batch, the calling thread hands the previous batch's
// records to the sink and reads the next batch. At most three batches are in
// memory, so memory stays flat whatever the input size.
#ifndef KHABAR_RUNNER_H_
#define KHABAR_RUNNER_H_

#include <cstddef>
#include <functional>
#include <string>

#include "khabar/pipeline.h"
#include "khabar/reader.h"

namespace khabar {

struct RunOptions {
  int threads = 1;
  size_t batch_articles = 256;
  size_t batch_bytes = 4 << 20;
  ProcessOptions process;
};

struct RunStats {
  size_t articles = 0;
  size_t articles_with_errors = 0;
  size_t file_errors = 0;
  size_t bytes = 0;
  bool stopped = false;  // the sink asked to stop
};

// `sink` gets each record in input order and returns false to stop the run
// (e.g. a closed output pipe). `on_file_error` gets reader file errors.
RunStats RunPipeline(const Pipeline& pipeline, ArticleReader* reader, const RunOptions& options,
                     const std::function<bool(const Record&)>& sink,
                     const std::function<void(const std::string&)>& on_file_error);

}  // namespace khabar

#endif  // KHABAR_RUNNER_H_
