// The `org` and `place` value builders: they end a name found after a head
// noun (rules/orgs.yaml, rules/places.yaml) at the right word and set its
// norm. See org_words.h for the word tests.
#include <string>
#include <vector>

#include "khabar/gazetteer.h"
#include "khabar/rule_set.h"
#include "khabar/tokenizer.h"
#include "khabar/value_builder.h"
#include "names/org_words.h"

namespace khabar {
namespace {

using names::CleanName;
using names::DropLetters;
using names::EndsWith;
using names::HasArticle;
using names::InClass;
using names::IsGazetteerWord;
using names::IsOrgHead;
using names::IsPlaceHead;
using names::IsPlaceParticle;
using names::IsStopWord;
using names::IsVerbLike;
using names::NameWord;
using names::PlaceMode;
using names::StartsWith;
using names::WalkPlaceName;
using names::WithoutArticle;
using names::WordKind;

constexpr std::string_view kAl = "ال";
constexpr std::string_view kLam = "ل";
constexpr std::string_view kBa = "ب";
constexpr std::string_view kWaw = "و";

constexpr int kMaxBareRun = 3;   // proper-name words right after a head noun
constexpr int kMaxLatin = 4;     // Latin words of a name (وكالة ANAPEC)
constexpr int kMaxQuoted = 10;   // words between quote marks

// Byte offset of a capture inside the match, or npos.
size_t GroupEnd(const RuleMatch& match, std::string_view name) {
  for (const auto& g : match.groups)
    if (g.first == name && g.second.data() != nullptr)
      return static_cast<size_t>(g.second.data() - match.text.data()) + g.second.size();
  return std::string_view::npos;
}

size_t GroupBegin(const RuleMatch& match, std::string_view name) {
  for (const auto& g : match.groups)
    if (g.first == name && g.second.data() != nullptr)
      return static_cast<size_t>(g.second.data() - match.text.data());
  return std::string_view::npos;
}

// End of the head noun: of the capture `head` or `head_...` that matched
// (0 without one).
size_t HeadEnd(const RuleMatch& match) {
  for (const auto& g : match.groups)
    if (StartsWith(g.first, "head") && g.second.data() != nullptr)
      return static_cast<size_t>(g.second.data() - match.text.data()) + g.second.size();
  return 0;
}

// A word that carries an object pronoun (جمعها, مكتبه, مقرهم): a verb or a
// possessed noun, not part of a name.
bool HasPronounSuffix(std::string_view word) {
  if (names::LetterCount(word) < 4) return false;
  return EndsWith(word, "ها") || EndsWith(word, "هم") || EndsWith(word, "هما") || EndsWith(word, "ه");
}

// Whether `word` (with ال) can be an adjective agreeing with a head noun of
// that gender: nisba (الجهوي, المغربية), participle (المتوسطية, المشترك),
// فعيل (الكبير), أفعل (الأخضر), feminine elative (العليا, الكبرى).
// الجمعية الفاعل, الصندوق التقرير: a new phrase, not a name.
bool IsAdjectiveShaped(std::string_view word, bool feminine) {
  if (!HasArticle(word)) return false;
  const std::string_view stem = WithoutArticle(word);
  const size_t n = names::LetterCount(stem);
  if (feminine) {
    if (EndsWith(stem, "ة") || EndsWith(stem, "ا")) return true;
    return n == 4 && EndsWith(stem, "ي");  // الكبري, الوسطي, الاولي
  }
  if (EndsWith(stem, "ة")) return false;
  if (EndsWith(stem, "ي") || StartsWith(stem, "م")) return true;
  if (n == 4 && names::DropLetters(stem, 2).substr(0, 2) == "ي") return true;  // فعيل
  if (n == 4 && StartsWith(stem, "ا")) return true;                              // أفعل
  return false;
}

// Where an organization's name ends after its head noun.
struct OrgName {
  size_t end = 0;       // byte end of the name in the match
  int words = 0;        // name words taken after the head
  bool generic = true;  // only adjectives of org_generic_adj
};

// An article word that continues a name: not a stop word, not another
// organization or an anaphoric unit (للجمعية, الجماعة).
bool ArticleContinues(const names::NameWord& w, const ValueContext& context) {
  return w.kind == WordKind::kArabic && !w.opens_quote && HasArticle(w.core) && !IsStopWord(context, w.core) &&
         !IsOrgHead(context, w.core) && !IsPlaceHead(context, w.core);
}

// Walks the Arabic words of a name. `head_article`: the head noun has the
// article (then the name cannot start with a bare word).
OrgName WalkOrgName(const ValueContext& context, const std::vector<NameWord>& words, bool head_article,
                    bool head_multiword, bool head_feminine, size_t head_end) {
  OrgName name;
  name.end = head_end;
  bool seen_lam = false;    // a ل complement was taken
  bool prev_lam = false;    // the previous word was a ل complement
  bool prev_bare = true;    // the previous word was bare (or the head)
  bool forced = false;      // the previous word was a place particle
  int bare_run = 0;
  std::string last_lam_inner;  // the previous ل complement without its ل
  auto take = [&](const NameWord& w) {
    name.end = w.core_end;
    ++name.words;
  };
  auto next_continues = [&](size_t i) {
    return i + 1 < words.size() && !words[i].closes_quote && ArticleContinues(words[i + 1], context);
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const NameWord& w = words[i];
    if (w.kind != WordKind::kArabic || w.opens_quote) break;
    const std::string_view core = w.core;
    const size_t letters = names::LetterCount(core);
    if (forced) {
      // The word after عين, سيدي, آيت ... belongs to the place name.
      if (IsStopWord(context, core)) break;
      take(w);
      forced = IsPlaceParticle(context, core);
      prev_bare = true;
      prev_lam = false;
      if (w.closes_quote) break;
      continue;
    }
    if (IsStopWord(context, core)) break;
    bool generic_word = false;
    if (HasArticle(core)) {
      // An adjective or a genitive noun: الأشراف, المتوسطية.
      if (IsOrgHead(context, core) || IsPlaceHead(context, core)) break;
      if (!head_article && i == 0 && InClass(context, "org_admin_adj", core)) break;
      if (head_article && !head_multiword && i == 0 && !IsAdjectiveShaped(core, head_feminine)) break;
      generic_word = InClass(context, "org_generic_adj", core);
      take(w);
      prev_bare = prev_lam = false;
    } else if (StartsWith(core, "لل") && letters >= 4 && !IsGazetteerWord(context, core, "LOC")) {
      // ل + article: للتنمية, للناظور.
      if (i == 0 && !head_multiword) break;  // جمعية للتنمية: an indefinite head
      std::string inner = std::string(kAl) + std::string(DropLetters(core, 2));
      if (IsStopWord(context, inner) || IsOrgHead(context, inner) || IsPlaceHead(context, inner)) break;
      take(w);
      seen_lam = prev_lam = true;
      last_lam_inner = inner;
      prev_bare = false;
      forced = IsPlaceParticle(context, inner);
    } else if (StartsWith(core, kLam) && letters >= 3 && !IsPlaceParticle(context, core) &&
               !IsGazetteerWord(context, core, "GIVEN_NAME") && !IsGazetteerWord(context, core, "LOC")) {
      // ل + bare word: لكرة, لتزنيت, لوزارة, لجهة.
      if ((i == 0 && !head_multiword) || IsOrgHead(context, core)) break;  // لجنة: a new organization
      std::string_view inner = DropLetters(core, 1);
      if (IsPlaceHead(context, inner)) {
        size_t end = 0;
        if (WalkPlaceName(context, words, i + 1, PlaceMode::kUnit, &end) == 0) break;
        take(w);
        name.end = end;
        name.generic = false;
        return name;
      }
      // A complement is followed by its genitive (لحماية البيئة) or ends the
      // name (لتزنيت،); لتمويل هذا المشروع is a new phrase.
      const bool known = IsGazetteerWord(context, inner, "LOC") || IsPlaceParticle(context, inner);
      if (!known && i + 1 < words.size() && !w.closes_quote && !next_continues(i)) break;
      take(w);
      seen_lam = prev_lam = true;
      last_lam_inner = std::string(inner);
      prev_bare = false;
      forced = IsPlaceParticle(context, inner);
    } else if (StartsWith(core, kBa) && letters >= 3 && !IsPlaceParticle(context, core) &&
               !IsGazetteerWord(context, core, "LOC") && !IsGazetteerWord(context, core, "GIVEN_NAME")) {
      // ب: للنهوض بالأعمال (after a ل complement) or a country at the end.
      std::string_view inner = DropLetters(core, 1);
      if (InClass(context, "org_tail_country", inner)) {
        take(w);
        name.generic = false;
        return name;
      }
      if (!prev_lam || !InClass(context, "org_ba_masdar", last_lam_inner) || !HasArticle(inner) || IsPlaceHead(context, inner) || IsOrgHead(context, inner) ||
          IsGazetteerWord(context, inner, "LOC") || IsStopWord(context, inner))
        break;
      take(w);
      prev_lam = prev_bare = false;
    } else if (StartsWith(core, kWaw) && letters >= 3 && i > 0 && !IsGazetteerWord(context, core, "LOC") &&
               !IsPlaceParticle(context, core)) {
      // و: والتنمية, وتكافؤ الفرص; not ونادي, ومجموعة من, وبحضور.
      std::string_view inner = DropLetters(core, 1);
      if (IsOrgHead(context, inner) || IsPlaceHead(context, inner) || IsStopWord(context, inner)) break;
      if (HasArticle(inner)) {
        if (head_article && name.words == 0) break;
        take(w);
        prev_lam = prev_bare = false;
      } else if (StartsWith(inner, "لل")) {
        std::string full = std::string(kAl) + std::string(DropLetters(inner, 2));
        if (IsStopWord(context, full) || IsOrgHead(context, full) || IsPlaceHead(context, full)) break;
        take(w);
        prev_lam = true;
        prev_bare = false;
      } else {
        if (StartsWith(inner, kLam) || StartsWith(inner, kBa)) break;
        if (IsVerbLike(context, core) || !next_continues(i)) break;
        take(w);
        prev_lam = prev_bare = false;
      }
    } else {
      // A bare word.
      if (IsVerbLike(context, core)) break;
      if (IsPlaceHead(context, core)) {
        // مجلس جماعة بركان, مجلس جهة سوس ماسة.
        size_t end = 0;
        if (WalkPlaceName(context, words, i + 1, PlaceMode::kUnit, &end) == 0) break;
        take(w);
        name.end = end;
        name.generic = false;
        return name;
      }
      if (i == 0 && head_article) break;  // الجمعية تنظم
      if (IsOrgHead(context, core)) break;  // مكتب نادي ...: the inner one is the name
      // مجلس أمناء المؤسسة: the bare word belongs to another organization.
      if (i + 1 < words.size() && words[i + 1].kind == WordKind::kArabic &&
          HasArticle(words[i + 1].core) && IsOrgHead(context, words[i + 1].core))
        break;
      if (!prev_bare || seen_lam) {
        // After an adjective or a complement only a genitive chain goes on:
        // لرعاية أطفال التوحد.
        if (!next_continues(i) || HasPronounSuffix(core)) break;
      } else if (bare_run >= kMaxBareRun) {
        break;
      }
      take(w);
      ++bare_run;
      prev_bare = true;
      prev_lam = false;
      forced = IsPlaceParticle(context, core);
    }
    if (!generic_word) name.generic = false;
    if (w.closes_quote) break;
  }
  return name;
}

// The normalized name from byte `begin` to `end` of the match: quote marks
// dropped, the article restored after the ل of لل.
std::string OrgNorm(const RuleMatch& match, size_t end, bool lam_article) {
  std::string norm = CleanName(match.text.substr(0, end));
  if (lam_article) norm.insert(0, "ا");
  return norm;
}

// An ORG gazetteer name that starts at the beginning of `text` and reaches
// at least `*end`: the name is then the gazetteer's, with its canonical form.
// Returns the entry, or nullptr; moves `*end` to the gazetteer name's end.
const GazetteerEntry* GazetteerName(const ValueContext& context, std::string_view text, size_t* end) {
  if (context.gazetteer == nullptr) return nullptr;
  std::string key_text(text);
  Gazetteer::FoldKeys(&key_text);
  std::vector<Token> tokens = Tokenize(text);
  std::vector<GazetteerHit> hits;
  context.gazetteer->Match(key_text, tokens, &hits);
  for (const GazetteerHit& hit : hits) {
    if (hit.first_token != 0) break;
    const GazetteerEntry& entry = context.gazetteer->entries()[hit.entry];
    if (entry.type != "ORG") continue;
    const size_t hit_end = tokens[hit.end_token - 1].end;
    if (hit_end >= *end) {
      *end = hit_end;
      return &entry;
    }
  }
  return nullptr;
}

// The unit noun of a place's norm, as the gazetteers write it: جماعة X for
// الجماعة الترابية X, إقليم X, عمالة X, جهة X, دوار X.
std::string UnitNoun(const RuleMatch& match) {
  const std::string head = CleanName(match.Group("head"));
  const std::string& subtype = match.rule != nullptr ? match.rule->subtype : std::string();
  if (subtype == "commune" && head.find("جماعة") != std::string::npos) return "جماعة";
  return head;
}

}  // namespace

std::optional<Value> BuildOrgValue(const RuleMatch& match, const ValueContext& context) {
  const std::string_view text = match.text;
  const bool lam_article = match.Group("art") == kLam;
  const bool head_article = match.Has("art");
  const size_t head_end = HeadEnd(match);

  // Rules whose pattern already delimits the name (news outlets).
  // A `trim` capture: end the name before the first stop word or verb;
  // otherwise such a word rejects the match.
  if (match.Has("span")) {
    const size_t span_begin = GroupBegin(match, "span");
    size_t span_end = GroupEnd(match, "span");
    size_t end = head_end;
    for (const NameWord& w : names::SplitWords(text.substr(0, span_end), head_end)) {
      const bool suffix = InClass(context, "org_media_suffix", w.core);
      if (w.kind == WordKind::kArabic && !suffix &&
          (IsStopWord(context, w.core) || IsVerbLike(context, w.core))) {
        if (!match.Has("trim")) return std::nullopt;
        break;
      }
      end = w.core_end;
    }
    if (end <= head_end) return std::nullopt;
    Value v;
    if (end < span_end) v.end_in_match = static_cast<int>(end);
    span_end = end;
    v.norm = CleanName(text.substr(span_begin, span_end - span_begin));
    return v;
  }

  const std::vector<NameWord> words = names::SplitWords(text, head_end);
  size_t end = 0;
  if (!words.empty() && words[0].opens_quote) {
    // A name in quote marks: مؤسسة "غد أفضل".
    for (size_t i = 0; i < words.size() && i < static_cast<size_t>(kMaxQuoted); ++i) {
      if (words[i].closes_quote) {
        end = words[i].end;
        break;
      }
      if (i > 0 && words[i].opens_quote) break;
    }
    if (end == 0) return std::nullopt;
  } else if (!words.empty() && words[0].kind == WordKind::kLatin) {
    // A Latin name: وكالة ANAPEC.
    for (size_t i = 0; i < words.size() && i < static_cast<size_t>(kMaxLatin); ++i) {
      if (words[i].kind != WordKind::kLatin && words[i].kind != WordKind::kNumber) break;
      if (i > 0 && words[i].opens_quote) break;
      end = words[i].core_end;
      if (words[i].closes_quote) break;
    }
  } else {
    // الجمعية العامة للمنخرطين, الهيئة المديرة: a meeting or a board.
    if (head_article && !words.empty() && InClass(context, "org_generic_first", words[0].core))
      return std::nullopt;
    const std::string_view head = text.substr(0, head_end);
    const bool head_multiword = head.find(' ') != std::string_view::npos || head.find('\t') != std::string_view::npos;
    const bool head_feminine = EndsWith(head, "ة") || EndsWith(head, "ه");
    OrgName name = WalkOrgName(context, words, head_article, head_multiword, head_feminine, head_end);
    if (match.Has("named")) {
      // The head already names the organization (الفضاء الجمعوي).
      end = name.words > 0 ? name.end : head_end;
    } else {
      if (name.words == 0) return std::nullopt;
      if (head_article && name.generic) return std::nullopt;  // الوكالة الوطنية
      end = name.end;
    }
  }
  if (end == head_end && match.Has("named")) {
    Value v;
    v.end_in_match = static_cast<int>(end);
    v.norm = OrgNorm(match, end, lam_article);
    return v;
  }
  if (end <= head_end) return std::nullopt;
  Value v;
  if (const GazetteerEntry* entry = GazetteerName(context, text, &end)) {
    v.norm = entry->canonical;
  } else {
    v.norm = OrgNorm(match, end, lam_article);
  }
  v.end_in_match = static_cast<int>(end);
  return v;
}

std::optional<Value> BuildPlaceValue(const RuleMatch& match, const ValueContext& context) {
  const std::string_view text = match.text;
  const size_t head_end = HeadEnd(match);
  const bool city = match.Has("city");
  const bool generic = city || match.Has("generic");  // the norm is the name alone
  // A fixed name (الجهة الشرقية): the pattern delimits it; a `next` capture
  // is the word after it, which must not make it a direction (الجهة الشرقية
  // للمدينة).
  if (match.Has("fixed")) {
    const std::string_view next = match.Group("next");
    if (!next.empty() && (StartsWith(next, kLam) || IsStopWord(context, next))) return std::nullopt;
    const size_t end = GroupEnd(match, "fixed");
    Value v;
    v.end_in_match = static_cast<int>(end);
    v.norm = CleanName(text.substr(0, end));
    return v;
  }
  const std::vector<NameWord> words = names::SplitWords(text, head_end);
  size_t end = 0;
  const int taken = WalkPlaceName(context, words, 0, city ? PlaceMode::kCity : PlaceMode::kUnit, &end);
  if (taken == 0) return std::nullopt;
  // A name that is a single particle (عين, سيدي) is not a name.
  if (taken == 1 && IsPlaceParticle(context, words[0].core)) return std::nullopt;
  // Some units need a known place as their first word (جهة: من جهة أخرى).
  if (match.Has("known") && !IsGazetteerWord(context, words[0].core, "LOC") &&
      !IsPlaceParticle(context, words[0].core))
    return std::nullopt;
  Value v;
  v.end_in_match = static_cast<int>(end);
  const std::string name = CleanName(text.substr(words[0].core_begin, end - words[0].core_begin));
  if (generic) {
    v.norm = name;
  } else {
    v.norm = UnitNoun(match) + " " + name;
  }
  return v;
}

}  // namespace khabar
