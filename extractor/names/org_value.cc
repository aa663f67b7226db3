// The `org` and `place` value builders: they end a name found after a head
// noun (rules/orgs.yaml, rules/places.yaml) at the right word and set its
// norm. See org_words.h for the word tests.
#include <string>
#include <vector>

#include "khabar/gazetteer.h"
#include "khabar/normalizer.h"
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
using names::HasLetters;
using names::InClass;
using names::IsGazetteerWord;
using names::IsOrgHead;
using names::IsPlaceHead;
using names::IsPlaceParticle;
using names::IsStopWord;
using names::IsVerbLike;
using names::KnownPlaceWords;
using names::Lexicon;
using names::LetterCount;
using names::NameType;
using names::NameWord;
using names::NameWordList;
using names::OrgClass;
using names::PlaceMode;
using names::StartsWith;
using names::WalkPlaceName;
using names::WithoutArticle;
using names::WordKind;

constexpr std::string_view kAl = "ال";
constexpr std::string_view kLam = "ل";
constexpr std::string_view kBa = "ب";
constexpr std::string_view kWaw = "و";

constexpr int kMaxBareRun = 3;  // proper-name words right after a head noun
constexpr int kMaxLatin = 4;    // Latin words of a name (وكالة USAID)
constexpr int kMaxQuoted = 10;  // words between quote marks

size_t GroupEnd(const RuleMatch& match, std::string_view name) {
  for (const auto& g : match.groups)
    if (g.first == name && g.second.data() != nullptr)
      return static_cast<size_t>(g.second.data() - match.text.data()) + g.second.size();
  return std::string_view::npos;
}

// The head noun: the capture `head` or `head_...` that matched (empty
// without one).
std::string_view HeadGroup(const RuleMatch& match) {
  for (const auto& g : match.groups)
    if (StartsWith(g.first, "head") && g.second.data() != nullptr) return g.second;
  return {};
}

// Whether the character at `pos` ends a word of the tail: a blank, a line
// break or punctuation (one of ` \t\r\n,.:;!?()[]{}|/\\،؟؛…`). Told from its
// bytes: most characters there are Arabic letters.
bool EndsTailWord(std::string_view s, size_t pos) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  switch (c) {
    case ' ': case '\t': case '\r': case '\n': case ',': case '.': case ':': case ';': case '!': case '?':
    case '(': case ')': case '[': case ']': case '{': case '}': case '|': case '/': case '\\':
      return true;
    case 0xD8: {  // ، ؛ ؟
      if (pos + 1 >= s.size()) return false;
      const unsigned char d = static_cast<unsigned char>(s[pos + 1]);
      return d == 0x8C || d == 0x9B || d == 0x9F;
    }
    case 0xE2:  // …
      return pos + 2 < s.size() && s[pos + 1] == '\x80' && s[pos + 2] == '\xA6';
    default:
      return false;
  }
}

// Bytes of `s` that the name words after a head noun may take: up to
// kMaxTailWords words, each after spaces or tabs, none crossing punctuation
// or a line break (what `[ \t]+[^ \t\r\n،,.:;!؟?()[]{}|/\\؛…]+` repeated
// would match).
size_t TailLength(std::string_view s) {
  constexpr int kMaxTailWords = 14;
  size_t end = 0;
  for (int word = 0; word < kMaxTailWords; ++word) {
    size_t pos = end;
    pos = SkipSpacesAndTabs(s, pos);
    if (pos == end) break;
    const size_t word_begin = pos;
    while (pos < s.size()) {
      // Most characters here are common Arabic letters, none of which ends a
      // word: they are skipped several at a time.
      pos = SkipCommonArabicLetters(s, pos);
      if (pos >= s.size() || EndsTailWord(s, pos)) break;
      const unsigned char lead = static_cast<unsigned char>(s[pos]);
      pos += lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    }
    if (pos == word_begin) break;
    end = std::min(pos, s.size());
  }
  return end;
}

// Bytes from the start of the match to the end of `head`, a capture of it
// (0 without one).
size_t HeadEnd(const RuleMatch& match, std::string_view head) {
  return head.data() == nullptr ? 0 : static_cast<size_t>(head.data() - match.text.data()) + head.size();
}

