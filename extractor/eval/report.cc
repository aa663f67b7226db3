#include "eval/report.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace khabar::eval {
namespace {

using nlohmann::ordered_json;

double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

ordered_json CountsJson(const Counts& c) {
  ordered_json j;
  j["p"] = Round4(c.Precision());
  j["r"] = Round4(c.Recall());
  j["f"] = Round4(c.F1());
  j["tp"] = c.tp;
  j["fp"] = c.fp;
  j["fn"] = c.fn;
  return j;
}

ordered_json ByTypeJson(const std::vector<std::string>& types,
                        const std::map<std::string, Counts>& by_type, const Counts& all) {
  ordered_json j;
  j["ALL"] = CountsJson(all);
  for (const std::string& type : types) j[type] = CountsJson(by_type.at(type));
  return j;
}

const char* KindName(EntityError::Kind kind) {
  switch (kind) {
    case EntityError::Kind::kMiss:
      return "miss";
    case EntityError::Kind::kFalse:
      return "false";
    case EntityError::Kind::kBoundary:
      return "boundary";
  }
  return "";
}

ordered_json NameOrNull(const std::optional<std::string>& name) {
  return name ? ordered_json(*name) : ordered_json(nullptr);
}

std::string Format(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string Format(const char* format, ...) {
  char buffer[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  return buffer;
}

std::string CountsColumns(const Counts& c) {
  return Format("%6lld %6lld %6lld  %5.3f  %5.3f  %5.3f", static_cast<long long>(c.tp),
                static_cast<long long>(c.fp), static_cast<long long>(c.fn), c.Precision(),
                c.Recall(), c.F1());
}

std::string Triple(const NameTriple& t) {
  return (t.person ? *t.person : std::string("-")) + " | " + t.role + " | " +
         (t.org ? *t.org : std::string("-"));
}

}  // namespace

void PrintTextReport(const Evaluation& ev, bool show_errors, std::ostream& out) {
  if (show_errors) {
    for (const DocumentErrors& doc : ev.errors) {
      out << "== " << doc.id << (doc.no_prediction ? "  (no prediction)" : "") << "\n";
      for (const EntityError& e : doc.entities) {
        const char* kind = e.kind == EntityError::Kind::kMiss    ? "MISS "
                           : e.kind == EntityError::Kind::kFalse ? "FALSE"
                                                                 : "BOUND";
        out << Format("  %s %-6s %5lld-%-5lld ", kind, e.type.c_str(),
                      static_cast<long long>(e.start), static_cast<long long>(e.end))
            << e.left << "[" << e.text << "]" << e.right;
        if (e.kind == EntityError::Kind::kBoundary)
          out << "   gold " << e.gold_start << "-" << e.gold_end << " [" << e.gold_text << "]";
        if (!e.rule.empty()) out << "   (" << e.rule << ")";
        out << "\n";
      }
      for (const RelationError& r : doc.relations)
        out << "  " << (r.miss ? "REL MISS " : "REL FALSE") << " " << Triple(r.triple) << "\n";
    }
    if (!ev.errors.empty()) out << "\n";
  }

  out << "documents: " << ev.documents;
  if (ev.documents_without_prediction > 0)
    out << " (" << ev.documents_without_prediction << " without prediction)";
  out << "\n\n";
  out << Format("%-7s %6s %6s   %-41s   %s\n", "", "", "", "overlap", "strict");
  out << Format("%-7s %6s %6s   %6s %6s %6s  %5s  %5s  %5s   %6s %6s %6s  %5s  %5s  %5s\n",
                "type", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1", "tp", "fp", "fn", "P",
                "R", "F1");
  auto row = [&](const std::string& name, const Counts& o, const Counts& s) {
    out << Format("%-7s %6lld %6lld   ", name.c_str(), static_cast<long long>(o.tp + o.fn),
                  static_cast<long long>(o.tp + o.fp))
        << CountsColumns(o) << "   " << CountsColumns(s) << "\n";
  };
  for (const std::string& type : ev.types) row(type, ev.overlap.at(type), ev.strict.at(type));
  row("ALL", ev.OverlapAll(), ev.StrictAll());

  out << "\ndates: " << ev.dates_matched << " matched with a gold value, "
      << ev.dates_value_correct << " values correct"
      << Format(" (accuracy %.3f)\n", ev.DateAccuracy());

  out << "\n" << Format("%-9s %6s %6s %6s  %5s  %5s  %5s\n", "relations", "tp", "fp", "fn", "P", "R", "F1");
  out << Format("%-9s ", "") << CountsColumns(ev.relations) << "\n";

  const auto rules = ev.RulesByFalseHits();
  if (!rules.empty()) {
    size_t width = 4;
    for (const auto& [name, c] : rules) width = std::max(width, name.size());
    out << "\n" << Format("%-*s %6s %6s  %5s\n", static_cast<int>(width), "rule", "tp", "fp", "P");
    for (const auto& [name, c] : rules)
      out << Format("%-*s %6lld %6lld  %5.3f\n", static_cast<int>(width), name.c_str(),
                    static_cast<long long>(c.tp), static_cast<long long>(c.fp), c.Precision());
  }
}

std::string EvaluationJson(const Evaluation& ev, bool with_errors) {
  ordered_json j;
  j["overlap"] = ByTypeJson(ev.types, ev.overlap, ev.OverlapAll());
  j["strict"] = ByTypeJson(ev.types, ev.strict, ev.StrictAll());
  j["dates"] = {{"matched", ev.dates_matched},
                {"value_correct", ev.dates_value_correct},
                {"accuracy", Round4(ev.DateAccuracy())}};
  j["relations"] = CountsJson(ev.relations);
  ordered_json rules = ordered_json::object();
  for (const auto& [name, c] : ev.RulesByFalseHits()) rules[name] = {{"tp", c.tp}, {"fp", c.fp}};
  j["rules"] = std::move(rules);
  j["documents"] = ev.documents;
  j["documents_without_prediction"] = ev.documents_without_prediction;
  if (with_errors) {
    ordered_json docs = ordered_json::array();
    for (const DocumentErrors& doc : ev.errors) {
      ordered_json d;
      d["id"] = doc.id;
      d["no_prediction"] = doc.no_prediction;
      ordered_json entities = ordered_json::array();
      for (const EntityError& e : doc.entities) {
        ordered_json x;
        x["kind"] = KindName(e.kind);
        x["type"] = e.type;
        x["start"] = e.start;
        x["end"] = e.end;
        x["text"] = e.text;
        x["left"] = e.left;
        x["right"] = e.right;
        if (e.kind == EntityError::Kind::kBoundary) {
          x["gold_start"] = e.gold_start;
          x["gold_end"] = e.gold_end;
          x["gold_text"] = e.gold_text;
        }
        if (!e.rule.empty()) x["rule"] = e.rule;
        entities.push_back(std::move(x));
      }
      d["entities"] = std::move(entities);
      ordered_json relations = ordered_json::array();
      for (const RelationError& r : doc.relations)
        relations.push_back({{"kind", r.miss ? "miss" : "false"},
                             {"person", NameOrNull(r.triple.person)},
                             {"role", r.triple.role},
                             {"org", NameOrNull(r.triple.org)}});
      d["relations"] = std::move(relations);
      docs.push_back(std::move(d));
    }
    j["errors"] = std::move(docs);
  }
  // Invalid UTF-8 in a string is replaced rather than thrown.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace khabar::eval
