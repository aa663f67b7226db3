// Tests for the article reader (extractor/reader.cc): every input kind, and
// that nothing is dropped silently.
#include <doctest/doctest.h>

#include <stdlib.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "khabar/reader.h"

namespace khabar {
namespace {

namespace fs = std::filesystem;

// A temporary directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "khabar_reader_XXXXXX").string();
    char* made = mkdtemp(pattern.data());
    REQUIRE(made != nullptr);
    path_ = made;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  // Writes `content` to `name` (creating directories) and returns the path.
  std::string Write(const std::string& name, const std::string& content) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p.string();
  }
  std::string WriteGz(const std::string& name, const std::string& content) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    gzFile f = gzopen(p.string().c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(gzwrite(f, content.data(), static_cast<unsigned>(content.size())) == static_cast<int>(content.size()));
    REQUIRE(gzclose(f) == Z_OK);
    return p.string();
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct ReadResult {
  std::vector<Article> articles;
  std::vector<std::string> file_errors;
  bool had_file_errors = false;
};

ReadResult ReadAll(const std::vector<std::string>& inputs, size_t max_bytes = 10 * 1000 * 1000) {
  ReaderOptions options;
  options.max_article_bytes = max_bytes;
  ArticleReader reader(inputs, options);
  ReadResult r;
  Article a;
  while (reader.Next(&a)) {
    r.articles.push_back(a);
    for (std::string& e : reader.TakeFileErrors()) r.file_errors.push_back(e);
  }
  for (std::string& e : reader.TakeFileErrors()) r.file_errors.push_back(e);
  r.had_file_errors = reader.had_file_errors();
  return r;
}

const char kArabic[] = "\u0632\u0627\u0631 \u0627\u0644\u0648\u0641\u062F \u0628\u0644\u062C\u064A\u0643\u0627";

TEST_CASE("Reader: a .txt file is one article whose id is the file stem") {
  TempDir dir;
  std::string path = dir.Write("003.txt", std::string(kArabic) + "\n\nsecond paragraph\n");
  ReadResult r = ReadAll({path});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "003");
  CHECK(r.articles[0].source == path);
  CHECK(r.articles[0].text == std::string(kArabic) + "\n\nsecond paragraph\n");
  CHECK(r.articles[0].errors.empty());
  CHECK_FALSE(r.articles[0].skip_extraction);
  CHECK(r.file_errors.empty());
}

TEST_CASE("Reader: JSON lines with every field") {
  TempDir dir;
  std::string path = dir.Write(
      "a.jsonl",
      "{\"id\": \"x1\", \"text\": \"" + std::string(kArabic) +
          "\", \"date\": \"2023-12-24\", \"title\": \"T\", \"url\": \"http://e.x/1\", \"source\": \"Hespress\"}\n"
          "{\"id\": 42, \"text\": \"two\\nlines\"}\n"
          "{\"text\": \"no id\", \"date\": \"2023-01-02T10:00:00Z\"}\n");
  ReadResult r = ReadAll({path});
  REQUIRE(r.articles.size() == 3);
  const Article& a = r.articles[0];
  CHECK(a.id == "x1");
  CHECK(a.text == kArabic);
  CHECK(a.date == "2023-12-24");
  CHECK(a.title == "T");
  CHECK(a.url == "http://e.x/1");
  CHECK(a.outlet == "Hespress");
  CHECK(a.source == path);
  CHECK(a.errors.empty());
  CHECK(r.articles[1].id == "42");  // a numeric id
  CHECK(r.articles[1].text == "two\nlines");
  CHECK(r.articles[2].id == path + ":3");  // no id: FILE:LINE
  CHECK(r.articles[2].date == "2023-01-02");
  CHECK(r.file_errors.empty());
}

TEST_CASE("Reader: blank lines are skipped but counted") {
  TempDir dir;
  std::string path = dir.Write("b.jsonl", "\n{\"text\": \"a\"}\n   \n\r\n\n{\"text\": \"b\"}\n\n");
  ReadResult r = ReadAll({path});
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == path + ":2");
  CHECK(r.articles[1].id == path + ":6");
  for (const Article& a : r.articles) CHECK(a.errors.empty());
}

TEST_CASE("Reader: a last line without a newline is read") {
  TempDir dir;
  std::string path = dir.Write("c.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}");
  ReadResult r = ReadAll({path});
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[1].id == "b");
  CHECK(r.articles[1].text == "y");
}