// The captures BuildOrgValue asks about, found in one pass over the groups
// instead of a search by name for each question (a dozen per match).
struct OrgGroups {
  std::string_view head;  // as HeadGroup
  std::string_view span;  // the first `span` that took part
  std::string_view art;   // the first `art`, as RuleMatch::Group
  std::string_view tail;  // the first `tail`, as RuleMatch::Group
  bool has_art = false;
  bool has_span = false;
  bool has_tail = false;
  bool facility = false;
  bool min2 = false;
  bool named = false;
  bool glued = false;
  bool trim = false;

  explicit OrgGroups(const RuleMatch& match) {
    for (const auto& [name, text] : match.groups) {
      if (head.data() == nullptr && text.data() != nullptr && StartsWith(name, "head")) {
        head = text;
      } else if (name == "span") {
        if (span.data() == nullptr) span = text;
        has_span = true;
      } else if (name == "art") {
        if (!has_art) art = text;
        has_art = true;
      } else if (name == "tail") {
        if (!has_tail) tail = text;
        has_tail = true;
      } else if (name == "facility") {
        facility = true;
      } else if (name == "min2") {
        min2 = true;
      } else if (name == "named") {
        named = true;
      } else if (name == "glued") {
        glued = true;
      } else if (name == "trim") {
        trim = true;
      }
    }
  }
};

// The match with, for a rule whose tail is left to the builder (an empty
// `tail` capture at the end of the pattern), the words that follow it.
std::string_view MatchWithTail(const RuleMatch& match, const OrgGroups& groups) {
  if (!groups.has_tail || !groups.tail.empty()) return match.text;
  return std::string_view(match.text.data(), match.text.size() + TailLength(match.following));
}

// A word that carries a pronoun (جمعها, مكتبه, مقرهم): a verb or a possessed
// noun, not part of a name.
bool HasPronounSuffix(std::string_view word) {
  if (!HasLetters(word, 4)) return false;
  return EndsWith(word, "ها") || EndsWith(word, "هم") || EndsWith(word, "ه");
}

// A bare feminine nisba adjective (نسائية, إدارية): after a bare head it
// makes it indefinite (تعاونية نسائية, هيئة إدارية). Not a verbal noun
// (رعاية, تنمية). Masculine ones (سنوي) are listed in org_stop: too many
// names end in ي (ثيزيري).
bool IsBareNisba(std::string_view word) {
  return HasLetters(word, 4) && EndsWith(word, "ية") && !EndsWith(word, "اية") && !StartsWith(word, "ت");
}

// An indefinite accusative (حدثا, احتفالا): an object or an adverb after a
// name, not a name word.
bool IsAccusative(std::string_view word) {
  return HasLetters(word, 4) && EndsWith(word, "ا") && !EndsWith(word, "اا") && !EndsWith(word, "ئا");
}

// A verbal noun of purpose after ل (لتمويل, لتنظيم, لاقتناء, لربط): ل + such
// a word not followed by its object starts a new phrase.
bool IsMasdarShaped(std::string_view word) {
  const size_t n = LetterCount(word);
  if (n < 3) return false;
  if (n == 3) return true;  // ربط, دعم, نقل
  if (EndsWith(word, "ة")) return true;
  const std::string_view before_last = DropLetters(word, n - 2).substr(0, 2);
  if (StartsWith(word, "ت") && n >= 5 && before_last == "ي") return true;   // تفعيل
  if (StartsWith(word, "ا") && n >= 5 && before_last == "ا") return true;   // افتعال, استفعال
  return false;
}

