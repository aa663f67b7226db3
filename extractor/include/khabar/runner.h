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
  // When set, the workers also turn each record into its output text (a
  // JSON line, say), so that the calling thread only reads and writes.
  std::function<void(const Record&, std::string*)> format;
};

// Gets each record in input order with its text from RunOptions::format
// (empty without one); returns false to stop the run (e.g. a closed pipe).
using RecordSink = std::function<bool(const Record& record, const std::string& formatted)>;

struct RunStats {
  size_t articles = 0;
  size_t articles_with_errors = 0;
  size_t file_errors = 0;
  size_t bytes = 0;
  bool stopped = false;  // the sink asked to stop
};

// `on_file_error` gets reader file errors.
RunStats RunPipeline(const Pipeline& pipeline, ArticleReader* reader, const RunOptions& options,
                     const RecordSink& sink, const std::function<void(const std::string&)>& on_file_error);

}  // namespace khabar

#endif  // KHABAR_RUNNER_H_
