#include "khabar/reader.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

#include <simdjson.h>

#include "khabar/normalizer.h"

namespace khabar {
namespace fs = std::filesystem;

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string StripGz(const std::string& name) { return EndsWith(name, ".gz") ? name.substr(0, name.size() - 3) : name; }

bool IsJsonLines(const std::string& path) {
  std::string p = StripGz(path);
  return EndsWith(p, ".jsonl") || EndsWith(p, ".ndjson");
}

std::string Stem(const std::string& path) {
  std::string name = fs::path(StripGz(path)).filename().string();
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

void NoteRepairs(size_t replaced, Article* a) {
  if (replaced)
    a->errors.push_back("invalid UTF-8: " + std::to_string(replaced) + " byte(s) replaced with U+FFFD");
}

void NoteOversize(size_t bytes, size_t limit, Article* a) {
  a->errors.push_back("article is " + std::to_string(bytes) + " bytes, over --max-article-bytes " +
                      std::to_string(limit) + "; not processed");
  a->text.clear();
  a->skip_extraction = true;
}

}  // namespace

// One open input file (or standard input), read through zlib, which passes
// uncompressed data through unchanged.
class ArticleReader::Source {
 public:
  Source(std::string path, gzFile file, bool json_lines, size_t limit)
      : path_(std::move(path)), file_(file), json_lines_(json_lines), limit_(limit) {}
  ~Source() { gzclose(file_); }

  // Next article; false at the end of the file. Sets *error on a read error.
  bool Next(Article* a, std::string* error) {
    if (done_) return false;
    if (!json_lines_) {
      done_ = true;
      std::string text;
      size_t total = 0;
      if (!ReadAll(&text, &total, error)) return false;
      a->id = Stem(path_);
      a->source = path_;
      if (total > limit_) {
        NoteOversize(total, limit_, a);
        return true;
      }
      NoteRepairs(RepairUtf8(&text), a);
      a->text = std::move(text);
      return true;
    }
    size_t length = 0;
    while (true) {
      if (!ReadLine(&line_, &length, error)) return false;
      ++line_no_;
      if (length > 0 && line_.find_first_not_of(" \t\r") != std::string::npos) break;
      if (length > limit_) break;
    }
    ParseLine(length, a);
    return true;
  }

 private:
  bool Fill(std::string* error) {
    if (eof_) return false;
    buffer_.resize(1 << 18);
    int n = gzread(file_, buffer_.data(), static_cast<unsigned>(buffer_.size()));
    if (n < 0) {
      int code;
      const char* msg = gzerror(file_, &code);
      *error = path_ + ": read error: " + (code == Z_ERRNO ? std::strerror(errno) : msg);
      eof_ = true;
      done_ = true;
      return false;
    }
    buffer_.resize(static_cast<size_t>(n));
    begin_ = 0;
    if (n == 0) {
      eof_ = true;
      int code = Z_OK;
      const char* msg = gzerror(file_, &code);
      if (code != Z_OK && code != Z_STREAM_END) {  // e.g. a truncated .gz
        *error = path_ + ": read error: " + msg;
        done_ = true;
      }
    }
    return n > 0;
  }

  bool ReadAll(std::string* out, size_t* total, std::string* error) {
    while (true) {
      if (begin_ >= buffer_.size() && !Fill(error)) break;
      size_t n = buffer_.size() - begin_;
      *total += n;
      if (out->size() <= limit_) out->append(buffer_, begin_, n);
      begin_ = buffer_.size();
    }
    return error->empty();
  }

  // Reads one line (without its newline); keeps at most limit+1 bytes but
  // counts all of them in *length. False at the end of input.
  bool ReadLine(std::string* line, size_t* length, std::string* error) {
    line->clear();
    *length = 0;
    bool any = false;
    while (true) {
      if (begin_ >= buffer_.size() && !Fill(error)) {
        if (any) return true;
        done_ = true;
        return false;
      }
      any = true;
      size_t nl = buffer_.find('\n', begin_);
      size_t end = nl == std::string::npos ? buffer_.size() : nl;
      size_t n = end - begin_;
      *length += n;
      if (line->size() <= limit_) line->append(buffer_, begin_, std::min(n, limit_ + 1 - line->size()));
      begin_ = nl == std::string::npos ? buffer_.size() : nl + 1;
      if (nl != std::string::npos) return true;
    }
  }

  // Reads the article of line_ (`length` bytes before any cut).
  void ParseLine(size_t length, Article* a) {
    const std::string where = path_ + ":" + std::to_string(line_no_);
    a->id = where;
    a->source = path_;
    if (length > limit_) {
      NoteOversize(length, limit_, a);
      return;
    }
    // The parser checks UTF-8, so a line it reads needs no repair; any other
    // line is repaired (the repairs noted first, as for text files) and
    // parsed again.
    simdjson::dom::element doc;
    simdjson::error_code parse_error = Parse(&line_, &doc);
    if (parse_error) {
      NoteRepairs(RepairUtf8(&line_), a);
      parse_error = Parse(&line_, &doc);
    }
    std::string id, error;
    bool parsed = false;
    if (parse_error)
      error = std::string("invalid JSON line: ") + simdjson::error_message(parse_error);
    else
      parsed = ReadArticle(doc, &id, a, &error);
    if (!id.empty()) a->id = id;
    if (!parsed) {
      a->errors.push_back(error);
      a->skip_extraction = true;
      return;
    }
    if (a->date.size() > 10) a->date.resize(10);
  }