// Whether `word` (with ال) can be an adjective agreeing with a head noun of
// that gender: nisba (الجهوي, المغربية), participle (المتحدة, المشترك),
// فعيل (الكبير), أفعل (الأخضر), feminine elative (العليا, الكبرى).
// الجمعية الفاعل, الصندوق التقرير: a new phrase, not a name.
bool IsAdjectiveShaped(std::string_view word, bool feminine) {
  if (!HasArticle(word)) return false;
  const std::string_view stem = WithoutArticle(word);
  const size_t n = LetterCount(stem);
  if (feminine) {
    if (EndsWith(stem, "ة") || EndsWith(stem, "ا")) return true;
    return n == 4 && EndsWith(stem, "ي");  // الكبري, الوسطي, الاولي
  }
  if (EndsWith(stem, "ة")) return false;
  if (EndsWith(stem, "ي") || StartsWith(stem, "م")) return true;
  if (n == 4 && DropLetters(stem, 2).substr(0, 2) == "ي") return true;  // فعيل
  if (n == 4 && StartsWith(stem, "ا")) return true;                     // أفعل
  return false;
}

// An article word that continues a name: not a stop word, not another
// organization or an anaphoric unit (للجمعية, الجماعة).
bool ArticleContinues(const NameWord& w, Lexicon& context) {
  return w.kind == WordKind::kArabic && !w.opens_quote && HasArticle(w.core) && !IsStopWord(context, w.core) &&
         !IsOrgHead(context, w.core) && !IsPlaceHead(context, w.core);
}

// A word that cannot go on a name whatever came before: punctuation-like,
// a stop word, a verb, a conjunct or another organization.
bool EndsName(const NameWord& w, Lexicon& context) {
  if (w.kind != WordKind::kArabic || w.opens_quote) return true;
  if (IsStopWord(context, w.core) || IsVerbLike(context, w.core) || IsOrgHead(context, w.core)) return true;
  return StartsWith(w.core, kWaw) && !IsGazetteerWord(context, w.core, NameType::kLoc);
}

// What the head noun allows.
struct HeadInfo {
  bool article = false;    // الجمعية, للمجلس
  bool multiword = false;  // الفضاء الجمعوي: may be followed by a complement at once
  bool feminine = false;   // for the agreement of its first adjective
  bool club = false;       // نادي اتحاد ...: another head noun may be the name
  // As matched. After one of org_head_with_seat (كلية ... بوجدة), a seat
  // place after ب is in the name: asked only when such a word comes.
  std::string_view text;
  bool association = false;
  bool council = false;
};

struct OrgName {
  size_t end = 0;       // byte end of the name in the match
  int words = 0;        // name words taken after the head
  bool generic = true;  // only adjectives of org_generic_adj so far
};

