#include "eval/gold.h"

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

namespace khabar::eval {
namespace {

using nlohmann::json;

std::string Where(const std::string& name, int line) {
  return name + ":" + std::to_string(line) + ": ";
}

// Field readers; each returns false and sets *error when the field has the
// wrong type. A missing or null field leaves the output unchanged.
bool GetString(const json& object, const char* key, std::string* out, std::string* error) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *error = std::string("field '") + key + "' must be a string";
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool GetInt(const json& object, const char* key, int64_t* out, std::string* error) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) {
    *error = std::string("field '") + key + "' must be an integer";
    return false;
  }
  *out = it->get<int64_t>();
  return true;
}

bool GetBool(const json& object, const char* key, bool* out, std::string* error) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_boolean()) {
    *error = std::string("field '") + key + "' must be true or false";
    return false;
  }
  *out = it->get<bool>();
  return true;
}

bool GetOptionalName(const json& object, const char* key, std::optional<std::string>* out,
                     std::string* error) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    out->reset();
    return true;
  }
  if (!it->is_string()) {
    *error = std::string("field '") + key + "' must be a string or null";
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

bool GetOptionalIndex(const json& object, const char* key, std::optional<int>* out,
                      std::string* error) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    out->reset();
    return true;
  }
  if (!it->is_number_integer()) {
    *error = std::string("field '") + key + "' must be an entity index or null";
    return false;
  }
  *out = it->get<int>();
  return true;
}

bool GetId(const json& object, std::string* out, std::string* error) {
  auto it = object.find("id");
  if (it != object.end() && it->is_string()) {
    *out = it->get<std::string>();
  } else if (it != object.end() && it->is_number_integer()) {
    *out = std::to_string(it->get<int64_t>());
  } else {
    *error = "missing 'id' (string or number)";
    return false;
  }
  return true;
}

bool ParseGoldEntity(const json& e, GoldEntity* out, std::string* error) {
  if (!e.is_object()) {
    *error = "an entity must be an object";
    return false;
  }
  if (!GetString(e, "type", &out->type, error)) return false;
  if (out->type.empty()) {
    *error = "entity without 'type'";
    return false;
  }
  if (!GetInt(e, "start", &out->start, error) || !GetInt(e, "end", &out->end, error))
    return false;
  if (out->start < 0 || out->end < out->start) {
    *error = "entity with bad span " + std::to_string(out->start) + "-" +
             std::to_string(out->end);
    return false;
  }
  return GetString(e, "text", &out->text, error) && GetString(e, "value", &out->value, error) &&
         GetString(e, "norm", &out->norm, error) &&
         GetBool(e, "optional", &out->optional, error);
}

bool ParseGoldRelation(const json& r, GoldRelation* out, std::string* error) {
  if (!r.is_object()) {
    *error = "a relation must be an object";
    return false;
  }
  if (!GetOptionalName(r, "person", &out->person, error) ||
      !GetString(r, "role", &out->role, error) ||
      !GetOptionalName(r, "org", &out->org, error) ||
      !GetBool(r, "optional", &out->optional, error))
    return false;
  if (out->role.empty()) {
    *error = "relation without 'role'";
    return false;
  }
  auto alt = r.find("org_alt");
  if (alt != r.end() && !alt->is_null()) {
    if (!alt->is_array()) {
      *error = "field 'org_alt' must be a list of names";
      return false;
    }
    for (const auto& name : *alt) {
      if (!name.is_string()) {
        *error = "field 'org_alt' must be a list of names";
        return false;
      }
      out->org_alt.push_back(name.get<std::string>());
    }
  }
  return true;
}

bool ParseGoldLine(const json& doc, GoldDocument* out, std::string* error) {
  if (!doc.is_object()) {
    *error = "a gold line must be a JSON object";
    return false;
  }
  if (!GetId(doc, &out->id, error)) return false;
  auto meta = doc.find("meta");
  if (meta != doc.end() && meta->is_object()) {
    if (!GetString(*meta, "date", &out->date, error)) return false;
  }
  auto entities = doc.find("entities");
  if (entities != doc.end() && !entities->is_null()) {
    if (!entities->is_array()) {
      *error = "'entities' must be a list";
      return false;
    }
    for (const auto& e : *entities) {
      GoldEntity entity;
      if (!ParseGoldEntity(e, &entity, error)) return false;
      out->entities.push_back(std::move(entity));
    }
  }
  auto relations = doc.find("relations");
  if (relations != doc.end() && !relations->is_null()) {
    if (!relations->is_array()) {
      *error = "'relations' must be a list";
      return false;
    }
    for (const auto& r : *relations) {
      GoldRelation relation;
      if (!ParseGoldRelation(r, &relation, error)) return false;
      out->relations.push_back(std::move(relation));
    }
  }
  return true;
}

