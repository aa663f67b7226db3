#include "eval/scorer.h"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "khabar/normalizer.h"

namespace khabar::eval {
namespace {

int64_t Overlap(int64_t a_start, int64_t a_end, int64_t b_start, int64_t b_end) {
  return std::min(a_end, b_end) - std::max(a_start, b_start);
}

bool Overlaps(const Span& a, const Span& b) {
  if (a.start == a.end || b.start == b.end)  // empty spans overlap only themselves
    return a.start == b.start && a.end == b.end;
  return Overlap(a.start, a.end, b.start, b.end) > 0;
}

double Ratio(int64_t num, int64_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

// Code-point offsets into UTF-8 text that may be invalid: a code point starts
// at every byte that is not a continuation byte.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text) : text_(text) {
    for (size_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts_.push_back(i);
    starts_.push_back(text.size());
  }
  int64_t size() const { return static_cast<int64_t>(starts_.size()) - 1; }
  // Text of the code points [begin, end), clamped to the text.
  std::string Slice(int64_t begin, int64_t end) const {
    begin = std::clamp<int64_t>(begin, 0, size());
    end = std::clamp<int64_t>(end, begin, size());
    return std::string(text_.substr(starts_[begin], starts_[end] - starts_[begin]));
  }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

bool SameName(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return !a && !b;
  return NormalizeName(*a) == NormalizeName(*b);
}

bool RelationMatches(const GoldRelation& gold, const NameTriple& pred) {
  if (!SameName(gold.person, pred.person)) return false;
  if (NormalizeName(gold.role) != NormalizeName(pred.role)) return false;
  if (!gold.org || !pred.org) return !gold.org && !pred.org;
  const std::string org = NormalizeName(*pred.org);
  if (NormalizeName(*gold.org) == org) return true;
  for (const std::string& alt : gold.org_alt)
    if (NormalizeName(alt) == org) return true;
  return false;
}

}  // namespace

const std::vector<std::string>& ScoredTypes() {
  static const std::vector<std::string>* types =
      new std::vector<std::string>{"PERSON", "ORG", "LOC", "DATE", "ROLE"};
  return *types;
}

bool IsScoredType(std::string_view type) {
  for (const std::string& t : ScoredTypes())
    if (t == type) return true;
  return false;
}

double Counts::Precision() const { return Ratio(tp, tp + fp); }
double Counts::Recall() const { return Ratio(tp, tp + fn); }
double Counts::F1() const { return Ratio(2 * tp, 2 * tp + fp + fn); }

Counts& Counts::operator+=(const Counts& other) {
  tp += other.tp;
  fp += other.fp;
  fn += other.fn;
  return *this;
}

Status ParseTypeList(std::string_view spec, std::vector<std::string>* types) {
  std::set<std::string> wanted;
  size_t pos = 0;
  while (pos <= spec.size()) {
    size_t comma = spec.find(',', pos);
    if (comma == std::string_view::npos) comma = spec.size();
    std::string_view item = spec.substr(pos, comma - pos);
    pos = comma + 1;
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty()) continue;
    if (!IsScoredType(item))
      return Status::Error("unknown entity type '" + std::string(item) +
                           "' (expected PERSON, ORG, LOC, DATE, ROLE)");
    wanted.emplace(item);
  }
  if (wanted.empty()) return Status::Error("no entity type given");
  types->clear();
  for (const std::string& t : ScoredTypes())
    if (wanted.count(t)) types->push_back(t);
  return Status();
}

Matching MatchSpans(const std::vector<Span>& gold, const std::vector<Span>& pred,
                    MatchMode mode, const std::vector<std::string>& types) {
  auto scored = [&](const std::string& type) {
    return std::find(types.begin(), types.end(), type) != types.end();
  };
  auto required = [&](size_t g) { return !gold[g].optional && scored(gold[g].type); };
  // Candidate pairs: (overlap, gold index, pred index).
  std::vector<std::tuple<int64_t, size_t, size_t>> candidates;
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!required(g)) continue;
    for (size_t p = 0; p < pred.size(); ++p) {
      if (pred[p].type != gold[g].type) continue;
      const bool ok = mode == MatchMode::kStrict
                          ? pred[p].start == gold[g].start && pred[p].end == gold[g].end
                          : Overlaps(gold[g], pred[p]);
      if (!ok) continue;
      candidates.emplace_back(Overlap(gold[g].start, gold[g].end, pred[p].start, pred[p].end),
                              g, p);
    }
  }
  std::sort(candidates.begin(), candidates.end(), [&](const auto& a, const auto& b) {
    const auto& [oa, ga, pa] = a;
    const auto& [ob, gb, pb] = b;
    return std::make_tuple(-oa, gold[ga].start, pred[pa].start, ga, pa) <
           std::make_tuple(-ob, gold[gb].start, pred[pb].start, gb, pb);
  });
  std::vector<bool> gold_used(gold.size(), false), pred_used(pred.size(), false);
  Matching m;
  for (const auto& [overlap, g, p] : candidates) {
    if (gold_used[g] || pred_used[p]) continue;
    gold_used[g] = pred_used[p] = true;
    m.pairs.emplace_back(g, p);
  }
  std::sort(m.pairs.begin(), m.pairs.end());
  for (size_t g = 0; g < gold.size(); ++g)
    if (required(g) && !gold_used[g]) m.missed.push_back(g);
  for (size_t p = 0; p < pred.size(); ++p) {
    if (pred_used[p]) continue;
    bool excused = !scored(pred[p].type);
    for (size_t g = 0; g < gold.size() && !excused; ++g) {
      if (required(g)) continue;
      const bool type_ok = !scored(gold[g].type) || gold[g].type == pred[p].type;
      excused = type_ok && Overlaps(gold[g], pred[p]);
    }
    (excused ? m.ignored : m.false_hits).push_back(p);
  }
  return m;
}

