#include "khabar/json_writer.h"

#include <cstdio>

namespace khabar {
namespace {

void Key(const char* key, std::string* out) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

void StringField(const char* key, const std::string& value, std::string* out, bool always = false) {
  if (value.empty() && !always) return;
  out->push_back(',');
  Key(key, out);
  AppendJsonString(value, out);
}

void IntField(const char* key, int64_t value, std::string* out) {
  out->push_back(',');
  Key(key, out);
  out->append(std::to_string(value));
}

void OptionalIndex(const char* key, const std::optional<int>& value, std::string* out) {
  out->push_back(',');
  Key(key, out);
  out->append(value ? std::to_string(*value) : "null");
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t plain = 0;  // bytes copied as they are, in one piece
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
  out->append("{");
  Key("id", out);
  AppendJsonString(r.id, out);
  StringField("source", r.source, out, true);
  out->append(",\"meta\":{");
  std::string meta;
  StringField("title", r.meta.title, &meta);
  StringField("date", r.meta.date, &meta);
  StringField("author", r.meta.author, &meta);
  StringField("outlet", r.meta.outlet, &meta);
  if (!meta.empty()) out->append(meta, 1, std::string::npos);  // drop the leading comma
  out->append("},\"entities\":[");
  for (size_t i = 0; i < r.entities.size(); ++i) {
    const Entity& e = r.entities[i];
    if (i) out->push_back(',');
    out->append("{");
    Key("type", out);
    AppendJsonString(e.type, out);
    StringField("subtype", e.subtype, out);
    IntField("start", e.start, out);
    IntField("end", e.end, out);
    StringField("text", e.text, out, true);
    StringField("norm", e.norm, out);
    StringField("value", e.value, out);
    StringField("calendar", e.calendar, out);
    StringField("hijri_value", e.hijri_value, out);
    if (e.relative) out->append(",\"relative\":true");
    StringField("id", e.id, out);
    StringField("rule", e.rule, out, true);
    out->append("}");
  }
  out->append("],\"relations\":[");
  for (size_t i = 0; i < r.relations.size(); ++i) {
    const Relation& rel = r.relations[i];
    if (i) out->push_back(',');
    out->append("{");
    Key("type", out);
    AppendJsonString(rel.type, out);
    OptionalIndex("person", rel.person, out);
    IntField("role", rel.role, out);
    OptionalIndex("org", rel.org, out);
    StringField("rule", rel.rule, out, true);
    out->append("}");
  }
  out->append("],\"errors\":[");
  for (size_t i = 0; i < r.errors.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(r.errors[i], out);
  }
  out->append("]}\n");
}

}  // namespace khabar
