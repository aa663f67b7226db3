// holds_role relations (DESIGN §2): who holds which title where, read from
// the sequence of resolved entities and the short stretches of text between
// them (never across a sentence end). For each ROLE entity:
//
// organization (rule suffix)
//   _org       the ORG or LOC right after the title, possibly after an
//              adjective (رئيس جمعية X, رئيسا جديدا لجمعية X, عامل صاحب
//              الجلالة على إقليم X);
//   _anaphor   a generic noun after the title (رئيس الجمعية, للمنظمة) or a
//              pronoun on it (رئيسها): the named ORG/LOC it refers to
//              (relations_text.h, AnaphorResolver);
//   _board     a board member in a list (X رئيسا لـY، وZ نائبا للرئيس):
//              the organization of the relation before, within the same
//              stretch of text;
//   _main_org  the same when no relation came before: the ORG the article
//              names most often;
// person (rule prefix)
//   person_role  the PERSON right before the title (X رئيس, X، رئيس,
//                انتخاب X رئيسا, X -بصفته رئيس);
//   role_person  the PERSON right after the title and its organization, past
//                a comma, honorifics or a second title (رئيس الجمعية السيد X,
//                أسندت مهمة الكاتب العام إلى X);
//   apposition   X، صفة ... ورئيس Y: the person opens the clause.
//
// A relation needs an organization: a title without one says little (gold
// files leave such pairs optional), and a title whose organization is only a
// generic noun needs a person. A relation without a person is dropped when
// another one gives the same title and organization a person. Verbs of
// office (Y التي يترأسها X) give `office_verb` relations that reuse a رئيس
// title of the same paragraph. `rule` is "relations.cc <prefix><suffix>".
#include <algorithm>
#include <set>
#include <tuple>

#include "khabar/normalizer.h"
#include "khabar/rule_set.h"
#include "names/person_lexicon.h"
#include "relations_text.h"
#include "stages.h"

namespace khabar {
namespace {

const char kRulePrefix[] = "relations.cc ";

bool IsNamed(const Candidate& c) { return c.type == "ORG" || c.type == "LOC"; }

// The role word carries a possessive pronoun (رئيسها, رئيسته).
bool HasPronoun(std::string_view role_text) {
  return text_util::EndsWith(role_text, "\xD9\x87\xD8\xA7") ||                          // ها
         text_util::EndsWith(role_text, "\xD8\xAA\xD9\x87") ||                          // ته
         text_util::EndsWith(role_text, "\xD9\x87\xD9\x85") ||                          // هم
         (text_util::EndsWith(role_text, "\xD9\x87") && text_util::Letters(role_text) > 4);  // ه
}

// Text between a person and the title after it: spaces, a comma, a colon, a
// dash or an ellipsis, closing quotes, بصفته ("in the capacity of"); no
// conjunction. The gap is often a long stretch of text: reading it for
// those marks fails at its first word, so the sentence ends are looked for
// only in a gap that passes.
bool PersonRoleGap(std::string_view gap) {
  static const std::string_view kCapacity[] = {
      "\xD8\xA8\xD8\xB5\xD9\x81\xD8\xAA\xD9\x87\xD8\xA7",  // بصفتها
      "\xD8\xA8\xD8\xB5\xD9\x81\xD8\xAA\xD9\x87",          // بصفته
      "\xD8\xA8\xD9\x88\xD8\xB5\xD9\x81\xD9\x87\xD8\xA7",  // بوصفها
      "\xD8\xA8\xD9\x88\xD8\xB5\xD9\x81\xD9\x87",          // بوصفه
  };
  size_t pos = 0, marks = 0;
  while (pos < gap.size()) {
    bool word = false;
    for (std::string_view w : kCapacity) {
      if (gap.substr(pos, w.size()) == w) {
        pos += w.size();
        word = true;
        break;
      }
    }
    if (word) continue;
    const char32_t c = text_util::Decode(gap, &pos);
    if (c == ' ' || c == '\t' || c == 0x201D || c == 0x201C || c == '"' || c == 0x00BB || c == 0x00AB) continue;
    if (c == 0x060C || c == ',' || c == ':' || c == '-' || c == 0x2013 || c == 0x2014 || c == '.' || c == '(') {
      ++marks;
      continue;
    }
    return false;
  }
  return marks <= 3 && !rel::HasBreak(gap);
}

class RelationFinder {
 public:
  RelationFinder(const Analysis& a, const std::vector<Candidate>& entities, std::vector<Relation>* out)
      : a_(a),
        e_(entities),
        lex_(a.gazetteer, a.rules),
        anaphors_(a, entities),
        out_(out),
        after_adjective_(FindClass(a, "role_after_adjective")),
        board_(FindClass(a, "role_board")),
        office_(FindClass(a, "person_office")) {}