std::string NormalizeName(std::string_view name) {
  const std::string normalized = Normalizer::Default().NormalizeString(name);
  std::string out;
  out.reserve(normalized.size());
  bool pending_space = false;
  for (size_t i = 0; i < normalized.size(); ++i) {
    const char c = normalized[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    // ة (U+0629, D8 A9) -> ه (U+0647, D9 87)
    if (c == '\xD8' && i + 1 < normalized.size() && normalized[i + 1] == '\xA9') {
      out += "\xD9\x87";
      ++i;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::vector<NameTriple> PredictedTriples(const Record& record,
                                         std::vector<std::string>* problems) {
  const int n = static_cast<int>(record.entities.size());
  auto bad = [&](const Relation& r, const char* what) {
    if (problems)
      problems->push_back(record.id + ": relation with " + what + " index out of range (rule " +
                          r.rule + ")");
  };
  auto name = [&](int index, bool role) {
    const Entity& e = record.entities[index];
    if (role && !e.value.empty()) return e.value;
    return e.norm.empty() ? e.text : e.norm;
  };
  std::vector<NameTriple> triples;
  std::set<std::tuple<bool, std::string, std::string, bool, std::string>> seen;
  for (const Relation& r : record.relations) {
    if (r.role < 0 || r.role >= n) {
      bad(r, "role");
      continue;
    }
    if (r.person && (*r.person < 0 || *r.person >= n)) {
      bad(r, "person");
      continue;
    }
    if (r.org && (*r.org < 0 || *r.org >= n)) {
      bad(r, "org");
      continue;
    }
    NameTriple t;
    if (r.person) t.person = name(*r.person, false);
    t.role = name(r.role, true);
    if (r.org) t.org = name(*r.org, false);
    auto key = std::make_tuple(t.person.has_value(), t.person ? NormalizeName(*t.person) : "",
                               NormalizeName(t.role), t.org.has_value(),
                               t.org ? NormalizeName(*t.org) : "");
    if (seen.insert(key).second) triples.push_back(std::move(t));
  }
  return triples;
}

Matching MatchRelations(const std::vector<GoldRelation>& gold,
                        const std::vector<NameTriple>& pred) {
  // Maximum bipartite matching (Kuhn) between required gold relations and
  // predictions; predictions are tried in order, so the result is stable.
  std::vector<std::vector<size_t>> edges(pred.size());
  for (size_t p = 0; p < pred.size(); ++p)
    for (size_t g = 0; g < gold.size(); ++g)
      if (!gold[g].optional && RelationMatches(gold[g], pred[p])) edges[p].push_back(g);
  std::vector<int> gold_to_pred(gold.size(), -1);
  std::function<bool(size_t, std::vector<bool>&)> augment = [&](size_t p,
                                                                 std::vector<bool>& visited) {
    for (size_t g : edges[p]) {
      if (visited[g]) continue;
      visited[g] = true;
      if (gold_to_pred[g] < 0 || augment(gold_to_pred[g], visited)) {
        gold_to_pred[g] = static_cast<int>(p);
        return true;
      }
    }
    return false;
  };
  std::vector<bool> pred_used(pred.size(), false);
  for (size_t p = 0; p < pred.size(); ++p) {
    std::vector<bool> visited(gold.size(), false);
    augment(p, visited);
  }
  Matching m;
  for (size_t g = 0; g < gold.size(); ++g) {
    if (gold[g].optional) continue;
    if (gold_to_pred[g] >= 0) {
      m.pairs.emplace_back(g, gold_to_pred[g]);
      pred_used[gold_to_pred[g]] = true;
    } else {
      m.missed.push_back(g);
    }
  }
  for (size_t p = 0; p < pred.size(); ++p) {
    if (pred_used[p]) continue;
    bool excused = false;
    for (size_t g = 0; g < gold.size() && !excused; ++g)
      excused = gold[g].optional && RelationMatches(gold[g], pred[p]);
    (excused ? m.ignored : m.false_hits).push_back(p);
  }
  return m;
}

std::string RuleKey(std::string_view rule) {
  while (!rule.empty() && rule.back() == ' ') rule.remove_suffix(1);
  if (rule.empty()) return "(none)";
  if (rule.substr(0, 10) == "gazetteer:") {
    size_t colon = rule.rfind(':');
    std::string_view tail = rule.substr(colon + 1);
    if (colon > 9 && !tail.empty() &&
        tail.find_first_not_of("0123456789") == std::string_view::npos)
      rule = rule.substr(0, colon);
    return std::string(rule);
  }
  size_t space = rule.rfind(' ');
  return std::string(space == std::string_view::npos ? rule : rule.substr(space + 1));
}

Evaluation::Evaluation(std::vector<std::string> scored_types) : types(std::move(scored_types)) {
  for (const std::string& type : types) {
    overlap[type];
    strict[type];
  }
}

Counts Evaluation::OverlapAll() const {
  Counts all;
  for (const auto& [type, counts] : overlap) all += counts;
  return all;
}

Counts Evaluation::StrictAll() const {
  Counts all;
  for (const auto& [type, counts] : strict) all += counts;
  return all;
}

double Evaluation::DateAccuracy() const { return Ratio(dates_value_correct, dates_matched); }

std::vector<std::pair<std::string, Counts>> Evaluation::RulesByFalseHits() const {
  std::vector<std::pair<std::string, Counts>> sorted(rules.begin(), rules.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    if (a.second.fp != b.second.fp) return a.second.fp > b.second.fp;
    return a.second.tp > b.second.tp;
  });
  return sorted;
}

void Scorer::Add(const GoldDocument& gold, const Record* pred, std::string_view text) {
  static const Record kEmpty;
  const Record& record = pred ? *pred : kEmpty;
  Evaluation& ev = evaluation_;
  ++ev.documents;
  if (!pred) ++ev.documents_without_prediction;

  std::vector<Span> gold_spans, pred_spans;
  for (const GoldEntity& e : gold.entities)
    gold_spans.push_back(Span{e.type, e.start, e.end, e.optional});
  for (const Entity& e : record.entities) pred_spans.push_back(Span{e.type, e.start, e.end, false});

  const Matching overlap = MatchSpans(gold_spans, pred_spans, MatchMode::kOverlap, ev.types);
  const Matching strict = MatchSpans(gold_spans, pred_spans, MatchMode::kStrict, ev.types);
  for (const auto& [g, p] : overlap.pairs) {
    ++ev.overlap[gold_spans[g].type].tp;
    ++ev.rules[RuleKey(record.entities[p].rule)].tp;
    if (gold_spans[g].type == "DATE" && !gold.entities[g].value.empty()) {
      ++ev.dates_matched;
      if (record.entities[p].value == gold.entities[g].value) ++ev.dates_value_correct;
    }
  }
  for (size_t g : overlap.missed) ++ev.overlap[gold_spans[g].type].fn;
  for (size_t p : overlap.false_hits) {
    ++ev.overlap[pred_spans[p].type].fp;
    ++ev.rules[RuleKey(record.entities[p].rule)].fp;
  }
  for (const auto& [g, p] : strict.pairs) ++ev.strict[gold_spans[g].type].tp;
  for (size_t g : strict.missed) ++ev.strict[gold_spans[g].type].fn;
  for (size_t p : strict.false_hits) ++ev.strict[pred_spans[p].type].fp;

  const std::vector<NameTriple> triples = PredictedTriples(record, nullptr);
  const Matching relations = MatchRelations(gold.relations, triples);
  ev.relations.tp += static_cast<int64_t>(relations.pairs.size());
  ev.relations.fp += static_cast<int64_t>(relations.false_hits.size());
  ev.relations.fn += static_cast<int64_t>(relations.missed.size());

  if (!keep_errors_) return;
  DocumentErrors errors;
  errors.id = gold.id;
  errors.no_prediction = pred == nullptr;
  const CodePointIndex index(text);
  auto fill = [&](EntityError* e, const std::string& surface) {
    if (index.size() > 0 && e->end <= index.size()) {
      e->text = OneLine(index.Slice(e->start, e->end));
      e->left = OneLine(index.Slice(e->start - kContext, e->start));
      e->right = OneLine(index.Slice(e->end, e->end + kContext));
    } else {
      e->text = OneLine(surface);
    }
  };
  for (size_t g : overlap.missed) {
    EntityError e;
    e.kind = EntityError::Kind::kMiss;
    e.type = gold_spans[g].type;
    e.start = gold_spans[g].start;
    e.end = gold_spans[g].end;
    fill(&e, gold.entities[g].text);
    errors.entities.push_back(std::move(e));
  }
  auto from_pred = [&](EntityError::Kind kind, size_t p) {
    const Entity& entity = record.entities[p];
    EntityError e;
    e.kind = kind;
    e.type = entity.type;
    e.start = entity.start;
    e.end = entity.end;
    e.rule = entity.rule;
    fill(&e, entity.text);
    return e;
  };
  for (size_t p : overlap.false_hits)
    errors.entities.push_back(from_pred(EntityError::Kind::kFalse, p));
  for (const auto& [g, p] : overlap.pairs) {
    if (gold_spans[g].start == pred_spans[p].start && gold_spans[g].end == pred_spans[p].end)
      continue;
    EntityError e = from_pred(EntityError::Kind::kBoundary, p);
    e.gold_start = gold_spans[g].start;
    e.gold_end = gold_spans[g].end;
    e.gold_text = OneLine(gold.entities[g].text);
    errors.entities.push_back(std::move(e));
  }
  std::stable_sort(errors.entities.begin(), errors.entities.end(),
                   [](const EntityError& a, const EntityError& b) {
                     return std::make_pair(a.start, a.end) < std::make_pair(b.start, b.end);
                   });
  for (size_t g : relations.missed) {
    const GoldRelation& r = gold.relations[g];
    errors.relations.push_back(RelationError{true, NameTriple{r.person, r.role, r.org}});
  }
  for (size_t p : relations.false_hits)
    errors.relations.push_back(RelationError{false, triples[p]});
  if (!errors.entities.empty() || !errors.relations.empty() || errors.no_prediction)
    ev.errors.push_back(std::move(errors));
}

}  // namespace khabar::eval