// Walks the Arabic words of a name after its head noun.
OrgName WalkOrgName(Lexicon& context, NameWordList& words, const HeadInfo& head, size_t head_end) {
  enum class Prev { kHead, kBare, kArticle, kLam };
  OrgName name;
  name.end = head_end;
  Prev prev = Prev::kHead;
  bool seen_lam = false;  // a ل complement was taken
  bool forced = false;    // the previous word was a place particle
  int bare_run = 0;
  std::string last_lam_inner;  // the last ل complement without its ل
  auto take = [&](const NameWord& w) {
    name.end = w.core_end;
    ++name.words;
  };
  auto next_continues = [&](size_t i) {
    return !words[i].closes_quote && words.Has(i + 1) && ArticleContinues(words[i + 1], context);
  };
  auto next_ends = [&](size_t i) {
    return words[i].closes_quote || !words.Has(i + 1) || EndsName(words[i + 1], context);
  };
  // Takes the place name that starts at words[i] without its first `skip`
  // bytes; false when there is none.
  auto take_place = [&](size_t i, size_t skip, bool known_only) {
    const int known = KnownPlaceWords(context, words, i, words[i].core.substr(skip));
    size_t end = 0;
    if (known > 0) {
      end = words[i + known - 1].core_end;
    } else if (known_only || WalkPlaceName(context, words, i, PlaceMode::kUnit, &end, skip) == 0) {
      return false;
    }
    name.end = end;
    ++name.words;
    name.generic = false;
    return true;
  };

  for (size_t i = 0; words.Has(i); ++i) {
    const NameWord& w = words[i];
    if (w.kind != WordKind::kArabic || w.opens_quote) break;
    const std::string_view core = w.core;
    const size_t letters = w.letters;
    if (forced) {
      // The word after عين, سيدي, آيت ... belongs to the place name.
      if (IsStopWord(context, core)) break;
      if (StartsWith(core, kWaw) && letters >= 3) {
        const std::string_view rest = DropLetters(core, 1);
        if (IsPlaceHead(context, rest) || IsOrgHead(context, rest) || HasArticle(rest)) break;
      }
      take(w);
      forced = IsPlaceParticle(context, core);
      prev = Prev::kArticle;
      name.generic = false;
      if (w.closes_quote) break;
      continue;
    }
    // كلية الزراعة في جامعة البصرة: the faculty and its university.
    if (core == "في" && name.words > 0 && words.Has(i + 1) && words[i + 1].core == "جامعة") {
      take(w);
      take(words[++i]);
      prev = Prev::kBare;
      bare_run = 0;
      seen_lam = false;
      continue;
    }
    if (IsStopWord(context, core)) break;
    bool generic_word = false;

    if (HasArticle(core)) {
      // An adjective or a genitive noun: الأمل, المغربية; not ألقى.
      if (IsOrgHead(context, core) || IsPlaceHead(context, core) || InClass(context, OrgClass::kVerb, core)) break;
      if (prev == Prev::kHead) {
        if (!head.article && InClass(context, OrgClass::kAdminAdj, core)) break;  // مجلس الجماعي
        if (head.article && !head.multiword && !IsAdjectiveShaped(core, head.feminine)) break;
      }
      generic_word = InClass(context, OrgClass::kGenericAdj, core);
      take(w);
      prev = Prev::kArticle;
    } else if (StartsWith(core, "لل") && letters >= 4 && !IsGazetteerWord(context, core, NameType::kLoc)) {
      // ل + article: للتنمية, للحوز.
      if (prev == Prev::kHead && !head.multiword) break;  // جمعية للتنمية: indefinite
      std::string inner = std::string(kAl) + std::string(DropLetters(core, 2));
      if (IsStopWord(context, inner) || IsOrgHead(context, inner) || IsPlaceHead(context, inner)) break;
      take(w);
      seen_lam = true;
      prev = Prev::kLam;
      last_lam_inner = inner;
      forced = IsPlaceParticle(context, inner);
    } else if (StartsWith(core, kLam) && letters >= 4 && !IsPlaceParticle(context, core) &&
               !IsGazetteerWord(context, core, NameType::kGivenName) && !IsGazetteerWord(context, core, NameType::kLoc)) {
      // ل + bare word: لكرة, لتزنيت, لوزارة, لجهة.
      if ((prev == Prev::kHead && !head.multiword) || IsOrgHead(context, core)) break;
      const std::string_view inner = DropLetters(core, 1);
      if (IsVerbLike(context, inner)) break;  // ليصبح
      if (IsPlaceHead(context, inner)) {
        // المديرية الجهوية للثقافة لجهة X: the place is in the name.
        size_t end = 0;
        if (!words.Has(i + 1) || WalkPlaceName(context, words, i + 1, PlaceMode::kUnit, &end) == 0) break;
        take(w);
        name.end = end;
        name.generic = false;
        return name;
      }
      if (!IsOrgHead(context, inner)) {
        const int place_words = KnownPlaceWords(context, words, i, inner);
        if (place_words > 1) {
          // لسوس ماسة: a place of several words.
          take(w);
          name.end = words[i + place_words - 1].core_end;
          name.generic = false;
          i += place_words - 1;
          prev = Prev::kArticle;
          seen_lam = true;
          continue;
        }
        // A complement goes on with its genitive (لحماية البيئة) or ends the
        // name (لتافيلالت،); لتمويل هذا المشروع is a new phrase.
        const bool known = place_words == 1 || IsPlaceParticle(context, inner) ||
                           (words.Has(i + 1) && IsPlaceParticle(context, words[i + 1].core));
        // Before another organization (لربط المركز) the complement is a purpose.
        const bool next_org = words.Has(i + 1) && HasArticle(words[i + 1].core) &&
                              IsOrgHead(context, words[i + 1].core);
        if (!known && !next_continues(i) && !(next_ends(i) && !next_org && !IsMasdarShaped(inner))) break;
      }
      take(w);
      seen_lam = true;
      prev = Prev::kLam;
      last_lam_inner = std::string(inner);
      forced = IsPlaceParticle(context, inner);
    } else if (StartsWith(core, kBa) && letters >= 4 && !IsPlaceParticle(context, core) &&
               !IsGazetteerWord(context, core, NameType::kLoc) && !IsGazetteerWord(context, core, NameType::kGivenName) &&
               (HasArticle(DropLetters(core, 1)) || IsPlaceHead(context, DropLetters(core, 1)) ||
                IsOrgHead(context, DropLetters(core, 1)) || IsStopWord(context, DropLetters(core, 1)) ||
                KnownPlaceWords(context, words, i, DropLetters(core, 1)) > 0 || head.council)) {
      // ب + a place, an article word or a known word: a preposition.
      const std::string_view inner = DropLetters(core, 1);
      if (InClass(context, OrgClass::kTailCountry, inner)) {
        // المنظمة العربية للتنمية الإدارية بمصر.
        take(w);
        name.generic = false;
        return name;
      }
      if (prev == Prev::kLam && InClass(context, OrgClass::kBaMasdar, last_lam_inner) && HasArticle(inner) &&
          !IsPlaceHead(context, inner) && !IsStopWord(context, inner) &&
          KnownPlaceWords(context, words, i, inner) == 0) {
        // للنهوض بأوضاع المرأة.
        take(w);
        prev = Prev::kArticle;
        continue;
      }
      // The seat of a faculty (كلية الآداب بوجدة), of an association without a
      // complement (جمعية أصدقاء التراث بالمهدية), of a council (المجلس
      // البلدي بساقية الزيت).
      const bool council_seat = head.council && head.article && name.words > 0 && name.generic;
      const bool seat = InClass(context, OrgClass::kHeadWithSeat, head.text);
      if ((seat || (head.association && !seen_lam) || council_seat) && !IsPlaceHead(context, inner) &&
          !IsOrgHead(context, inner) && !IsStopWord(context, inner) &&
          take_place(i, core.size() - inner.size(), !council_seat))
        return name;
      break;
    } else if (StartsWith(core, kWaw) && letters >= 3 && name.words > 0 &&
               !IsGazetteerWord(context, core, NameType::kLoc) && !IsPlaceParticle(context, core)) {
      // و: والتنمية, وجبر الضرر; not ونادي, ومجموعة من, وبحضور.
      const std::string_view inner = DropLetters(core, 1);
      if (IsOrgHead(context, inner) || IsPlaceHead(context, inner) || IsStopWord(context, inner)) break;
      if (HasArticle(inner)) {
        take(w);
        prev = Prev::kArticle;
      } else if (StartsWith(inner, "لل")) {
        std::string full = std::string(kAl) + std::string(DropLetters(inner, 2));
        if (IsStopWord(context, full) || IsOrgHead(context, full) || IsPlaceHead(context, full)) break;
        take(w);
        prev = Prev::kLam;
      } else {
        if (StartsWith(inner, kLam) || StartsWith(inner, kBa) || IsVerbLike(context, core)) break;
        // جمعية أمل ورغة للتنمية: a second bare name word before a complement.
        const bool in_bare_run = prev == Prev::kBare && !seen_lam;
        const bool next_lam = !w.closes_quote && words.Has(i + 1) &&
                              words[i + 1].kind == WordKind::kArabic && StartsWith(words[i + 1].core, kLam) &&
                              !IsStopWord(context, words[i + 1].core);
        if (!next_continues(i) && !(in_bare_run && next_lam)) break;
        take(w);
        prev = in_bare_run ? Prev::kBare : Prev::kArticle;
      }
    } else {
      // A bare word.
      if (IsVerbLike(context, core)) break;
      if (letters < 2 || (letters == 2 && !IsPlaceParticle(context, core))) break;  // مجلة الـ
      if (HasPronounSuffix(core) && !IsGazetteerWord(context, core, NameType::kLoc)) break;   // مجلس إدارته
      if (IsPlaceHead(context, core)) {
        // مجلس جماعة تيفلت, مجلس جهة سوس ماسة.
        size_t end = 0;
        if (!words.Has(i + 1) || WalkPlaceName(context, words, i + 1, PlaceMode::kUnit, &end) == 0) break;
        take(w);
        name.end = end;
        name.generic = false;
        return name;
      }
      if (prev == Prev::kHead && head.article) break;  // الجمعية تنظم
      if (prev == Prev::kHead && StartsWith(core, kWaw) && letters >= 3) {
        // مركز ومدينة X: a conjunct right after the head; واحة is a name.
        const std::string_view inner = DropLetters(core, 1);
        if (HasArticle(inner) || IsPlaceHead(context, inner) || IsOrgHead(context, inner) ||
            IsStopWord(context, inner))
          break;
      }
      if (IsOrgHead(context, core) && !(prev == Prev::kHead && head.club)) break;
      // مجلس أمناء المؤسسة: the word belongs to another organization.
      if (words.Has(i + 1) && words[i + 1].kind == WordKind::kArabic && IsOrgHead(context, words[i + 1].core))
        break;
      if (prev == Prev::kHead && IsBareNisba(core) && !names::IsKnownName(context, core) &&
          !IsPlaceParticle(context, core))
        break;
      if (prev == Prev::kArticle) break;
      if (prev == Prev::kLam && IsPlaceParticle(context, core)) {
        // لاشتوكة آيت باها: a place name goes on after its particle.
        take(w);
        forced = true;
        prev = Prev::kArticle;
        continue;
      }
      if (prev == Prev::kLam || seen_lam) {
        // After a complement only its genitive goes on: لرعاية أطفال التوحد.
        if (!next_continues(i) || HasPronounSuffix(core)) break;
      } else if (bare_run >= kMaxBareRun) {
        break;
      } else if (bare_run > 0 && IsAccusative(core) && !names::IsKnownName(context, core)) {
        break;  // شركة X حدثا مميزا, جامعة X احتفالا
      }
      take(w);
      ++bare_run;
      prev = Prev::kBare;
      forced = IsPlaceParticle(context, core);
    }
    if (!generic_word) name.generic = false;
    if (w.closes_quote) break;
  }
  return name;
}