struct BadLineCase {
  std::string name;
  std::string line;
  std::string error_part;
  std::string given_id;  // the id in the line, if any
};

TEST_CASE("Reader: bad JSON lines become articles with an error") {
  const std::vector<BadLineCase> cases = {
      {"invalid JSON", "{\"id\": \"a\", \"text\": ", "invalid JSON"},
      {"not an object", "[1, 2, 3]", "object"},
      {"missing text", "{\"id\": \"m1\"}", "text", "m1"},
      {"null text", "{\"id\": \"m2\", \"text\": null}", "text", "m2"},
      {"text is not a string", "{\"id\": \"m3\", \"text\": 17}", "text", "m3"},
  };
  for (const BadLineCase& c : cases) {
    INFO("case: " << c.name);
    TempDir dir;
    std::string path = dir.Write("bad.jsonl", "{\"id\": \"ok1\", \"text\": \"x\"}\n" + c.line +
                                                  "\n{\"id\": \"ok2\", \"text\": \"y\"}\n");
    ReadResult r = ReadAll({path});
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[0].id == "ok1");
    CHECK(r.articles[2].id == "ok2");  // the run goes on
    const Article& bad = r.articles[1];
    INFO("id: " << bad.id);
    REQUIRE(bad.errors.size() == 1);
    INFO("error: " << bad.errors[0]);
    CHECK(bad.errors[0].find(c.error_part) != std::string::npos);
    CHECK(bad.skip_extraction);
    CHECK(bad.source == path);
    if (c.name == "invalid JSON" || c.name == "not an object") {
      CHECK(bad.id == path + ":2");
    } else {
      // The article's own id is kept, either as the record id or in the error.
      const std::string& given = c.given_id;
      CHECK((bad.id == given || bad.errors[0].find("\"" + given + "\"") != std::string::npos));
    }
    CHECK(r.file_errors.empty());
  }
}

TEST_CASE("Reader: invalid UTF-8 is repaired and noted") {
  TempDir dir;
  const std::string bad = "\u0628\xFF\xFE\u0627";
  const std::string repaired = "\u0628\uFFFD\uFFFD\u0627";
  SUBCASE(".txt") {
    ReadResult r = ReadAll({dir.Write("u.txt", bad)});
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].text == repaired);
    REQUIRE(r.articles[0].errors.size() == 1);
    CHECK(r.articles[0].errors[0].find("UTF-8") != std::string::npos);
    CHECK(r.articles[0].errors[0].find("2") != std::string::npos);
    CHECK_FALSE(r.articles[0].skip_extraction);
  }
  SUBCASE(".jsonl") {
    ReadResult r = ReadAll({dir.Write("u.jsonl", "{\"id\": \"u\", \"text\": \"" + bad + "\"}\n")});
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "u");
    CHECK(r.articles[0].text == repaired);
    REQUIRE(r.articles[0].errors.size() == 1);
    CHECK(r.articles[0].errors[0].find("UTF-8") != std::string::npos);
    CHECK_FALSE(r.articles[0].skip_extraction);
  }
}

TEST_CASE("Reader: an oversize article keeps its id, gets an error and is not processed") {
  TempDir dir;
  const std::string big(500, 'x');
  SUBCASE(".txt") {
    ReadResult r = ReadAll({dir.Write("big.txt", big), dir.Write("small.txt", "ok")}, 100);
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "big");
    CHECK(r.articles[0].text.empty());
    CHECK(r.articles[0].skip_extraction);
    REQUIRE(r.articles[0].errors.size() == 1);
    CHECK(r.articles[0].errors[0].find("500") != std::string::npos);
    CHECK(r.articles[1].id == "small");
    CHECK(r.articles[1].text == "ok");
    CHECK(r.articles[1].errors.empty());
  }
  SUBCASE(".jsonl") {
    std::string path = dir.Write("big.jsonl", "{\"id\": \"a\", \"text\": \"" + big + "\"}\n{\"id\": \"b\", \"text\": \"ok\"}\n");
    ReadResult r = ReadAll({path}, 100);
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == path + ":1");
    CHECK(r.articles[0].skip_extraction);
    CHECK(r.articles[0].text.empty());
    REQUIRE(r.articles[0].errors.size() == 1);
    CHECK(r.articles[1].id == "b");
    CHECK(r.articles[1].text == "ok");
    CHECK_FALSE(r.articles[1].skip_extraction);
  }
  SUBCASE("exactly at the limit is fine") {
    ReadResult r = ReadAll({dir.Write("edge.txt", std::string(100, 'y'))}, 100);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].errors.empty());
    CHECK(r.articles[0].text.size() == 100);
  }
}

