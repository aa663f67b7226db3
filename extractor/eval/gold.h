// Gold annotations for `khabar eval`: the documents, entity spans and
// relations that predictions are scored against, read from the gold JSON-lines
// format (one document per line: `id`, `meta`, `entities`, `relations`) or
// built from a CoNLL file (conll.h).
//
// Thread safety: plain values. Cost: proportional to the file size.
#ifndef KHABAR_EVAL_GOLD_H_
#define KHABAR_EVAL_GOLD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/record.h"
#include "khabar/status.h"

namespace khabar::eval {

// One annotated span. Offsets are code points of the document text, half-open.
struct GoldEntity {
  std::string type;  // PERSON ORG LOC DATE ROLE, or any other (EVENT, MISC ...)
  int64_t start = 0;
  int64_t end = 0;
  std::string text;
  std::string value;  // DATE value, ROLE value, if given
  std::string norm;
  bool optional = false;  // counts neither for nor against
};

// A (person, role, org) triple given by names. A missing person or org is
// std::nullopt and must be missing in the prediction too.
struct GoldRelation {
  std::optional<std::string> person;
  std::string role;
  std::optional<std::string> org;
  std::vector<std::string> org_alt;  // other accepted names of the org
  bool optional = false;
};

struct GoldDocument {
  std::string id;
  std::string date;  // meta.date, if given (YYYY-MM-DD)
  std::string text;  // the document text when known (CoNLL), else empty
  std::vector<GoldEntity> entities;
  std::vector<GoldRelation> relations;
};

// Parses gold JSON lines. `name` is used in messages ("gold.jsonl:3: ...").
// Blank lines are skipped; an id given twice is an error.
StatusOr<std::vector<GoldDocument>> ParseGoldJsonl(std::string_view content,
                                                   const std::string& name);
StatusOr<std::vector<GoldDocument>> ReadGoldJsonl(const std::string& path);

// Parses khabar output records (DESIGN §2), one per line.
StatusOr<std::vector<Record>> ParseRecordsJsonl(std::string_view content,
                                                const std::string& name);
StatusOr<std::vector<Record>> ReadRecordsJsonl(const std::string& path);

// Reads a whole file; nullopt when it cannot be read.
std::optional<std::string> ReadWholeFile(const std::string& path);

}  // namespace khabar::eval

#endif  // KHABAR_EVAL_GOLD_H_
