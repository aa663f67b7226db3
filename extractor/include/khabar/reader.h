// ArticleReader: streams articles from the inputs of `khabar extract`: .txt
// files (one article each), .jsonl files (one article per line), either of
// them gzip-compressed, directories (walked recursively, sorted by path), and
// standard input ("-", JSON lines, plain or gzip).
//
// Nothing is dropped: a line that is not valid JSON, or has no text, becomes
// an Article with an error; invalid UTF-8 is repaired and noted; an article
// over the size limit keeps its id and an error but no text. A file that
// cannot be read is reported through file_errors() and skipped.
//
// Thread safety: one reader per thread. Cost: memory is bounded by one
// article (or one line) plus a 256 KiB buffer, whatever the input size.
#ifndef KHABAR_READER_H_
#define KHABAR_READER_H_

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "khabar/record.h"

namespace khabar {

struct ReaderOptions {
  size_t max_article_bytes = 10 * 1000 * 1000;
};

class ArticleReader {
 public:
  ArticleReader(std::vector<std::string> inputs, ReaderOptions options);
  ~ArticleReader();
  ArticleReader(const ArticleReader&) = delete;
  ArticleReader& operator=(const ArticleReader&) = delete;

  // Fills `article` with the next article; false when all inputs are done.
  bool Next(Article* article);

  // Problems with whole files (cannot open, not found, corrupt gzip), each
  // "PATH: message", in the order met; cleared by TakeFileErrors().
  std::vector<std::string> TakeFileErrors();
  bool had_file_errors() const { return had_file_errors_; }

  // Whether a directory walk would read this file (by its name).
  static bool IsInputFileName(const std::string& name);

 private:
  class Source;
  bool OpenNext();

  std::deque<std::string> pending_;
  ReaderOptions options_;
  std::unique_ptr<Source> current_;
  std::vector<std::string> file_errors_;
  bool had_file_errors_ = false;
};

}  // namespace khabar

#endif  // KHABAR_READER_H_