TEST_CASE("Reader: gzip inputs read like plain ones") {
  TempDir dir;
  const std::string jsonl = "{\"id\": \"g1\", \"text\": \"" + std::string(kArabic) + "\"}\n{\"id\": \"g2\", \"text\": \"b\"}\n";
  std::string plain_jsonl = dir.Write("plain/a.jsonl", jsonl);
  std::string gz_jsonl = dir.WriteGz("gz/a.jsonl.gz", jsonl);
  std::string gz_txt = dir.WriteGz("gz/007.txt.gz", kArabic);
  ReadResult plain = ReadAll({plain_jsonl});
  ReadResult gz = ReadAll({gz_jsonl, gz_txt});
  REQUIRE(plain.articles.size() == 2);
  REQUIRE(gz.articles.size() == 3);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(gz.articles[i].id == plain.articles[i].id);
    CHECK(gz.articles[i].text == plain.articles[i].text);
    CHECK(gz.articles[i].errors.empty());
  }
  CHECK(gz.articles[2].id == "007");
  CHECK(gz.articles[2].text == kArabic);
  CHECK(gz.file_errors.empty());
  // A large gzip file, read across buffer refills.
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "{\"id\": \"n" + std::to_string(i) + "\", \"text\": \"" + kArabic + "\"}\n";
  ReadResult big = ReadAll({dir.WriteGz("many.jsonl.gz", many)});
  REQUIRE(big.articles.size() == 5000);
  CHECK(big.articles[4999].id == "n4999");
  CHECK(big.articles[2500].text == kArabic);
}

// gzip bytes of `first` followed by a full flush, then of `second`; cutting
// the result at the returned offset leaves a gzip stream that stops cleanly
// after `first` with no trailer.
std::string GzipWithFlushPoint(const std::string& first, const std::string& second, size_t* flush_point) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out;
  auto pump = [&](const std::string& in, int flush) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    char buf[4096];
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      int ret = deflate(&z, flush);
      REQUIRE(ret != Z_STREAM_ERROR);
      out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0);
  };
  pump(first, Z_FULL_FLUSH);
  *flush_point = out.size();
  pump(second, Z_FINISH);
  deflateEnd(&z);
  return out;
}

TEST_CASE("Reader: a gzip file built with a flush point reads whole") {
  TempDir dir;
  size_t cut = 0;
  const std::string gz = GzipWithFlushPoint("{\"id\": \"a\", \"text\": \"x\"}\n", "{\"id\": \"b\", \"text\": \"y\"}\n", &cut);
  ReadResult r = ReadAll({dir.Write("whole.jsonl.gz", gz)});
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[1].id == "b");
  CHECK(r.file_errors.empty());
}

// Known bug: reader.cc Fill() treats gzread() == 0 as the end of the file
// without asking gzerror(); zlib reports a truncated stream that way
// (Z_BUF_ERROR, "unexpected end of file"), so the lost articles go unnoticed.
TEST_CASE("Reader: a truncated gzip file is a file error") {
  TempDir dir;
  size_t cut = 0;
  const std::string gz = GzipWithFlushPoint("{\"id\": \"a\", \"text\": \"x\"}\n", "{\"id\": \"b\", \"text\": \"y\"}\n", &cut);
  const std::string path = dir.Write("cut.jsonl.gz", gz.substr(0, cut));
  ReadResult r = ReadAll({path});
  REQUIRE(r.articles.size() == 1);  // what was there is read
  CHECK(r.articles[0].id == "a");
  REQUIRE(r.file_errors.size() == 1);  // and the truncation is reported
  CHECK(r.file_errors[0].rfind(path + ":", 0) == 0);
  CHECK(r.had_file_errors);
}

