#include "khabar/runner.h"

#include <atomic>
#include <thread>
#include <vector>

namespace khabar {
namespace {

// Reads up to one batch; returns false when nothing was read.
bool ReadBatch(ArticleReader* reader, const RunOptions& options, std::vector<Article>* batch,
               const std::function<void(const std::string&)>& on_file_error, RunStats* stats) {
  batch->clear();
  size_t bytes = 0;
  Article article;
  while (batch->size() < options.batch_articles && bytes < options.batch_bytes && reader->Next(&article)) {
    for (const std::string& e : reader->TakeFileErrors()) {
      on_file_error(e);
      ++stats->file_errors;
    }
    bytes += article.text.size();
    batch->push_back(std::move(article));
  }
  for (const std::string& e : reader->TakeFileErrors()) {
    on_file_error(e);
    ++stats->file_errors;
  }
  stats->bytes += bytes;
  return !batch->empty();
}

}  // namespace

RunStats RunPipeline(const Pipeline& pipeline, ArticleReader* reader, const RunOptions& options,
                     const RecordSink& sink, const std::function<void(const std::string&)>& on_file_error) {
  RunStats stats;
  const int threads = std::max(1, options.threads);
  // While the workers process one batch, this thread hands the records of
  // the batch before to the sink and reads the batch after.
  std::vector<Article> batch, next;
  std::vector<Record> records, done;
  std::vector<std::string> texts, done_texts;  // from options.format
  auto deliver = [&]() {
    for (size_t i = 0; i < done.size(); ++i) {
      const Record& r = done[i];
      ++stats.articles;
      if (!r.errors.empty()) ++stats.articles_with_errors;
      if (!sink(r, done_texts[i])) return false;
    }
    return true;
  };
  bool more = ReadBatch(reader, options, &batch, on_file_error, &stats);
  bool stop = false;
  while (more && !stop) {
    records.assign(batch.size(), Record());
    texts.assign(batch.size(), std::string());
    std::atomic<size_t> cursor{0};
    auto work = [&] {
      for (size_t i = cursor++; i < batch.size(); i = cursor++) {
        records[i] = pipeline.Process(batch[i], options.process);
        if (options.format) options.format(records[i], &texts[i]);
      }
    };
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) workers.emplace_back(work);
    stop = !deliver();
    if (!stop) more = ReadBatch(reader, options, &next, on_file_error, &stats);
    for (std::thread& w : workers) w.join();
    done.swap(records);
    done_texts.swap(texts);
    batch.swap(next);
  }
  if (!stop) stop = !deliver();
  stats.stopped = stop;
  return stats;
}

}  // namespace khabar
