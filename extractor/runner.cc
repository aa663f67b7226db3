#include "khabar/runner.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
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

// Worker threads kept for the whole run. The extraction stages keep
// per-thread answers about words and matches; threads started anew for each
// batch of 256 articles would start those caches over every time.
class Workers {
 public:
  explicit Workers(int n) {
    for (int t = 0; t < n; ++t) threads_.emplace_back([this] { Loop(); });
  }
  ~Workers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      quit_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  // Runs `work` once on every worker; returns at once.
  void Start(std::function<void()> work) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      work_ = std::move(work);
      running_ = threads_.size();
      ++round_;
    }
    wake_.notify_all();
  }
  // Blocks until every worker has finished the work of the last Start.
  void Wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return running_ == 0; });
  }

 private:
  void Loop() {
    uint64_t seen = 0;
    while (true) {
      std::function<void()> work;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return quit_ || round_ != seen; });
        if (quit_) return;
        seen = round_;
        work = work_;
      }
      work();
      std::lock_guard<std::mutex> lock(mutex_);
      if (--running_ == 0) done_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::function<void()> work_;
  size_t running_ = 0;
  uint64_t round_ = 0;
  bool quit_ = false;
  std::vector<std::thread> threads_;
};

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
  Workers workers(threads);
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
    workers.Start(work);
    stop = !deliver();
    if (!stop) more = ReadBatch(reader, options, &next, on_file_error, &stats);
    workers.Wait();
    done.swap(records);
    done_texts.swap(texts);
    batch.swap(next);
  }
  if (!stop) stop = !deliver();
  stats.stopped = stop;
  return stats;
}

}  // namespace khabar