  void Run() {
    for (size_t i = 0; i < e_.size(); ++i)
      if (e_[i].type == "ROLE") Role(i);
    OfficeVerbs();
    DropAnonymousDuplicates();
  }

  // محافظ المنيا in the title and اللواء X، محافظ المنيا in the body: the
  // relation without a person says nothing the one with a person does not.
  // The names are keyed only when there are relations of both kinds.
  void DropAnonymousDuplicates() {
    auto anonymous = [](const Relation& r) { return !r.person; };
    if (std::none_of(out_->begin(), out_->end(), anonymous)) return;
    auto key = [&](const Relation& r) {
      return rel::NameKey(e_[r.role].value.value) + "|" + (r.org ? rel::NameKey(e_[*r.org].norm) : std::string());
    };
    std::set<std::string> with_person;
    for (const Relation& r : *out_)
      if (r.person) with_person.insert(key(r));
    if (with_person.empty()) return;
    out_->erase(std::remove_if(out_->begin(), out_->end(),
                               [&](const Relation& r) { return !r.person && with_person.count(key(r)); }),
                out_->end());
  }

 private:
  // The class of the rules named `name`, found once per article rather than
  // by name for each title or person (nullptr: no rules or no such class).
  static const RuleSet::Class* FindClass(const Analysis& a, std::string_view name) {
    return a.rules ? a.rules->FindClass(name) : nullptr;
  }

  bool InClass(const RuleSet::Class* cls, std::string_view word) const {
    return cls != nullptr && a_.rules->ClassValue(cls, word).has_value();
  }

  struct Org {
    int index = -1;
    bool anaphoric = false;
    uint32_t end = 0;  // where the organization (or the title) ends in the text
    uint32_t after_title = 0;  // AfterTitle of the title
  };

  // Where the organization of the title at `r` may start: after the title
  // and an adjective such as جديدا or السابق.
  uint32_t AfterTitle(size_t r) {
    uint32_t p = e_[r].end;
    rel::Word w = rel::NextWord(a_, p);
    if (!w.empty() && InClass(after_adjective_, rel::Between(a_, w.begin, w.end)))
      p = w.end;
    return p;
  }

  Org FindOrg(size_t r) {
    Org org;
    org.end = e_[r].end;
    const std::string_view role_text = rel::Between(a_, e_[r].begin, e_[r].end);
    const uint32_t from = AfterTitle(r);
    org.after_title = from;
    if (from != e_[r].end) org.end = from;
    if (r + 1 < e_.size() && IsNamed(e_[r + 1]) &&
        rel::OrgGap(rel::Between(a_, from, e_[r + 1].begin), e_[r + 1].type == "LOC")) {
      org.index = static_cast<int>(r + 1);
      org.end = e_[r + 1].end;
      // A place after the organization (وكيل وزارة التضامن بأسيوط).
      if (r + 2 < e_.size() && e_[r + 2].type == "LOC" &&
          rel::OrgGap(rel::Between(a_, org.end, e_[r + 2].begin), /*place=*/true))
        org.end = e_[r + 2].end;
      return org;
    }
    if (auto an = rel::AnaphorAt(a_, from, lex_)) {
      if (rel::Blank(rel::Between(a_, from, an->begin))) {
        org.end = an->end;
        org.index = anaphors_.Resolve(r, *an);
        org.anaphoric = true;
        return org;
      }
    }
    if (HasPronoun(role_text)) {
      for (size_t k = r; k-- > 0;) {
        if (e_[r].begin - e_[k].end > 400) break;
        if (e_[k].type == "ORG") {
          org.index = static_cast<int>(k);
          org.anaphoric = true;
          break;
        }
      }
    }
    return org;
  }

  int PersonBefore(size_t r) {
    if (r == 0 || e_[r - 1].type != "PERSON") return -1;
    // A conjunction glued to the title (X ورئيس ...) joins another person.
    const uint32_t b = e_[r].begin;
    if (b >= 2 && a_.text.substr(b - 2, 2) == "\xD9\x88" && !a_.boundary[b]) return -1;
    return PersonRoleGap(rel::Between(a_, e_[r - 1].end, b)) ? static_cast<int>(r - 1) : -1;
  }