  // Parses one JSON line. simdjson's DOM parser picks the best SIMD
  // implementation for the processor at run time; it needs padding after
  // the text (kept from line to line by reusing line_).
  simdjson::error_code Parse(std::string* line, simdjson::dom::element* doc) {
    line->reserve(line->size() + simdjson::SIMDJSON_PADDING);
    return parser_.parse(line->data(), line->size(), false).get(*doc);
  }

  // Reads the article fields of a parsed line. False with a message when it
  // is not a JSON object or has no text.
  bool ReadArticle(simdjson::dom::element doc, std::string* id, Article* a, std::string* error) {
    namespace sj = simdjson;
    sj::dom::object object;
    if (doc.get(object)) {
      *error = "invalid JSON line: not a JSON object";
      return false;
    }
    bool has_text = false;
    std::string text_error;
    for (auto [key, value] : object) {
      std::string* target = key == "text" ? &a->text
                            : key == "id" ? id
                            : key == "date" ? &a->date
                            : key == "title" ? &a->title
                            : key == "url" ? &a->url
                            : key == "source" ? &a->outlet
                                              : nullptr;
      if (!target) continue;
      if (value.is_string()) {
        std::string_view sv = value.get_string().value_unsafe();
        target->assign(sv.data(), sv.size());
        if (key == "text") has_text = true;
      } else if (key == "text") {
        text_error = value.is_null() ? "\"text\" is null" : "\"text\" is not a string";
      } else if (value.is_int64()) {
        *target = std::to_string(value.get_int64().value_unsafe());
      } else if (value.is_uint64()) {
        *target = std::to_string(value.get_uint64().value_unsafe());
      } else if (!value.is_null()) {
        *target = sj::minify(value);
      }
    }
    if (!has_text) {
      *error = text_error.empty() ? "missing \"text\" field" : text_error;
      return false;
    }
    return true;
  }

  std::string path_;
  gzFile file_;
  bool json_lines_;
  size_t limit_;
  std::string buffer_;
  size_t begin_ = 0;
  bool eof_ = false;
  bool done_ = false;
  size_t line_no_ = 0;
  std::string line_;  // the current JSON line, its buffer reused
  simdjson::dom::parser parser_;
};

ArticleReader::ArticleReader(std::vector<std::string> inputs, ReaderOptions options)
    : options_(options) {
  if (inputs.empty()) inputs.push_back("-");
  for (std::string& in : inputs) pending_.push_back(std::move(in));
}

ArticleReader::~ArticleReader() = default;

bool ArticleReader::IsInputFileName(const std::string& name) {
  std::string n = StripGz(name);
  if (n.rfind("gold", 0) == 0 && EndsWith(n, ".jsonl")) return false;  // annotations beside articles
  return EndsWith(n, ".txt") || EndsWith(n, ".jsonl") || EndsWith(n, ".ndjson");
}

bool ArticleReader::OpenNext() {
  while (!pending_.empty()) {
    std::string path = std::move(pending_.front());
    pending_.pop_front();
    if (path == "-") {
      gzFile f = gzdopen(dup(0), "rb");
      current_ = std::make_unique<Source>("-", f, true, options_.max_article_bytes);
      return true;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && IsInputFileName(it->path().filename().string()))
          files.push_back(it->path().string());
      }
      if (ec) {
        file_errors_.push_back(path + ": " + ec.message());
        had_file_errors_ = true;
      }
      std::sort(files.begin(), files.end());
      pending_.insert(pending_.begin(), files.begin(), files.end());
      continue;
    }
    if (!fs::exists(path, ec)) {
      file_errors_.push_back(path + ": no such file or directory");
      had_file_errors_ = true;
      continue;
    }
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) {
      file_errors_.push_back(path + ": cannot open: " + std::strerror(errno));
      had_file_errors_ = true;
      continue;
    }
    gzbuffer(f, 1 << 17);
    current_ = std::make_unique<Source>(path, f, IsJsonLines(path), options_.max_article_bytes);
    return true;
  }
  return false;
}

bool ArticleReader::Next(Article* article) {
  while (true) {
    if (!current_ && !OpenNext()) return false;
    *article = Article();
    std::string error;
    const bool got = current_->Next(article, &error);
    if (!error.empty()) {
      file_errors_.push_back(error);
      had_file_errors_ = true;
    }
    if (got) return true;
    current_.reset();
  }
}

std::vector<std::string> ArticleReader::TakeFileErrors() {
  std::vector<std::string> out;
  out.swap(file_errors_);
  return out;
}

}  // namespace khabar