TEST_CASE("Reader: directories are walked recursively in path order") {
  TempDir dir;
  dir.Write("in/b.txt", "b");
  dir.Write("in/a.txt", "a");
  dir.Write("in/sub/c.jsonl", "{\"id\": \"c1\", \"text\": \"c\"}\n{\"id\": \"c2\", \"text\": \"c\"}\n");
  dir.Write("in/sub/deeper/d.txt", "d");
  dir.WriteGz("in/e.txt.gz", "e");
  dir.Write("in/gold.jsonl", "{\"id\": \"gold\", \"text\": \"must be skipped\"}\n");
  dir.Write("in/sub/gold_b.jsonl", "{\"id\": \"gold\", \"text\": \"must be skipped\"}\n");
  dir.Write("in/notes.md", "not an input");
  dir.Write("in/data.csv", "not an input");
  ReadResult r = ReadAll({dir.Path("in")});
  std::vector<std::string> ids;
  for (const Article& a : r.articles) ids.push_back(a.id);
  // Sorted by full path: in/a.txt, in/b.txt, in/e.txt.gz, in/sub/c.jsonl, in/sub/deeper/d.txt.
  CHECK(ids == std::vector<std::string>{"a", "b", "e", "c1", "c2", "d"});
  CHECK(r.file_errors.empty());
  // The same files named one by one give the same articles.
  ReadResult named = ReadAll({dir.Path("in/a.txt"), dir.Path("in/b.txt"), dir.Path("in/e.txt.gz"),
                              dir.Path("in/sub/c.jsonl"), dir.Path("in/sub/deeper/d.txt")});
  REQUIRE(named.articles.size() == r.articles.size());
  for (size_t i = 0; i < r.articles.size(); ++i) {
    CHECK(named.articles[i].id == r.articles[i].id);
    CHECK(named.articles[i].text == r.articles[i].text);
  }
}

TEST_CASE("Reader: IsInputFileName") {
  struct Row {
    std::string name;
    bool input;
  };
  const std::vector<Row> rows = {
      {"a.txt", true},        {"a.jsonl", true},       {"a.ndjson", true},   {"a.txt.gz", true},
      {"a.jsonl.gz", true},   {"gold.jsonl", false},   {"gold_dev.jsonl", false}, {"a.json", false},
      {"a.gz", false},        {"README.md", false},    {"a.tsv", false},
  };
  for (const Row& row : rows) {
    INFO("name: " << row.name);
    CHECK(ArticleReader::IsInputFileName(row.name) == row.input);
  }
}

// README and --help say that files named gold*.jsonl are skipped; the reader
// skips every file whose name starts with "gold", so an article file such as
// golden_gate.txt is dropped without a word.
TEST_CASE("Reader: only gold*.jsonl files are skipped") {
  CHECK(ArticleReader::IsInputFileName("golden_gate.txt"));
  CHECK(ArticleReader::IsInputFileName("goldman.jsonl.gz") == false);  // .jsonl.gz: annotations too
}

TEST_CASE("Reader: a missing file is a file error and the run goes on") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "a");
  std::string missing = dir.Path("missing.txt");
  std::string b = dir.Write("b.jsonl", "{\"id\": \"b\", \"text\": \"b\"}\n");
  ReadResult r = ReadAll({a, missing, b});
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id == "a");
  CHECK(r.articles[1].id == "b");
  REQUIRE(r.file_errors.size() == 1);
  CHECK(r.file_errors[0].rfind(missing + ":", 0) == 0);
  CHECK(r.had_file_errors);
}

TEST_CASE("Reader: a missing file alone yields no article") {
  TempDir dir;
  ReadResult r = ReadAll({dir.Path("nope.jsonl")});
  CHECK(r.articles.empty());
  CHECK(r.file_errors.size() == 1);
  CHECK(r.had_file_errors);
}

TEST_CASE("Reader: an empty file") {
  TempDir dir;
  ReadResult txt = ReadAll({dir.Write("empty.txt", "")});
  REQUIRE(txt.articles.size() == 1);  // an empty article is still an article
  CHECK(txt.articles[0].id == "empty");
  CHECK(txt.articles[0].text.empty());
  CHECK(txt.articles[0].errors.empty());
  ReadResult jsonl = ReadAll({dir.Write("empty.jsonl", "")});
  CHECK(jsonl.articles.empty());
  CHECK(jsonl.file_errors.empty());
}

TEST_CASE("Reader: a .txt with a BOM and CRLF keeps its text as is") {
  TempDir dir;
  const std::string text = "\uFEFF\u0628\u0644\u062F\r\n\u0627\u062E\u0631\r\n";
  ReadResult r = ReadAll({dir.Write("crlf.txt", text)});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].text == text);
}

}  // namespace
}  // namespace khabar