// The normalized name up to `end`: quote marks dropped, the article restored
// after the ل of لل.
std::string OrgNorm(std::string_view text, size_t end, bool lam_article) {
  std::string norm = CleanName(text.substr(0, end));
  if (lam_article) norm.insert(0, "ا");
  return norm;
}

// An ORG gazetteer name that starts at the beginning of `text` and reaches
// at least `*end`: the name is then the gazetteer's, with its canonical form.
// Returns the entry, or nullptr; moves `*end` to the gazetteer name's end.
const GazetteerEntry* GazetteerName(Lexicon& context, std::string_view text, size_t* end) {
  const Gazetteer* const gazetteer = context.context().gazetteer;
  if (gazetteer == nullptr) return nullptr;
  // A match reads no token past the longest name: only those are made, and
  // folded. Kept per thread, they allocate nothing once large enough.
  thread_local std::vector<Token> tokens;
  thread_local std::string key_text;
  Tokenize(text, gazetteer->max_name_tokens(), &tokens);
  key_text.assign(text.data(), tokens.empty() ? 0 : tokens.back().end);
  Gazetteer::FoldKeys(&key_text);
  GazetteerHit hit;
  if (!gazetteer->MatchFirst(key_text, tokens, &hit)) return nullptr;
  const GazetteerEntry& entry = gazetteer->entries()[hit.entry];
  if (std::string_view(entry.type) != "ORG") return nullptr;
  const size_t hit_end = tokens[hit.end_token - 1].end;
  if (hit_end < *end) return nullptr;
  *end = hit_end;
  return &entry;
}

