#include "khabar/json_writer.h"

#include <charconv>
#include <cstdio>
#include <cstring>

namespace khabar {
namespace {

void AppendInt(int64_t value, std::string* out) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out->append(buf, end - buf);
}

// Eight bytes at a time: whether any byte is below 0x20, '"' or '\\'.
inline bool NeedsEscape8(uint64_t v) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  auto has_zero = [&](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const uint64_t below_space = (v - kOnes * 0x20) & ~v & kHigh;
  return below_space || has_zero(v ^ (kOnes * '"')) || has_zero(v ^ (kOnes * '\\'));
}

// The fields below take their lead, `,"key":`, whole: one append.
void StringField(std::string_view lead, const std::string& value, std::string* out, bool always = false) {
  if (value.empty() && !always) return;
  out->append(lead.data(), lead.size());
  AppendJsonString(value, out);
}

void IntField(std::string_view lead, int64_t value, std::string* out) {
  out->append(lead.data(), lead.size());
  AppendInt(value, out);
}

void OptionalIndex(std::string_view lead, const std::optional<int>& value, std::string* out) {
  out->append(lead.data(), lead.size());
  if (value) AppendInt(*value, out);
  else out->append("null", 4);
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t plain = 0;  // bytes copied as they are, in one piece
  for (uint64_t v; plain + 8 <= s.size(); plain += 8) {
    std::memcpy(&v, s.data() + plain, 8);
    if (NeedsEscape8(v)) break;
  }
  while (plain < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[plain]);
    if (c < 0x20 || c == '"' || c == '\\') break;
    ++plain;
  }
  out->append(s.data(), plain);
  for (unsigned char c : s.substr(plain)) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void AppendRecordJson(const Record& r, std::string* out) {
  out->append("{\"id\":");
  AppendJsonString(r.id, out);
  StringField(",\"source\":", r.source, out, true);
  out->append(",\"meta\":{");
  const size_t meta_begin = out->size();
  StringField(",\"title\":", r.meta.title, out);
  StringField(",\"date\":", r.meta.date, out);
  StringField(",\"author\":", r.meta.author, out);
  StringField(",\"outlet\":", r.meta.outlet, out);
  if (out->size() > meta_begin) out->erase(meta_begin, 1);  // the leading comma
  out->append("},\"entities\":[");
  for (size_t i = 0; i < r.entities.size(); ++i) {
    const Entity& e = r.entities[i];
    if (i) out->push_back(',');
    out->append("{\"type\":");
    AppendJsonString(e.type, out);
    StringField(",\"subtype\":", e.subtype, out);
    IntField(",\"start\":", e.start, out);
    IntField(",\"end\":", e.end, out);
    StringField(",\"text\":", e.text, out, true);
    StringField(",\"norm\":", e.norm, out);
    StringField(",\"value\":", e.value, out);
    StringField(",\"calendar\":", e.calendar, out);
    StringField(",\"hijri_value\":", e.hijri_value, out);
    if (e.relative) out->append(",\"relative\":true");
    StringField(",\"id\":", e.id, out);
    StringField(",\"rule\":", e.rule, out, true);
    out->push_back('}');
  }
  out->append("],\"relations\":[");
  for (size_t i = 0; i < r.relations.size(); ++i) {
    const Relation& rel = r.relations[i];
    if (i) out->push_back(',');
    out->append("{\"type\":");
    AppendJsonString(rel.type, out);
    OptionalIndex(",\"person\":", rel.person, out);
    IntField(",\"role\":", rel.role, out);
    OptionalIndex(",\"org\":", rel.org, out);
    StringField(",\"rule\":", rel.rule, out, true);
    out->push_back('}');
  }
  out->append("],\"errors\":[");
  for (size_t i = 0; i < r.errors.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(r.errors[i], out);
  }
  out->append("]}\n");
}

}  // namespace khabar
