#include "khabar/pipeline.h"

#include "candidates.h"
#include "form_index.h"
#include "stages.h"

namespace khabar {

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(const std::vector<DataFile>& rules,
                                                     const std::vector<DataFile>& gazetteers) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  StatusOr<std::unique_ptr<Gazetteer>> g = Gazetteer::Load(gazetteers);
  if (!g.ok()) return g.status();
  p->gazetteer_ = std::move(g.value());
  StatusOr<std::unique_ptr<RuleSet>> r = RuleSet::Load(rules, p->gazetteer_.get());
  if (!r.ok()) return r.status();
  p->rules_ = std::move(r.value());
  p->forms_ = std::make_unique<FormIndex>(*p->gazetteer_, *p->rules_);
  return p;
}

Pipeline::~Pipeline() = default;

namespace {

// The buffers of the stages before the candidates, kept per thread: each
// article overwrites the last one's, which are still in cache, instead of
// writing fresh memory (the offset maps alone are several bytes per byte of
// text). A buffer grown past kMaxKeptBytes by a huge article is released
// afterwards, which bounds the memory each thread keeps.
struct Scratch {
  NormalizedText normalized;
  std::vector<Token> tokens;
  std::string key_text;
  FormIndex::Forms forms;
  Analysis analysis;

  static constexpr size_t kMaxKeptBytes = size_t{8} << 20;

  template <typename Buffer>
  static void ReleaseIfLarge(Buffer* buffer) {
    if (buffer->capacity() * sizeof((*buffer)[0]) > kMaxKeptBytes) Buffer().swap(*buffer);
  }
  void ReleaseLarge() {
    ReleaseIfLarge(&normalized.text);
    ReleaseIfLarge(&normalized.orig_start);
    ReleaseIfLarge(&normalized.orig_end);
    ReleaseIfLarge(&normalized.orig_cp_byte);
    ReleaseIfLarge(&tokens);
    ReleaseIfLarge(&key_text);
    ReleaseIfLarge(&forms.gazetteer_starts);
    ReleaseIfLarge(&forms.triggers);
    ReleaseIfLarge(&forms.needed);
    ReleaseIfLarge(&analysis.boundary);
  }
};

// Sets `out`, an empty string, to a copy of `s`. Constructing the copy and
// moving it in costs less than assigning `s` (the library's general replace,
// which allows for overlapping text), and entities take five strings each.
void CopyInto(std::string_view s, std::string* out) { *out = std::string(s); }

// Fills `e`, a new entity, from `c`, whose strings move into it. `e` is
// written where it stays (an element of a vector of entities): an Entity
// returned by value would be moved there string by string.
void FillEntity(const NormalizedText& n, std::string_view original, Candidate* c, Entity* e) {
  CopyInto(c->type, &e->type);
  CopyInto(c->subtype, &e->subtype);
  e->start = n.OriginalStart(c->begin);
  e->end = n.OriginalEnd(c->begin, c->end);
  const uint32_t b = n.orig_cp_byte[e->start];
  CopyInto(original.substr(b, n.orig_cp_byte[e->end] - b), &e->text);
  e->norm = std::move(c->norm);
  e->value = std::move(c->value.value);
  e->calendar = std::move(c->value.calendar);
  e->hijri_value = std::move(c->value.hijri_value);
  e->relative = c->value.relative;
  CopyInto(c->id, &e->id);
  CopyInto(c->rule, &e->rule);
  e->priority = c->priority;
}

}  // namespace

Record Pipeline::Process(const Article& article, const ProcessOptions& options, Trace* trace) const {
  // The anchor of relative dates: the article's date, else a date in its
  // byline, else --doc-date.
  if (!article.date.empty()) return Extract(article, ParseIsoDate(article.date), trace);
  Record record = Extract(article, ParseIsoDate(options.doc_date), trace);
  if (!record.meta.date.empty() && record.meta.date != options.doc_date && ParseIsoDate(record.meta.date)) {
    bool relative = false;
    for (const Entity& e : record.entities) relative |= e.relative;
    if (relative) {  // extract again, anchored on the byline's date
      if (trace) *trace = Trace();
      record = Extract(article, ParseIsoDate(record.meta.date), trace);
    }
  }
  return record;
}

Record Pipeline::Extract(const Article& article, std::optional<CivilDate> anchor, Trace* trace) const {
  Record record;
  record.id = article.id;
  record.source = article.source;
  record.errors = article.errors;
  record.meta.title = article.title;
  record.meta.date = article.date;
  record.meta.outlet = article.outlet;
  if (article.skip_extraction) return record;

  thread_local Scratch scratch;
  NormalizedText& normalized = scratch.normalized;
  Normalizer::Default().Normalize(article.text, &normalized);
  std::vector<Token>& tokens = scratch.tokens;
  Tokenize(normalized.text, &tokens);
  std::string& key_text = scratch.key_text;
  key_text.assign(normalized.text);
  Gazetteer::FoldKeys(&key_text);
  Analysis& analysis = scratch.analysis;
  analysis.text = normalized.text;
  analysis.key_text = key_text;
  analysis.tokens = &tokens;
  analysis.gazetteer = gazetteer_.get();
  analysis.rules = rules_.get();
  analysis.original = article.text;
  analysis.normalized = &normalized;
  FormIndex::Forms& forms = scratch.forms;
  forms_->Lookup(key_text, tokens, &forms);
  analysis.forms = &forms;
  analysis.boundary.assign(normalized.text.size() + 1, 0);
  uint8_t* const boundary = analysis.boundary.data();  // not reloaded after each byte store
  for (const Token& t : tokens) boundary[t.begin] = boundary[t.end] = 1;

  ValueContext context;
  context.rules = rules_.get();
  context.gazetteer = gazetteer_.get();
  context.anchor = anchor;

  std::vector<Candidate> candidates;
  candidates.reserve(tokens.size() / 4 + 16);  // candidates are fewer than tokens
  AddGazetteerCandidates(analysis, *gazetteer_, &candidates);
  AddRuleCandidates(analysis, *rules_, context, &candidates);
  if (trace) {
    for (const Candidate& c : candidates) {
      Candidate copy = c;
      FillEntity(normalized, article.text, &copy, &trace->candidates.emplace_back());
    }
  }
  DropBoilerplate(analysis, &candidates);
  std::vector<Candidate> resolved = ResolveOverlaps(std::move(candidates));
  LinkMentions(analysis, &resolved);
  FindRelations(analysis, resolved, &record.relations);
  ExtractMeta(analysis, resolved, &record.meta);
  record.entities.reserve(resolved.size());
  for (Candidate& c : resolved) FillEntity(normalized, article.text, &c, &record.entities.emplace_back());
  if (trace) {
    trace->normalized = normalized;
    trace->tokens = tokens;
  }
  scratch.ReleaseLarge();
  return record;
}

}  // namespace khabar