  int PersonAfter(size_t r, uint32_t from) {
    size_t k = rel::FirstFrom(e_, from);
    uint32_t p = rel::SkipFiller(a_, from, "\xD8\x8C,:");
    // A second title of the same person (رئيسة لجنة X، المستشارة Y).
    if (k + 1 < e_.size() && e_[k].type == "ROLE" && e_[k].begin == p) {
      p = rel::SkipFiller(a_, e_[k].end, "");
      ++k;
    }
    if (k >= e_.size() || e_[k].type != "PERSON") return -1;
    // Between: spaces, a comma, quotes, honorifics and descriptive titles.
    // أسندت مهمة نائبة الرئيس إلى X: the title after مهمة / منصب, then إلى.
    const rel::Word before = rel::PreviousWord(a_, e_[r].begin);
    const std::string_view job = rel::Between(a_, before.begin, before.end);
    if (!before.empty() && (job == "\xD9\x85\xD9\x87\xD9\x85\xD8\xA9" ||   // مهمة
                            job == "\xD9\x85\xD9\x86\xD8\xB5\xD8\xA8")) {  // منصب
      const rel::Word to = rel::NextWord(a_, p);
      if (rel::Between(a_, to.begin, to.end) == "\xD8\xA7\xD9\x84\xD9\x8A") p = rel::SkipFiller(a_, to.end, "");  // الي
    }
    bool titled = false;  // after a title, an adjective (المهندس الزراعي)
    for (int n = 0; n < 4 && p < e_[k].begin; ++n) {
      rel::Word w = rel::NextWord(a_, p);
      if (w.empty() || w.end > e_[k].begin) break;
      const std::string word = rel::WithoutProclitics(rel::Between(a_, w.begin, w.end));
      const bool adjective = titled && text_util::StartsWith(word, "\xD8\xA7\xD9\x84") &&
                             (text_util::EndsWith(word, "\xD9\x8A") || text_util::EndsWith(word, "\xD9\x8A\xD8\xA9"));
      if (!lex_.IsHonorific(word) && !lex_.IsTitle(word) && !adjective) return -1;
      titled = true;
      p = rel::SkipFiller(a_, w.end, "");
    }
    (void)r;
    return p == e_[k].begin ? static_cast<int>(k) : -1;
  }

  // Nothing that could name an organization follows the title: a comma, a
  // full stop, a word with و, the end of the line. `after_title` is
  // AfterTitle(r).
  bool ListItem(size_t r, uint32_t after_title) {
    const uint32_t p = rel::SkipFiller(a_, after_title, "");
    if (p >= a_.text.size()) return true;
    if (r + 1 < e_.size() && e_[r + 1].type == "PERSON" && e_[r + 1].begin == p) return true;
    const char c = a_.text[p];
    if (c == '.' || c == ',' || c == '\n' || c == '\r' || c == ';') return true;
    const std::string_view next = a_.text.substr(p, 2);
    return next == "\xD8\x8C" || next == "\xD9\x88" || next == "\xD8\x9B";  // ، و ؛
  }

  // The organization the article is about: the ORG mentioned most often
  // (a name and its longer form count together), if at least twice.
  int MainOrg() {
    if (main_org_ != -2) return main_org_;
    main_org_ = -1;
    std::vector<std::string> keys(e_.size());
    for (size_t i = 0; i < e_.size(); ++i)
      if (e_[i].type == "ORG") keys[i] = rel::NameKey(e_[i].norm);
    const std::vector<int> counts = rel::PrefixCounts(keys);
    int best_count = 1;
    for (size_t i = 0; i < e_.size(); ++i) {
      if (counts[i] > best_count) {
        best_count = counts[i];
        main_org_ = static_cast<int>(i);
      }
    }
    return main_org_;
  }

  // X، صفة ... ورئيس Y: the nearest person earlier in the sentence, when the
  // clause after it is an apposition joined to the title by و.
  int PersonInApposition(size_t r) {
    const uint32_t b = e_[r].begin;
    if (b < 2 || a_.text.substr(b - 2, 2) != "\xD9\x88" || a_.boundary[b]) return -1;
    for (size_t k = r; k-- > 0;) {
      if (e_[k].type == "ROLE") return -1;
      if (e_[k].type != "PERSON") continue;
      std::string_view gap = rel::Between(a_, e_[k].end, b);
      if (gap.size() > 240) return -1;
      // The comma first: most persons have none after them, and the gap is
      // read for sentence ends only when they do.
      const uint32_t after = rel::SkipFiller(a_, e_[k].end, "");
      if (after >= a_.text.size() || a_.text.substr(after, 2) != "\xD8\x8C") return -1;  // ،
      if (rel::HasBreak(gap)) return -1;
      // Words describing the person between the comma and و (not X، وY).
      const rel::Word w = rel::NextWord(a_, rel::SkipFiller(a_, after + 2, ""));
      if (w.empty() || w.end >= b) return -1;
      return static_cast<int>(k);
    }
    return -1;
  }

