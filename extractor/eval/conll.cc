#include "eval/conll.h"

#include <optional>
#include <utility>

#include "khabar/normalizer.h"

namespace khabar::eval {
namespace {

constexpr const char* kScoredTypes[] = {"PERSON", "ORG", "LOC", "DATE", "ROLE"};

std::string_view Trim(std::string_view s, std::string_view chars = " \t\r") {
  size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(chars);
  return s.substr(b, e - b + 1);
}

// Fields of a line separated by runs of tabs and spaces.
std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t b = line.find_first_not_of(" \t", pos);
    if (b == std::string_view::npos) break;
    size_t e = line.find_first_of(" \t", b);
    if (e == std::string_view::npos) e = line.size();
    fields.push_back(line.substr(b, e - b));
    pos = e;
  }
  return fields;
}

struct Tok {
  std::string_view token;
  char prefix;  // 'O', 'B', 'I', 'E', 'S'
  std::string_view label;
};

Tok ParseTag(std::string_view token, std::string_view tag) {
  Tok t{token, 'O', {}};
  if (tag == "O" || tag.empty()) return t;
  if (tag.size() > 2 && tag[1] == '-' &&
      (tag[0] == 'B' || tag[0] == 'I' || tag[0] == 'E' || tag[0] == 'S')) {
    t.prefix = tag[0];
    t.label = tag.substr(2);
  } else {
    t.prefix = 'I';  // IO scheme: a bare label continues a run of the same label
    t.label = tag;
  }
  return t;
}

class DocumentBuilder {
 public:
  DocumentBuilder(const ConllOptions& options, std::vector<GoldDocument>* out)
      : options_(options), out_(out) {}

  void AddSentence(const std::vector<Tok>& tokens) {
    if (tokens.empty()) return;
    if (sentences_ > 0) Append("\n");
    struct Open {
      std::string_view label;
      int64_t start_cp;
      size_t start_byte;
    };
    std::optional<Open> open;
    int64_t end_cp = 0;
    size_t end_byte = 0;
    auto close = [&]() {
      if (!open) return;
      GoldEntity e;
      auto it = options_.tag_map.find(open->label);
      if (it != options_.tag_map.end() && !it->second.empty()) {
        e.type = it->second;
      } else {
        e.type = std::string(open->label);
        e.optional = true;
      }
      e.start = open->start_cp;
      e.end = end_cp;
      e.text = doc_.text.substr(open->start_byte, end_byte - open->start_byte);
      doc_.entities.push_back(std::move(e));
      open.reset();
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Tok& t = tokens[i];
      if (i > 0) Append(" ");
      const int64_t start_cp = cp_;
      const size_t start_byte = doc_.text.size();
      Append(t.token);
      if (t.prefix == 'O') {
        close();
        continue;
      }
      const bool continues = open && open->label == t.label && (t.prefix == 'I' || t.prefix == 'E');
      if (!continues) {
        close();
        open = Open{t.label, start_cp, start_byte};
      }
      end_cp = cp_;
      end_byte = doc_.text.size();
      if (t.prefix == 'S' || t.prefix == 'E') close();
    }
    close();
    if (++sentences_ == options_.sentences_per_document) Flush();
  }

  void Flush() {
    if (sentences_ == 0) return;
    doc_.id = "conll:" + std::to_string(out_->size());
    out_->push_back(std::move(doc_));
    doc_ = GoldDocument();
    cp_ = 0;
    sentences_ = 0;
  }

 private:
  void Append(std::string_view s) {
    doc_.text.append(s.data(), s.size());
    cp_ += static_cast<int64_t>(CountCodePoints(s));
  }

  const ConllOptions& options_;
  std::vector<GoldDocument>* out_;
  GoldDocument doc_;
  int64_t cp_ = 0;
  int sentences_ = 0;
};

}  // namespace

TagMap DefaultTagMap() {
  return TagMap{{"PER", "PERSON"}, {"PERS", "PERSON"}, {"PERSON", "PERSON"}, {"LOC", "LOC"},
                {"GPE", "LOC"},    {"ORG", "ORG"},     {"DATE", "DATE"},     {"OCC", "ROLE"},
                {"ROLE", "ROLE"}};
}

Status ApplyTagMapSpec(std::string_view spec, TagMap* map) {
  size_t pos = 0;
  while (pos <= spec.size()) {
    size_t comma = spec.find(',', pos);
    if (comma == std::string_view::npos) comma = spec.size();
    std::string_view item = Trim(spec.substr(pos, comma - pos), " \t");
    pos = comma + 1;
    if (item.empty()) continue;
    size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0)
      return Status::Error("--map: expected TAG=TYPE, got '" + std::string(item) + "'");
    std::string tag(Trim(item.substr(0, eq), " \t"));
    std::string type(Trim(item.substr(eq + 1), " \t"));
    if (type.empty() || type == "-") {
      map->erase(tag);
      continue;
    }
    bool known = false;
    for (const char* t : kScoredTypes) known = known || type == t;
    if (!known)
      return Status::Error("--map: unknown type '" + type + "' for tag " + tag +
                           " (use PERSON, ORG, LOC, DATE, ROLE, or - for not scored)");
    (*map)[tag] = type;
  }
  return Status();
}

StatusOr<std::vector<GoldDocument>> ParseConll(std::string_view content, const std::string& name,
                                               const ConllOptions& options) {
  if (options.sentences_per_document < 1)
    return Status::Error(name + ": sentences per document must be at least 1");
  // Tokens are views into this repaired copy; the rebuilt text is valid UTF-8.
  std::string repaired(content);
  RepairUtf8(&repaired);
  content = repaired;
  std::vector<GoldDocument> docs;
  DocumentBuilder builder(options, &docs);
  std::vector<Tok> sentence;
  size_t pos = 0;
  int line_number = 0;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = Trim(content.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_number;
    if (line.empty()) {
      builder.AddSentence(sentence);
      sentence.clear();
      continue;
    }
    if (line.substr(0, 10) == "-DOCSTART-") continue;
    std::vector<std::string_view> fields = SplitFields(line);
    if (fields.size() < 2)
      return Status::Error(name + ":" + std::to_string(line_number) +
                           ": expected a token and a tag, got '" + std::string(line) + "'");
    sentence.push_back(ParseTag(fields.front(), fields.back()));
  }
  builder.AddSentence(sentence);
  builder.Flush();
  return docs;
}

StatusOr<std::vector<GoldDocument>> ReadConll(const std::string& path,
                                              const ConllOptions& options) {
  std::optional<std::string> content = ReadWholeFile(path);
  if (!content) return Status::Error(path + ": cannot read the file");
  return ParseConll(*content, path, options);
}

}  // namespace khabar::eval