bool ParseRecordLine(const json& doc, Record* out, std::string* error) {
  if (!doc.is_object()) {
    *error = "a record must be a JSON object";
    return false;
  }
  if (!GetId(doc, &out->id, error) || !GetString(doc, "source", &out->source, error))
    return false;
  auto meta = doc.find("meta");
  if (meta != doc.end() && meta->is_object()) {
    if (!GetString(*meta, "title", &out->meta.title, error) ||
        !GetString(*meta, "date", &out->meta.date, error) ||
        !GetString(*meta, "author", &out->meta.author, error) ||
        !GetString(*meta, "outlet", &out->meta.outlet, error))
      return false;
  }
  auto entities = doc.find("entities");
  if (entities != doc.end() && !entities->is_null()) {
    if (!entities->is_array()) {
      *error = "'entities' must be a list";
      return false;
    }
    for (const auto& e : *entities) {
      if (!e.is_object()) {
        *error = "an entity must be an object";
        return false;
      }
      Entity entity;
      if (!GetString(e, "type", &entity.type, error) ||
          !GetString(e, "subtype", &entity.subtype, error) ||
          !GetInt(e, "start", &entity.start, error) || !GetInt(e, "end", &entity.end, error) ||
          !GetString(e, "text", &entity.text, error) ||
          !GetString(e, "norm", &entity.norm, error) ||
          !GetString(e, "value", &entity.value, error) ||
          !GetString(e, "calendar", &entity.calendar, error) ||
          !GetString(e, "hijri_value", &entity.hijri_value, error) ||
          !GetBool(e, "relative", &entity.relative, error) ||
          !GetString(e, "id", &entity.id, error) || !GetString(e, "rule", &entity.rule, error))
        return false;
      out->entities.push_back(std::move(entity));
    }
  }
  auto relations = doc.find("relations");
  if (relations != doc.end() && !relations->is_null()) {
    if (!relations->is_array()) {
      *error = "'relations' must be a list";
      return false;
    }
    for (const auto& r : *relations) {
      if (!r.is_object()) {
        *error = "a relation must be an object";
        return false;
      }
      Relation relation;
      std::optional<int> role;
      if (!GetString(r, "type", &relation.type, error) ||
          !GetOptionalIndex(r, "person", &relation.person, error) ||
          !GetOptionalIndex(r, "role", &role, error) ||
          !GetOptionalIndex(r, "org", &relation.org, error) ||
          !GetString(r, "rule", &relation.rule, error))
        return false;
      if (!role) {
        *error = "relation without 'role'";
        return false;
      }
      relation.role = *role;
      out->relations.push_back(std::move(relation));
    }
  }
  auto errors = doc.find("errors");
  if (errors != doc.end() && errors->is_array()) {
    for (const auto& e : *errors)
      if (e.is_string()) out->errors.push_back(e.get<std::string>());
  }
  return true;
}

// Calls parse_line(json, line_number, &error) for each non-blank line.
template <typename ParseLine>
Status ForEachJsonLine(std::string_view content, const std::string& name, ParseLine parse_line) {
  size_t pos = 0;
  int line_number = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (line_number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    json doc = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return Status::Error(Where(name, line_number) + "invalid JSON");
    std::string error;
    if (!parse_line(doc, &error)) return Status::Error(Where(name, line_number) + error);
  }
  return Status();
}

}  // namespace

std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return buffer.str();
}

StatusOr<std::vector<GoldDocument>> ParseGoldJsonl(std::string_view content,
                                                   const std::string& name) {
  std::vector<GoldDocument> docs;
  std::set<std::string> seen;
  Status status = ForEachJsonLine(content, name, [&](const json& doc, std::string* error) {
    GoldDocument gold;
    if (!ParseGoldLine(doc, &gold, error)) {
      if (!gold.id.empty()) *error = "id " + gold.id + ": " + *error;
      return false;
    }
    if (!seen.insert(gold.id).second) {
      *error = "id " + gold.id + " given twice";
      return false;
    }
    docs.push_back(std::move(gold));
    return true;
  });
  if (!status.ok()) return status;
  return docs;
}

StatusOr<std::vector<GoldDocument>> ReadGoldJsonl(const std::string& path) {
  std::optional<std::string> content = ReadWholeFile(path);
  if (!content) return Status::Error(path + ": cannot read the file");
  return ParseGoldJsonl(*content, path);
}

StatusOr<std::vector<Record>> ParseRecordsJsonl(std::string_view content,
                                                const std::string& name) {
  std::vector<Record> records;
  Status status = ForEachJsonLine(content, name, [&](const json& doc, std::string* error) {
    Record record;
    if (!ParseRecordLine(doc, &record, error)) return false;
    records.push_back(std::move(record));
    return true;
  });
  if (!status.ok()) return status;
  return records;
}

StatusOr<std::vector<Record>> ReadRecordsJsonl(const std::string& path) {
  std::optional<std::string> content = ReadWholeFile(path);
  if (!content) return Status::Error(path + ": cannot read the file");
  return ParseRecordsJsonl(*content, path);
}

}  // namespace khabar::eval