  void Role(size_t r) {
    Org org = FindOrg(r);
    const char* rule = nullptr;
    int person = PersonBefore(r);
    if (person >= 0) {
      rule = "person_role";
    } else if ((person = PersonAfter(r, org.end)) >= 0) {
      rule = "role_person";
    } else if ((person = PersonInApposition(r)) >= 0) {
      rule = "apposition";
    }
    // A board member in a list after its president (X رئيسا، وY نائبا
    // للرئيس، وZ أمينا للمال): the organization of the title before.
    if (person >= 0 && org.index < 0 && ListItem(r, org.after_title) &&
        InClass(board_, Normalizer::Default().NormalizeString(e_[r].norm))) {
      // (Not from a title of the same person: رئيسة لجنة X، المستشارة Y.)
      if (last_org_ >= 0 && e_[r].begin - last_org_pos_ <= 1500 && last_person_ != person) {
        org.index = last_org_;
        name_suffix_ = "_board";
      } else if ((org.index = MainOrg()) >= 0) {
        name_suffix_ = "_main_org";
      }
      org.anaphoric = true;
    }
    // Without an organization the relation says little (and gold files leave
    // such pairs optional); an organization named only by a generic noun
    // needs a person.
    if (org.index < 0 || (person < 0 && org.anaphoric)) return;
    std::string name = rule ? rule : "role";
    name += !name_suffix_.empty() ? name_suffix_ : org.anaphoric ? "_anaphor" : "_org";
    name_suffix_.clear();
    Add(person, static_cast<int>(r), org.index, name);
    if (person >= 0) {
      last_org_ = org.index;
      last_org_pos_ = e_[r].end;
      last_person_ = person;
    }
  }

  // Y التي يترأسها X, برئاسة X.
  void OfficeVerbs() {
    for (size_t k = 0; k < e_.size(); ++k) {
      if (e_[k].type != "PERSON") continue;
      rel::Word verb = rel::PreviousWord(a_, rel::SkipBackFiller(a_, e_[k].begin));
      if (verb.empty()) continue;
      const std::string_view v = rel::Between(a_, verb.begin, verb.end);
      // راس (رأس): presides. The substring test first: it rules out most
      // words without a lookup.
      if (v.find("\xD8\xB1\xD8\xA7\xD8\xB3") == std::string_view::npos) continue;
      if (!InClass(office_, v)) continue;
      // The organization: a named entity or a generic noun before (التي|الذي).
      int org = -1;
      rel::Word rel_pronoun = rel::PreviousWord(a_, verb.begin);
      uint32_t before = verb.begin;
      if (!rel_pronoun.empty()) {
        std::string_view pr = rel::Between(a_, rel_pronoun.begin, rel_pronoun.end);
        if (pr == "\xD8\xA7\xD9\x84\xD8\xAA\xD9\x8A" || pr == "\xD8\xA7\xD9\x84\xD8\xB0\xD9\x8A") before = rel_pronoun.begin;
      }
      const size_t first = rel::FirstFrom(e_, before);
      if (first > 0 && IsNamed(e_[first - 1]) && rel::Blank(rel::Between(a_, e_[first - 1].end, before))) {
        org = static_cast<int>(first - 1);
      } else {
        rel::Word noun = rel::PreviousWord(a_, before);
        if (!noun.empty()) {
          if (auto an = rel::AnaphorAt(a_, noun.begin, lex_)) org = anaphors_.Resolve(first, *an);
        }
      }
      if (org < 0) continue;
      // The title: a رئيس of the same paragraph.
      int role = -1;
      for (size_t i = 0; i < e_.size(); ++i) {
        if (e_[i].type != "ROLE" || e_[i].norm != "\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3") continue;  // رئيس
        const uint32_t lo = std::min(e_[i].begin, e_[k].begin), hi = std::max(e_[i].end, e_[k].end);
        if (rel::Between(a_, lo, hi).find('\n') != std::string_view::npos) continue;
        role = static_cast<int>(i);
        break;
      }
      if (role < 0) continue;
      Add(static_cast<int>(k), role, org, "office_verb");
    }
  }

  void Add(int person, int role, int org, const std::string& rule) {
    if (!seen_.emplace(person, role, org).second) return;
    Relation r;
    if (person >= 0) r.person = person;
    r.role = role;
    if (org >= 0) r.org = org;
    r.rule = kRulePrefix + rule;
    out_->push_back(std::move(r));
  }

  const Analysis& a_;
  const std::vector<Candidate>& e_;
  const PersonLexicon lex_;
  rel::AnaphorResolver anaphors_;  // over e_
  std::vector<Relation>* out_;
  std::set<std::tuple<int, int, int>> seen_;
  int last_org_ = -1;         // organization of the last relation
  uint32_t last_org_pos_ = 0;  // where its title ends
  int last_person_ = -1;       // its person
  std::string name_suffix_;
  int main_org_ = -2;  // not computed yet
  const RuleSet::Class* const after_adjective_;  // role_after_adjective
  const RuleSet::Class* const board_;            // role_board
  const RuleSet::Class* const office_;           // person_office
};

}  // namespace

void FindRelations(const Analysis& analysis, const std::vector<Candidate>& entities,
                   std::vector<Relation>* relations) {
  RelationFinder(analysis, entities, relations).Run();
}

}  // namespace khabar
