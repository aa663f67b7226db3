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
                    size_t head_end) {
  OrgName name;
  name.end = head_end;
  bool seen_lam = false;    // a ل complement was taken
  bool prev_lam = false;    // the previous word was a ل complement
  bool prev_bare = true;    // the previous word was bare (or the head)
  bool forced = false;      // the previous word was a place particle
  int bare_run = 0;
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
      generic_word = InClass(context, "org_generic_adj", core);
      take(w);
      prev_bare = prev_lam = false;
    } else if (StartsWith(core, "لل") && letters >= 4 && !IsGazetteerWord(context, core, "LOC")) {
      // ل + article: للتنمية, للناظور.
      if (i == 0) break;  // جمعية للتنمية: an indefinite head
      std::string inner = std::string(kAl) + std::string(DropLetters(core, 2));
      if (IsStopWord(context, inner) || IsOrgHead(context, inner) || IsPlaceHead(context, inner)) break;
      take(w);
      seen_lam = prev_lam = true;
      prev_bare = false;
      forced = IsPlaceParticle(context, inner);
    } else if (StartsWith(core, kLam) && letters >= 3 && !IsPlaceParticle(context, core) &&
               !IsGazetteerWord(context, core, "GIVEN_NAME") && !IsGazetteerWord(context, core, "LOC")) {
      // ل + bare word: لكرة, لتزنيت, لوزارة, لجهة.
      if (i == 0 || IsOrgHead(context, core)) break;  // لجنة is a new organization
      std::string_view inner = DropLetters(core, 1);
      if (IsPlaceHead(context, inner)) {
        size_t end = 0;
        if (WalkPlaceName(context, words, i + 1, PlaceMode::kUnit, &end) == 0) break;
        take(w);
        name.end = end;
        name.generic = false;
        return name;
      }
      take(w);
      seen_lam = prev_lam = true;
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
      if (!prev_lam || !HasArticle(inner) || IsPlaceHead(context, inner) || IsOrgHead(context, inner) ||
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
      if (i > 0 && IsOrgHead(context, core)) break;
      if (!prev_bare || seen_lam) {
        // After an adjective or a complement only a genitive chain goes on:
        // لرعاية أطفال التوحد.
        if (!next_continues(i)) break;
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

// Whether an ORG gazetteer name starts at the beginning of `text` and reaches
// at least `end`: the gazetteer's entry is then the better answer.
bool GazetteerCovers(const ValueContext& context, std::string_view text, size_t end) {
  if (context.gazetteer == nullptr) return false;
  std::string key_text(text);
  Gazetteer::FoldKeys(&key_text);
  std::vector<Token> tokens = Tokenize(text);
  std::vector<GazetteerHit> hits;
  context.gazetteer->Match(key_text, tokens, &hits);
  for (const GazetteerHit& hit : hits) {
    if (hit.first_token != 0) break;
    if (context.gazetteer->entries()[hit.entry].type != "ORG") continue;
    if (tokens[hit.end_token - 1].end >= end) return true;
  }
  return false;
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
  size_t head_end = GroupEnd(match, "head");
  if (head_end == std::string_view::npos) head_end = 0;

  // Rules whose pattern already delimits the name (news outlets).
  if (match.Has("span")) {
    const size_t span_begin = GroupBegin(match, "span");
    const size_t span_end = GroupEnd(match, "span");
    for (const NameWord& w : names::SplitWords(text.substr(0, span_end), head_end)) {
      if (w.kind == WordKind::kArabic && (IsStopWord(context, w.core) || IsVerbLike(context, w.core)))
        return std::nullopt;
    }
    Value v;
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
    OrgName name = WalkOrgName(context, words, head_article, head_end);
    if (name.words == 0) return std::nullopt;
    if (head_article && name.generic) return std::nullopt;  // الجمعية العامة
    end = name.end;
  }
  if (end <= head_end) return std::nullopt;
  if (GazetteerCovers(context, text, end)) return std::nullopt;
  Value v;
  v.end_in_match = static_cast<int>(end);
  v.norm = OrgNorm(match, end, lam_article);
  return v;
}

std::optional<Value> BuildPlaceValue(const RuleMatch& match, const ValueContext& context) {
  const std::string_view text = match.text;
  size_t head_end = GroupEnd(match, "head");
  if (head_end == std::string_view::npos) head_end = 0;
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