// A name the pattern delimits (`span`): news outlets. With a `trim` capture
// the name ends before the first stop word or verb; without, such a word
// rejects the match.
std::optional<Value> SpanName(const RuleMatch& match, const OrgGroups& groups, Lexicon& context, size_t head_end) {
  const std::string_view text = match.text;
  const size_t span_begin = groups.span.data() == nullptr ? std::string_view::npos
                                                          : static_cast<size_t>(groups.span.data() - text.data());
  const size_t span_end = groups.span.data() == nullptr ? std::string_view::npos : span_begin + groups.span.size();
  // Digits glued to a name that ends in digits are one number (24 + 26).
  if (groups.glued && span_end > 0 && text[span_end - 1] >= '0' && text[span_end - 1] <= '9')
    return std::nullopt;
  size_t end = head_end;
  NameWordList words(text.substr(0, span_end), head_end);
  for (size_t i = 0; words.Has(i); ++i) {
    const NameWord& w = words[i];
    const bool suffix = InClass(context, OrgClass::kMediaSuffix, w.core);
    const bool bad = w.kind == WordKind::kOther ||
                     (w.kind == WordKind::kArabic && !suffix &&
                      (IsStopWord(context, w.core) || IsVerbLike(context, w.core) ||
                       HasPronounSuffix(w.core)));
    if (bad) {
      if (!groups.trim) return std::nullopt;
      break;
    }
    end = w.core_end;
    if (w.closes_quote) break;
  }
  if (end <= head_end && head_end > span_begin) return std::nullopt;
  Value v;
  if (end < span_end) v.end_in_match = static_cast<int>(end);
  v.norm = CleanName(text.substr(span_begin, end - span_begin));
  return v;
}

