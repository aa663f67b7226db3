// Scorer: compares predicted records with gold documents (`khabar eval`).
//
// Entities of the types PERSON ORG LOC DATE ROLE are scored two ways:
//  - strict: same type, same start and end;
//  - overlap: same type, overlapping spans, one-to-one, greedy by overlap
//    size (ties: earlier gold span, then earlier prediction).
// Gold spans marked optional, and gold spans of any other type (EVENT, MISC),
// count neither for nor against: a prediction left unmatched that overlaps an
// optional span of its own type, or an optional span of a type not scored, is
// ignored. A prediction of a type not scored is ignored.
// Relations are (person, role, org) name triples, compared after
// NormalizeName(); duplicates among the predicted triples of one document are
// counted once, and the matching is one-to-one (maximum bipartite matching).
//
// Thread safety: Scorer is not thread-safe; the free functions are.
// Cost: MatchSpans is O(g·p log(g·p)) per document; documents are small.
#ifndef KHABAR_EVAL_SCORER_H_
#define KHABAR_EVAL_SCORER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eval/gold.h"
#include "khabar/record.h"
#include "khabar/status.h"

namespace khabar::eval {

// PERSON ORG LOC DATE ROLE, in report order.
const std::vector<std::string>& ScoredTypes();
bool IsScoredType(std::string_view type);

// Parses "PERSON,ORG,LOC" (a subset of ScoredTypes(), returned in report
// order) for scoring only some types.
Status ParseTypeList(std::string_view spec, std::vector<std::string>* types);

struct Counts {
  int64_t tp = 0;
  int64_t fp = 0;
  int64_t fn = 0;
  // 0 when the denominator is 0.
  double Precision() const;
  double Recall() const;
  double F1() const;
  Counts& operator+=(const Counts& other);
};

struct Span {
  std::string type;
  int64_t start = 0;
  int64_t end = 0;
  bool optional = false;
};

enum class MatchMode { kStrict, kOverlap };

// Indexes into the gold and predicted span lists.
struct Matching {
  std::vector<std::pair<size_t, size_t>> pairs;  // (gold, pred), by gold index
  std::vector<size_t> missed;      // required gold items left unmatched
  std::vector<size_t> false_hits;  // predictions that count as false
  std::vector<size_t> ignored;     // predictions that count neither way
};

// `types`: the types scored; gold spans of other types count as optional and
// predictions of other types are ignored.
Matching MatchSpans(const std::vector<Span>& gold, const std::vector<Span>& pred,
                    MatchMode mode, const std::vector<std::string>& types = ScoredTypes());

// A relation given by names.
struct NameTriple {
  std::optional<std::string> person;
  std::string role;
  std::optional<std::string> org;
};

// Arabic normalization (khabar::Normalizer), ة -> ه, whitespace runs -> one
// space, trimmed.
std::string NormalizeName(std::string_view name);

// The record's relations resolved to names: person -> norm or text; role ->
// value, norm or text; org -> norm or text. Triples equal after NormalizeName
// are kept once. A relation whose index is out of range is skipped and
// described in `*problems` (may be null).
std::vector<NameTriple> PredictedTriples(const Record& record,
                                         std::vector<std::string>* problems);

Matching MatchRelations(const std::vector<GoldRelation>& gold,
                        const std::vector<NameTriple>& pred);

// Key for per-rule counts: the rule id (last word of "file:line rule-id"), or
// "gazetteer:<file>" for "gazetteer:<file>:<line>"; "(none)" when empty.
std::string RuleKey(std::string_view rule);

// One miss, false hit or boundary difference, for --show-errors.
struct EntityError {
  enum class Kind { kMiss, kFalse, kBoundary };
  Kind kind = Kind::kMiss;
  std::string type;
  int64_t start = 0;  // miss: the gold span; false, boundary: the prediction
  int64_t end = 0;
  std::string text;   // surface of that span
  std::string left;   // up to kContext code points before and after it
  std::string right;
  std::string gold_text;  // boundary: the gold surface
  int64_t gold_start = 0;
  int64_t gold_end = 0;
  std::string rule;       // false, boundary: the prediction's rule
};

struct RelationError {
  bool miss = true;  // false: a false hit
  NameTriple triple;
};

struct DocumentErrors {
  std::string id;
  bool no_prediction = false;
  std::vector<EntityError> entities;  // by position
  std::vector<RelationError> relations;
};

struct Evaluation {
  std::vector<std::string> types;          // the types scored, in report order
  std::map<std::string, Counts> overlap;  // by type; every scored type present
  std::map<std::string, Counts> strict;
  int64_t dates_matched = 0;        // overlap-matched DATE pairs whose gold has a value
  int64_t dates_value_correct = 0;  // ... whose predicted value equals it
  Counts relations;
  std::map<std::string, Counts> rules;  // by RuleKey (overlap tp and fp)
  int64_t documents = 0;
  int64_t documents_without_prediction = 0;
  std::vector<DocumentErrors> errors;  // documents with at least one error

  explicit Evaluation(std::vector<std::string> scored_types = ScoredTypes());
  Counts OverlapAll() const;
  Counts StrictAll() const;
  double DateAccuracy() const;
  // Rules sorted by fp descending, then tp descending, then name.
  std::vector<std::pair<std::string, Counts>> RulesByFalseHits() const;
};

class Scorer {
 public:
  static constexpr int kContext = 30;

  explicit Scorer(bool keep_errors = false,
                  std::vector<std::string> types = ScoredTypes())
      : keep_errors_(keep_errors), evaluation_(std::move(types)) {}

  // Scores one document. `pred` is null when there is no prediction for it (all
  // its spans and relations are misses). `text` is the document text for the
  // error context; it may be empty.
  void Add(const GoldDocument& gold, const Record* pred, std::string_view text);

  const Evaluation& evaluation() const { return evaluation_; }

 private:
  bool keep_errors_;
  Evaluation evaluation_;
};

}  // namespace khabar::eval

#endif  // KHABAR_EVAL_SCORER_H_
