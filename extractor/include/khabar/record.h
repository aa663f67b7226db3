// Article and Record: what flows into and out of the pipeline.
//
// An Article is one input document; a Record is everything khabar found in it
// (DESIGN §2). Offsets in entities are half-open ranges of Unicode code points
// of Article::text after UTF-8 repair, so text == original[start:end] holds.
//
// Thread safety: plain values. Cost: proportional to the text and entity count.
#ifndef KHABAR_RECORD_H_
#define KHABAR_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace khabar {

struct Article {
  std::string id;
  std::string source;  // file the article came from ("-" for standard input)
  std::string text;    // valid UTF-8 (readers repair invalid bytes to U+FFFD)
  std::string date;    // publication date YYYY-MM-DD, the anchor for relative dates
  std::string title;
  std::string url;
  std::string outlet;  // the "source" field of JSON-lines input, if any
  std::vector<std::string> errors;  // problems found while reading
  bool skip_extraction = false;     // set when the text must not be processed
};

struct Entity {
  std::string type;  // PERSON ORG LOC DATE ROLE
  std::string subtype;
  int64_t start = 0;  // code points, half-open
  int64_t end = 0;
  std::string text;   // original surface
  std::string norm;   // canonical name (empty for DATE)
  std::string value;  // DATE: ISO 8601 value
  std::string calendar;     // DATE: "hijri" when the text is Hijri
  std::string hijri_value;  // DATE: the original Hijri date
  bool relative = false;    // DATE: resolved from the anchor
  std::string id;     // gazetteer id, if any
  std::string rule;   // provenance: "file:line rule-id" or "gazetteer:file:line"
  int priority = 0;   // used while resolving; not written
};

struct Relation {
  std::string type = "holds_role";
  std::optional<int> person;  // index into Record::entities
  int role = 0;
  std::optional<int> org;
  std::string rule;
};

struct Meta {
  std::string title;
  std::string date;
  std::string author;
  std::string outlet;
};

struct Record {
  std::string id;
  std::string source;
  Meta meta;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::vector<std::string> errors;
};

}  // namespace khabar

#endif  // KHABAR_RECORD_H_