// The unit noun of a place's norm, as the gazetteers write it: جماعة X for
// الجماعة الترابية X; the head as written otherwise.
std::string UnitNoun(const RuleMatch& match) {
  const std::string head = CleanName(HeadGroup(match));
  const std::string& subtype = match.rule != nullptr ? match.rule->subtype : std::string();
  if (subtype == "commune" && head.find("جماعة") != std::string::npos) return "جماعة";
  return head;
}

}  // namespace

std::optional<Value> BuildOrgValue(const RuleMatch& match, const ValueContext& value_context) {
  const OrgGroups groups(match);
  const std::string_view text = MatchWithTail(match, groups);
  Lexicon context(value_context, text);
  const bool lam_article = groups.art == kLam;
  const size_t head_end = HeadEnd(match, groups.head);
  if (groups.has_span) return SpanName(match, groups, context, head_end);

  const std::string_view head_text = groups.head;
  const std::string_view subtype = match.rule != nullptr ? std::string_view(match.rule->subtype) : std::string_view();
  HeadInfo head;
  head.article = groups.has_art;
  head.multiword = head_text.find(' ') != std::string_view::npos || head_text.find('\t') != std::string_view::npos;
  head.feminine = EndsWith(head_text, "ة") || EndsWith(head_text, "ه");
  head.club = subtype == "club";
  head.association = subtype == "association";
  head.council = subtype == "council";
  head.text = head_text;

  NameWordList words(text, head_end);
  size_t end = 0;
  if (words.Has(0) && words[0].opens_quote) {
    // A name in quote marks: مؤسسة "غد أفضل".
    for (size_t i = 0; i < static_cast<size_t>(kMaxQuoted) && words.Has(i); ++i) {
      if (words[i].closes_quote) {
        end = words[i].end;
        break;
      }
      if (i > 0 && words[i].opens_quote) break;
    }
    if (end == 0) return std::nullopt;
  } else if (words.Has(0) && words[0].kind == WordKind::kLatin) {
    // A Latin name: وكالة USAID.
    for (size_t i = 0; i < static_cast<size_t>(kMaxLatin) && words.Has(i); ++i) {
      if (words[i].kind != WordKind::kLatin && words[i].kind != WordKind::kNumber) break;
      if (i > 0 && words[i].opens_quote) break;
      end = words[i].core_end;
      if (words[i].closes_quote) break;
    }
  } else {
    if (words.Has(0) && words[0].kind == WordKind::kArabic) {
      const std::string_view first = words[0].core;
      // الجمعية العامة للمنخرطين, الهيئة المديرة: a meeting or a board;
      // but الهيئة العامة لتعليم الكبار names a body.
      if (head.article && InClass(context, OrgClass::kGenericFirst, first)) {
        bool body = false;
        if (words.Has(1) && words[1].kind == WordKind::kArabic && !words[0].closes_quote) {
          const std::string_view next = words[1].core;
          std::string inner;
          if (StartsWith(next, "لل")) inner = std::string(kAl) + std::string(DropLetters(next, 2));
          else if (StartsWith(next, kLam)) inner = std::string(DropLetters(next, 1));
          body = !inner.empty() && !IsOrgHead(context, inner) && !IsStopWord(context, inner) &&
                 !InClass(context, OrgClass::kGenericOf, inner) && !IsGazetteerWord(context, inner, NameType::kLoc);
        }
        if (!body) return std::nullopt;
      }
      // فريق الكبار: a team of a club.
      if (head.club && InClass(context, OrgClass::kTeamCategory, first)) return std::nullopt;
      // مركز التكوين, مركز ملوي: a facility or a district, not an organization.
      if (groups.facility && (InClass(context, OrgClass::kFacilityNoun, first) ||
                                    InClass(context, OrgClass::kFacilityNoun, WithoutArticle(first)) ||
                                    IsGazetteerWord(context, first, NameType::kLoc)))
        return std::nullopt;
    }
    OrgName name = WalkOrgName(context, words, head, head_end);
    // A weak head (مركز) needs a name of two words at least.
    if (groups.min2 && name.words < 2) return std::nullopt;
    if (groups.named) {
      // The head already names the organization (الفضاء الجمعوي).
      end = name.words > 0 ? name.end : head_end;
    } else {
      if (name.words == 0) return std::nullopt;
      if (head.article && name.generic) return std::nullopt;  // الوكالة الوطنية
      end = name.end;
    }
  }
  if (end < head_end || (end == head_end && !groups.named)) return std::nullopt;
  Value v;
  if (const GazetteerEntry* entry = GazetteerName(context, text, &end)) {
    v.norm = entry->canonical;
  } else {
    v.norm = OrgNorm(text, end, lam_article);
  }
  v.end_in_match = static_cast<int>(end);
  return v;
}

std::optional<Value> BuildPlaceValue(const RuleMatch& match, const ValueContext& value_context) {
  const std::string_view text = match.text;
  Lexicon context(value_context, text);
  const size_t head_end = HeadEnd(match, HeadGroup(match));
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
  NameWordList words(text, head_end);
  if (!words.Has(0)) return std::nullopt;
  size_t end = 0;
  const int taken = WalkPlaceName(context, words, 0, city ? PlaceMode::kCity : PlaceMode::kUnit, &end);
  if (taken == 0) return std::nullopt;
  const std::string_view first = words[0].core;
  const bool quoted = words[0].opens_quote;  // a quoted name needs no other test
  // A single bare particle (عين, سيدي) is not a name; القصبة is.
  if (taken == 1 && IsPlaceParticle(context, first) && !HasArticle(first)) return std::nullopt;
  // Nouns that are also common words need a known place (جهة: من جهة أخرى).
  if (!quoted && match.Has("known") && !IsGazetteerWord(context, first, NameType::kLoc) && !IsPlaceParticle(context, first) &&
      KnownPlaceWords(context, words, 0, first) == 0)
    return std::nullopt;
  // قصر أولاد الزهراء but not قصر المؤتمرات.
  if (!quoted && match.Has("bare_first") && HasArticle(first) && !IsPlaceParticle(context, first) &&
      KnownPlaceWords(context, words, 0, first) == 0)
    return std::nullopt;
  // After a generic noun or before a bare name, a feminine adjective, a verb
  // or a possessed word is no name (مدينة مقدسة, قرية يسمى, قصر سموه).
  if (!quoted && (generic || match.Has("bare_first")) && !HasArticle(first) && !names::IsKnownName(context, first) &&
      !IsPlaceParticle(context, first) &&
      (EndsWith(first, "ة") || HasPronounSuffix(first) || InClass(context, OrgClass::kVerb, first) ||
       (generic ? IsVerbLike(context, first) : StartsWith(first, "ي"))))
    return std::nullopt;
  Value v;
  v.end_in_match = static_cast<int>(end);
  const std::string name = CleanName(text.substr(words[0].core_begin, end - words[0].core_begin));
  v.norm = generic ? name : UnitNoun(match) + " " + name;
  return v;
}

}  // namespace khabar
